import type { EarnedBadgeRevokedResolvers } from '../generated/resolvers-types.js';
import { badgeById } from './badgeById.js';

export const EarnedBadgeRevoked: EarnedBadgeRevokedResolvers = {
  badge: (parent, _args, context) => badgeById(parent, context),
};

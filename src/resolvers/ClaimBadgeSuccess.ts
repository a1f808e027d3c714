import type { ClaimBadgeSuccessResolvers } from '../generated/resolvers-types.js';
import { badgeById } from './badgeById.js';

export const ClaimBadgeSuccess: ClaimBadgeSuccessResolvers = {
  badge: (parent, _args, context) => badgeById(parent, context),
};

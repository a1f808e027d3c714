import type { UnclaimBadgeSuccessResolvers } from '../generated/resolvers-types.js';
import { badgeById } from './badgeById.js';

export const UnclaimBadgeSuccess: UnclaimBadgeSuccessResolvers = {
  badge: (parent, _args, context) => badgeById(parent, context),
};

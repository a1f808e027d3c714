import type { UnclaimBadgeSuccessResolvers } from '../generated/resolvers-types.js';
import { badgeOfChange } from './badgeOfChange.js';

export const UnclaimBadgeSuccess: UnclaimBadgeSuccessResolvers = {
  badge: (parent, _args, context) => badgeOfChange(parent, context),
};

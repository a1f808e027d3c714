import type { ClaimBadgeSuccessResolvers } from '../generated/resolvers-types.js';
import { badgeOfChange } from './badgeOfChange.js';

export const ClaimBadgeSuccess: ClaimBadgeSuccessResolvers = {
  badge: (parent, _args, context) => badgeOfChange(parent, context),
};

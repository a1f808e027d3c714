import type { BadgeActivationChangedResolvers } from '../generated/resolvers-types.js';
import { badgeOfChange } from './badgeOfChange.js';

export const BadgeActivationChanged: BadgeActivationChangedResolvers = {
  badge: (parent, _args, context) => badgeOfChange(parent, context),
};

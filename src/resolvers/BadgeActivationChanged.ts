import type { BadgeActivationChangedResolvers } from '../generated/resolvers-types.js';
import { badgeById } from './badgeById.js';

export const BadgeActivationChanged: BadgeActivationChangedResolvers = {
  badge: (parent, _args, context) => badgeById(parent, context),
};

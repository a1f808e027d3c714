import type { BadgeEarnedResolvers } from '../generated/resolvers-types.js';
import { badgeById } from './badgeById.js';

export const BadgeEarned: BadgeEarnedResolvers = {
  badge: ({ earn }, _args, context) => badgeById(earn, context),
};

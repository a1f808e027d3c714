import type { CustomerBadgeResolvers } from '../generated/resolvers-types.js';
import { badgeById } from './badgeById.js';

export const CustomerBadge: CustomerBadgeResolvers = {
  badge: (parent, _args, context) => badgeById(parent, context),
};

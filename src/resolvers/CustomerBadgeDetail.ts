import type { CustomerBadgeDetailResolvers } from '../generated/resolvers-types.js';
import { badgeById } from './badgeById.js';

export const CustomerBadgeDetail: CustomerBadgeDetailResolvers = {
  badge: (parent, _args, context) => badgeById(parent, context),
};

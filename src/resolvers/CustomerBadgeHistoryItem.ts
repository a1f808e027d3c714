import type { CustomerBadgeHistoryItemResolvers } from '../generated/resolvers-types.js';
import { badgeById } from './badgeById.js';

export const CustomerBadgeHistoryItem: CustomerBadgeHistoryItemResolvers = {
  badge: (parent, _args, context) => badgeById(parent, context),
};

import type { QueryResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';

export const Query: QueryResolvers = {
  badgeOrgMeta: (_parent, _args, { read }) => read(registry.badgeOrgMeta, {}),
  badge: (_parent, args, { read }) => read(registry.badge, args),
  badges: (_parent, args, { read }) => read(registry.badges, args),
  badgeFixedWindows: (_parent, args, { read }) => read(registry.badgeFixedWindows, args),
  badgeGroup: (_parent, args, { read }) => read(registry.badgeGroup, args),
  badgeGroups: (_parent, args, { read }) => read(registry.badgeGroups, args),
  badgeCustomField: (_parent, args, { read }) => read(registry.badgeCustomField, args),
  badgeCustomFields: (_parent, args, { read }) => read(registry.badgeCustomFields, args),
  customerBadges: (_parent, args, { read }) => read(registry.customerBadges, args),
  customerBadgeHistory: (_parent, args, { read }) => read(registry.customerBadgeHistory, args),
  customerBadge: (_parent, args, { read }) => read(registry.customerBadge, args),
};

import type { BadgeResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';
import { idOf, referenced } from './entityReference.js';

export const Badge: BadgeResolvers = {
  /** A reference by id: null when no badge of the caller's org has it. */
  async __resolveReference(representation, { read }) {
    const id = idOf(representation);
    if (id === null) return null;
    return referenced(await read(registry.badge, { id, includeStatistics: false }), 'Badge');
  },

  /** One read per group per request, whatever the number of badges in it; null when it cannot be read. */
  async group({ badgeGroupId }, _args, { read }) {
    if (badgeGroupId === null) return null;
    const result = await read(registry.badgeGroup, { id: badgeGroupId });
    return result.__typename === 'BadgeGroup' ? result : null;
  },
};

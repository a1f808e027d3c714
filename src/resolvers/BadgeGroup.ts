import type { BadgeGroupResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';
import { idOf, referenced } from './entityReference.js';

export const BadgeGroup: BadgeGroupResolvers = {
  /** A reference by id: null when no group of the caller's org has it. */
  async __resolveReference(representation, { read }) {
    const id = idOf(representation);
    if (id === null) return null;
    return referenced(await read(registry.badgeGroup, { id }), 'BadgeGroup');
  },
};

import type { BadgeGroupResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';
import { referenced } from './entityReference.js';

export const BadgeGroup: BadgeGroupResolvers = {
  /** A reference by id: null when no group of the caller's org has it. */
  async __resolveReference({ id }, { read }) {
    return referenced(await read(registry.badgeGroup, { id }), 'BadgeGroup');
  },
};

import type { BadgeCustomFieldResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';
import { referenced } from './entityReference.js';

export const BadgeCustomField: BadgeCustomFieldResolvers = {
  /** A reference by id: null when no custom field of the caller's org has it. */
  async __resolveReference({ id }, { read }) {
    return referenced(await read(registry.badgeCustomField, { id }), 'BadgeCustomField');
  },
};

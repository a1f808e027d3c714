import type { BadgeCustomFieldResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';
import { idOf, referenced } from './entityReference.js';

export const BadgeCustomField: BadgeCustomFieldResolvers = {
  /** A reference by id: null when no custom field of the caller's org has it. */
  async __resolveReference(representation, { read }) {
    const id = idOf(representation);
    if (id === null) return null;
    return referenced(await read(registry.badgeCustomField, { id }), 'BadgeCustomField');
  },
};

import type { CustomerResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';
import { idOf } from './entityReference.js';

export const Customer: CustomerResolvers = {
  /**
   * This subgraph contributes to `Customer` and knows it by id alone: no call to
   * Capillary. The customers subgraph owns the customer: whatever its id, it is
   * resolved (an id Capillary cannot take makes `badges` an input problem, not a
   * missing customer).
   */
  __resolveReference(representation) {
    const id = idOf(representation);
    return id === null ? null : { id };
  },

  /** The customer's badges, read once per customer and arguments per request. */
  badges: ({ id }, args, { read }) => read(registry.customerBadges, { ...args, customer: { id } }),
};

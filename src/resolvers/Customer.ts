import type { CustomerResolvers } from '../generated/resolvers-types.js';
import { isCustomerId } from '../operations/customerBadges/customer.js';
import { registry } from '../operations/index.js';
import { idOf } from './entityReference.js';

export const Customer: CustomerResolvers = {
  /**
   * This subgraph contributes to `Customer` and knows it by id alone: no call to
   * Capillary. An id that is not Capillary's numeric customer id names no customer.
   */
  __resolveReference(representation) {
    const id = idOf(representation);
    return id === null || !isCustomerId(id) ? null : { id };
  },

  /** The customer's badges, read once per customer and arguments per request. */
  badges: ({ id }, args, { read }) => read(registry.customerBadges, { ...args, customer: { id } }),
};

import type { BadgesClient, Credentials } from './badges/client.js';

/** Built afresh for every GraphQL request; nothing in it outlives the request. */
export interface Context {
  readonly badges: BadgesClient;
  /** The caller's own Capillary credentials, or null when the request carried none. */
  readonly credentials: Credentials | null;
}

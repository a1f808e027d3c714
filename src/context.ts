import type { BadgesClient, Credentials } from './badges/client.js';
import type { BadgeOrgMetaResult } from './badges/domain.js';
import { readOrgMeta } from './badges/orgMeta.js';

/** Built afresh for every GraphQL request; nothing in it outlives the request. */
export interface Context {
  readonly badges: BadgesClient;
  /** The caller's own Capillary credentials, or null when the request carried none. */
  readonly credentials: Credentials | null;
  /**
   * The caller's org meta, read from Capillary at most once per GraphQL request:
   * the query and every entity reference to it share the one read.
   */
  readonly orgMeta: () => Promise<BadgeOrgMetaResult>;
}

export function createContext(badges: BadgesClient, credentials: Credentials | null): Context {
  let read: Promise<BadgeOrgMetaResult> | undefined;
  return {
    badges,
    credentials,
    orgMeta: () => (read ??= readOrgMeta(badges, credentials, badges.startDeadline())),
  };
}

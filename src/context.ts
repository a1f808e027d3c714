import type { AttemptRecord, BadgesClient, Credentials, Deadline } from './badges/client.js';
import type { BadgeOrgMetaResult } from './badges/domain.js';
import { readOrgMeta } from './badges/orgMeta.js';
import type { RequestRecord } from './observability/requestRecord.js';

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
  /** A fresh deadline for upstream calls, whose attempts are noted in `record`. */
  readonly startDeadline: () => Deadline;
  /** What this request did, for its log line. */
  readonly record: RequestRecord;
}

export function createContext(
  badges: BadgesClient,
  credentials: Credentials | null,
  record: RequestRecord,
): Context {
  const onAttempt = (attempt: AttemptRecord) => {
    record.upstream.push(attempt);
  };
  const startDeadline = (): Deadline => ({ expiresAt: badges.startDeadline().expiresAt, onAttempt });
  let read: Promise<BadgeOrgMetaResult> | undefined;
  return {
    badges,
    credentials,
    orgMeta: () => (read ??= readOrgMeta(badges, credentials, startDeadline())),
    startDeadline,
    record,
  };
}

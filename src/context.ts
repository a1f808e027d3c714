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
   * The caller's org meta, read from Capillary at most once per GraphQL request
   * (until a write): the query, every entity reference and every
   * `OrgMetaAlreadyExists.existing` share the one read. It is made within
   * `deadline` when given (`existing`: the create's), else a fresh one.
   */
  readonly orgMeta: (deadline?: Deadline) => Promise<BadgeOrgMetaResult>;
  /** After a write to the org meta: the next `orgMeta()` reads it again. */
  readonly orgMetaWritten: () => void;
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
    orgMeta: (deadline = startDeadline()) => (read ??= readOrgMeta(badges, credentials, deadline)),
    orgMetaWritten: () => {
      read = undefined;
    },
    startDeadline,
    record,
  };
}

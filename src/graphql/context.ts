import type { CapillaryClient, Deadline } from '../capillary/client.js';
import type { Credentials } from '../capillary/credentials.js';
import { perform, type Caller } from '../capillary/operation.js';
import type { RequestRecord } from '../observability/requestRecord.js';
import { badgeOrgMeta } from '../operations/index.js';
import type { ResultUnion } from '../operations/resultUnion.js';

/** Built afresh for every GraphQL request; nothing in it outlives the request. */
export interface Context extends Caller {
  /**
   * The caller's org meta, read from Capillary at most once per GraphQL request
   * (until a write): the query, every entity reference and every
   * `OrgMetaAlreadyExists.existing` share the one read. It is made within
   * `deadline` when given (`existing`: the create's), else a fresh one.
   */
  readonly orgMeta: (deadline?: Deadline) => Promise<ResultUnion<'BadgeOrgMetaResult'>>;
  /** After a write to the org meta: the next `orgMeta()` reads it again. */
  readonly orgMetaWritten: () => void;
  /** What this request did, for its log line. */
  readonly record: RequestRecord;
}

export function createContext(
  capillary: CapillaryClient,
  credentials: Credentials | null,
  record: RequestRecord,
): Context {
  const startDeadline = (): Deadline => ({
    expiresAt: capillary.startDeadline().expiresAt,
    onAttempt: (attempt) => {
      record.upstream.push(attempt);
    },
  });
  const caller: Caller = { capillary, credentials, startDeadline };
  let read: Promise<ResultUnion<'BadgeOrgMetaResult'>> | undefined;
  return {
    ...caller,
    orgMeta: (deadline = startDeadline()) => (read ??= perform(badgeOrgMeta, {}, caller, deadline)),
    orgMetaWritten: () => {
      read = undefined;
    },
    record,
  };
}

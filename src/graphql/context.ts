import type { CapillaryClient, Deadline } from '../capillary/client.js';
import type { Credentials } from '../capillary/credentials.js';
import { perform, type Caller, type Operation, type RequestReads } from '../capillary/operation.js';
import type { RequestRecord } from '../observability/requestRecord.js';

/** Built afresh for every GraphQL request; nothing in it outlives the request. */
export interface Context extends Caller, RequestReads {
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
  // A read is made at most once per request for the same operation and arguments (until a write):
  // a query, entity references, `existing`, and `Badge.group` of every badge of a list share it.
  // It is made within `deadline` when given (`existing`: the create's), else a fresh one.
  const reads = new Map<string, Promise<unknown>>();
  return {
    ...caller,
    read<A, D, R>(operation: Operation<A, D, R>, args: A, deadline = startDeadline()): Promise<R> {
      const key = `${operation.name} ${JSON.stringify(args)}`;
      let pending = reads.get(key) as Promise<R> | undefined;
      if (pending === undefined) {
        pending = perform(operation, args, caller, deadline);
        reads.set(key, pending);
      }
      return pending;
    },
    written: () => {
      reads.clear();
    },
    record,
  };
}

import { GraphQLError } from 'graphql';
import type { CapillaryClient, Deadline } from '../capillary/client.js';
import type { Credentials } from '../capillary/credentials.js';
import { perform, type Caller, type Operation, type RequestReads } from '../capillary/operation.js';
import type { RequestRecord } from '../observability/requestRecord.js';

/** Built afresh for every GraphQL request; nothing in it outlives the request. */
export interface Context extends Caller, RequestReads {
  /** What this request did, for its log line. */
  readonly record: RequestRecord;
}

/**
 * A request's Capillary client, refusing calls past `maxCalls`: validation bounds the fields that call
 * Capillary, but an entity query's representations and the `group` of every badge of a list are
 * counted at run time, here.
 */
function budgeted(capillary: CapillaryClient, maxCalls: number): CapillaryClient {
  let calls = 0;
  return {
    startDeadline: () => capillary.startDeadline(),
    call(endpoint, args, credentials, deadline) {
      calls++;
      if (calls > maxCalls) {
        throw new GraphQLError(
          `This request would call Capillary more than ${maxCalls} times (MAX_UPSTREAM_CALLS); ask for fewer entities or items.`,
          { extensions: { code: 'UPSTREAM_CALL_LIMIT' } },
        );
      }
      return capillary.call(endpoint, args, credentials, deadline);
    },
  };
}

export function createContext(
  client: CapillaryClient,
  credentials: Credentials | null,
  record: RequestRecord,
  maxUpstreamCalls = Number.POSITIVE_INFINITY,
): Context {
  const capillary = budgeted(client, maxUpstreamCalls);
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

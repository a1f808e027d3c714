import { AsyncLocalStorage } from 'node:async_hooks';
import type { AttemptRecord } from '../badges/client.js';

/** What one GraphQL request did, gathered for its log line. */
export interface RequestRecord {
  readonly requestId: string;
  operationName: string | null;
  operationType: string | null;
  readonly results: Array<{ readonly field: string; readonly result: string }>;
  readonly upstream: AttemptRecord[];
  errors: number;
}

const scope = new AsyncLocalStorage<RequestRecord>();

export function runInRequestScope<T>(record: RequestRecord, work: () => T): T {
  return scope.run(record, work);
}

/** The record of the GraphQL request this code runs for, if any. */
export function currentRequest(): RequestRecord | undefined {
  return scope.getStore();
}

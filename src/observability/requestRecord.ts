import type { AttemptRecord } from '../capillary/client.js';

/** What one GraphQL request did, gathered for its log line. Carried in the GraphQL context. */
export interface RequestRecord {
  readonly requestId: string;
  operationName: string | null;
  operationType: string | null;
  readonly results: Array<{ readonly field: string; readonly result: string }>;
  readonly upstream: AttemptRecord[];
  errors: number;
}

export function newRequestRecord(requestId: string): RequestRecord {
  return { requestId, operationName: null, operationType: null, results: [], upstream: [], errors: 0 };
}

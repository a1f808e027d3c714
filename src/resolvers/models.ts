import type { Deadline } from '../badges/client.js';
import type { OrgMetaAlreadyExists } from '../badges/domain.js';

/**
 * What `OrgMetaAlreadyExists` resolves from: the outcome, plus what its lazy
 * `existing` field needs: the org to match, and the create's deadline, within
 * which the request's shared read of the org meta is made (context.ts).
 */
export interface OrgMetaAlreadyExistsParent extends OrgMetaAlreadyExists {
  readonly orgId: number;
  readonly deadline: Deadline;
}

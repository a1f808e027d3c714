import type { Deadline } from '../badges/client.js';
import type { OrgMetaAlreadyExists } from '../badges/domain.js';

/**
 * What `OrgMetaAlreadyExists` resolves from: the outcome, plus what its lazy
 * `existing` field needs to read the stored org meta within the create's deadline.
 */
export interface OrgMetaAlreadyExistsParent extends OrgMetaAlreadyExists {
  readonly orgId: number;
  readonly deadline: Deadline;
}

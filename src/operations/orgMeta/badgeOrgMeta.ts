import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { ResultUnion } from '../resultUnion.js';
import { orgMetaNotFound, orgMetaSchema } from './orgMeta.js';

/**
 * `GET orgMeta`: the caller's org meta (the org comes from the credentials). Also
 * read for `OrgMetaAlreadyExists.existing` and for `BadgeOrgMeta` entity references.
 */
export const badgeOrgMeta = defineOperation<ResultUnion<'BadgeOrgMetaResult'>, Record<string, never>>()({
  field: 'Query.badgeOrgMeta',
  alsoCalledBy: ['OrgMetaAlreadyExists.existing'],
  entity: 'BadgeOrgMeta',
  method: 'GET',
  path: 'orgMeta',
  data: orgMetaSchema,
  outcomes: {
    success: ({ data }) => ({ __typename: 'BadgeOrgMeta', ...data }),
    notFound: orgMetaNotFound,
    invalid: unexpectedRefusal,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

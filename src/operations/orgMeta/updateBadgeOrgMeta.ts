import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationUpdateBadgeOrgMetaArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import {
  invalidOrgMetaInput,
  orgMetaBody,
  orgMetaInputProblems,
  orgMetaNotFound,
  orgMetaSchema,
} from './orgMeta.js';

/** `PUT orgMeta`: replaces the whole tag list of the org's org meta. */
export const updateBadgeOrgMeta = defineOperation<
  ResultUnion<'UpdateBadgeOrgMetaResult'>,
  MutationUpdateBadgeOrgMetaArgs
>()({
  field: 'Mutation.updateBadgeOrgMeta',
  method: 'PUT',
  path: 'orgMeta',
  body: ({ input }) => orgMetaBody(input),
  check: ({ input }) => orgMetaInputProblems(input),
  data: orgMetaSchema,
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'UpdateBadgeOrgMetaSuccess', orgMeta: data, warnings }),
    notFound: orgMetaNotFound,
    invalid: invalidOrgMetaInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationCreateBadgeOrgMetaArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { invalidOrgMetaInput, orgMetaBody, orgMetaInputProblems, orgMetaSchema } from './orgMeta.js';

/** `POST orgMeta`: an org's first org meta; a second create is refused with 409. */
export const createBadgeOrgMeta = defineOperation<
  ResultUnion<'CreateBadgeOrgMetaResult'>,
  MutationCreateBadgeOrgMetaArgs
>()({
  field: 'Mutation.createBadgeOrgMeta',
  method: 'POST',
  path: 'orgMeta',
  body: ({ input }) => orgMetaBody(input),
  check: ({ input }) => orgMetaInputProblems(input),
  data: orgMetaSchema,
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'CreateBadgeOrgMetaSuccess', orgMeta: data, warnings }),
    // Capillary sends its generic code 999999 with the 409: the status decides.
    conflict: ({ upstreamErrors, requestId }, { args, deadline }) => ({
      __typename: 'OrgMetaAlreadyExists',
      message: 'This org already has a badge org meta; change it with an update instead.',
      upstreamErrors,
      requestId,
      orgId: args.input.orgId,
      deadline,
    }),
    invalid: invalidOrgMetaInput,
    notFound: unexpectedRefusal,
    ...commonOutcomes,
  },
});

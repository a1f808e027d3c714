import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationCreateBadgeGroupArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import {
  badgeGroupBody,
  badgeGroupNameTaken,
  badgeGroupProblems,
  badgeGroupSchema,
  invalidBadgeGroupInput,
} from './badgeGroup.js';

/** `POST group`: a new badge group. */
export const createBadgeGroup = defineOperation<
  ResultUnion<'CreateBadgeGroupResult'>,
  MutationCreateBadgeGroupArgs
>()({
  field: 'Mutation.createBadgeGroup',
  method: 'POST',
  path: 'group',
  body: ({ input }) => badgeGroupBody(input),
  check: ({ input }) => badgeGroupProblems(input),
  data: badgeGroupSchema,
  codes: {
    733: (verdict, { args }) => badgeGroupNameTaken(args.input.name, verdict),
    732: invalidBadgeGroupInput,
  },
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'CreateBadgeGroupSuccess', group: data, warnings }),
    invalid: invalidBadgeGroupInput,
    conflict: unexpectedRefusal,
    notFound: unexpectedRefusal,
    ...commonOutcomes,
  },
});

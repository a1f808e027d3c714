import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationCreateBadgeGroupArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { groupWrite, invalidBadgeGroupInput } from './badgeGroup.js';

/** `POST group`: a new badge group. */
export const createBadgeGroup = defineOperation<
  ResultUnion<'CreateBadgeGroupResult'>,
  MutationCreateBadgeGroupArgs
>()({
  field: 'Mutation.createBadgeGroup',
  method: 'POST',
  path: 'group',
  ...groupWrite,
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'CreateBadgeGroupSuccess', group: data, warnings }),
    invalid: invalidBadgeGroupInput,
    conflict: unexpectedRefusal,
    notFound: unexpectedRefusal,
    ...commonOutcomes,
  },
});

import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationUpdateBadgeGroupArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeGroupNotFound, groupWrite, invalidBadgeGroupInput } from './badgeGroup.js';

/**
 * `PUT {groupId}`: renames and re-ranks a group. The docs contradict each other
 * (POST or PUT; `badges/{groupid}` or `badges/group/{groupid}`): this sends what
 * the newest captured call shows, PUT on `badges/{groupid}`.
 */
export const updateBadgeGroup = defineOperation<
  ResultUnion<'UpdateBadgeGroupResult'>,
  MutationUpdateBadgeGroupArgs
>()({
  field: 'Mutation.updateBadgeGroup',
  method: 'PUT',
  path: '{groupId}',
  pathParams: ({ input }) => ({ groupId: input.id }),
  ...groupWrite,
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'UpdateBadgeGroupSuccess', group: data, warnings }),
    notFound: (verdict, { args }) => badgeGroupNotFound(args.input.id, verdict),
    invalid: invalidBadgeGroupInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

import { commonOutcomes, idNotFound, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { QueryBadgeGroupArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeGroupNotFound, badgeGroupSchema } from './badgeGroup.js';
import { idProblems } from '../wire.js';

/**
 * `GET group/{groupId}`: one group. Also read for `Badge.group` and `BadgeGroup`
 * entity references (once per id per request).
 */
export const badgeGroup = defineOperation<ResultUnion<'BadgeGroupResult'>, QueryBadgeGroupArgs>()({
  field: 'Query.badgeGroup',
  alsoCalledBy: ['Badge.group'],
  entity: 'BadgeGroup',
  method: 'GET',
  path: 'group/{groupId}',
  pathParams: ({ id }) => ({ groupId: id }),
  check: ({ id }) => idProblems(['id'], id),
  data: badgeGroupSchema,
  outcomes: {
    success: ({ data }) => ({ __typename: 'BadgeGroup', ...data }),
    notFound: (verdict, { args }) => badgeGroupNotFound(args.id, verdict),
    invalid: idNotFound((verdict, { args }) => badgeGroupNotFound(args.id, verdict)),
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

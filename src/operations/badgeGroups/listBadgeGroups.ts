import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { QueryBadgeGroupsArgs } from '../../generated/resolvers-types.js';
import { pageQuery, pagingProblems } from '../paging.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeGroupPageSchema, invalidBadgeGroupInput } from './badgeGroup.js';

/** `GET group`: the org's badge groups, paged from 0. */
export const badgeGroups = defineOperation<ResultUnion<'BadgeGroupsResult'>, QueryBadgeGroupsArgs>()({
  field: 'Query.badgeGroups',
  method: 'GET',
  path: 'group',
  query: (args) => ({ ...pageQuery(args), order: args.order }),
  check: (args) => pagingProblems(args),
  data: badgeGroupPageSchema,
  outcomes: {
    success: ({ data }) => ({ __typename: 'BadgeGroupPage', ...data }),
    invalid: invalidBadgeGroupInput,
    notFound: unexpectedRefusal,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

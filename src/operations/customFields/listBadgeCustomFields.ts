import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { QueryBadgeCustomFieldsArgs } from '../../generated/resolvers-types.js';
import { pageQuery, pagingProblems } from '../paging.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeCustomFieldPageSchema, invalidBadgeCustomFieldInput } from './badgeCustomField.js';

/** `GET customField`: the org's custom fields by last change, paged from 0. */
export const badgeCustomFields = defineOperation<
  ResultUnion<'BadgeCustomFieldsResult'>,
  QueryBadgeCustomFieldsArgs
>()({
  field: 'Query.badgeCustomFields',
  method: 'GET',
  path: 'customField',
  query: (args) => ({
    ...pageQuery(args),
    order: args.order,
    // The one sort Capillary supports, named so that the order is not left to its default.
    sortOn: 'LAST_UPDATED_DATE',
    isActive: args.active,
  }),
  check: (args) => pagingProblems(args),
  data: badgeCustomFieldPageSchema,
  outcomes: {
    success: ({ data }) => ({ __typename: 'BadgeCustomFieldPage', ...data }),
    invalid: invalidBadgeCustomFieldInput,
    notFound: unexpectedRefusal,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

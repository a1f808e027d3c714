import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationCreateBadgeCustomFieldArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import {
  badgeCustomFieldBody,
  badgeCustomFieldProblems,
  badgeCustomFieldSchema,
  invalidBadgeCustomFieldInput,
} from './badgeCustomField.js';

/** `POST customField` (201): a new badge custom field. */
export const createBadgeCustomField = defineOperation<
  ResultUnion<'CreateBadgeCustomFieldResult'>,
  MutationCreateBadgeCustomFieldArgs
>()({
  field: 'Mutation.createBadgeCustomField',
  method: 'POST',
  path: 'customField',
  body: ({ input }) => badgeCustomFieldBody(input),
  check: ({ input }) => badgeCustomFieldProblems(input),
  data: badgeCustomFieldSchema,
  outcomes: {
    success: ({ data, warnings }) => ({
      __typename: 'CreateBadgeCustomFieldSuccess',
      customField: data,
      warnings,
    }),
    invalid: invalidBadgeCustomFieldInput,
    // GUESS: no error is documented for a duplicate name; a 409 would be an unexpected failure.
    conflict: unexpectedRefusal,
    notFound: unexpectedRefusal,
    ...commonOutcomes,
  },
});

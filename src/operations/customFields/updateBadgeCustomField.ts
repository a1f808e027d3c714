import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationUpdateBadgeCustomFieldArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import {
  badgeCustomFieldBody,
  badgeCustomFieldNotFound,
  badgeCustomFieldProblems,
  badgeCustomFieldSchema,
  invalidBadgeCustomFieldInput,
} from './badgeCustomField.js';

/** `PUT customField/{customFieldId}`: changes a custom field's definition. */
export const updateBadgeCustomField = defineOperation<
  ResultUnion<'UpdateBadgeCustomFieldResult'>,
  MutationUpdateBadgeCustomFieldArgs
>()({
  field: 'Mutation.updateBadgeCustomField',
  method: 'PUT',
  path: 'customField/{customFieldId}',
  pathParams: ({ input }) => ({ customFieldId: input.id }),
  body: ({ input }) => badgeCustomFieldBody(input),
  check: ({ input }) => badgeCustomFieldProblems(input),
  data: badgeCustomFieldSchema,
  outcomes: {
    success: ({ data, warnings }) => ({
      __typename: 'UpdateBadgeCustomFieldSuccess',
      customField: data,
      warnings,
    }),
    notFound: (verdict, { args }) => badgeCustomFieldNotFound(args.input.id, verdict),
    invalid: invalidBadgeCustomFieldInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

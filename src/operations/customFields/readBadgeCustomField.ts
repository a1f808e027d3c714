import { commonOutcomes, idNotFound, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { QueryBadgeCustomFieldArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeCustomFieldNotFound, badgeCustomFieldSchema } from './badgeCustomField.js';
import { idProblems } from '../wire.js';

/** `GET customField/{customFieldId}`: one custom field (also for `BadgeCustomField` entity references). */
export const badgeCustomField = defineOperation<
  ResultUnion<'BadgeCustomFieldResult'>,
  QueryBadgeCustomFieldArgs
>()({
  field: 'Query.badgeCustomField',
  entity: 'BadgeCustomField',
  method: 'GET',
  path: 'customField/{customFieldId}',
  pathParams: ({ id }) => ({ customFieldId: id }),
  check: ({ id }) => idProblems(['id'], id),
  data: badgeCustomFieldSchema,
  outcomes: {
    success: ({ data }) => ({ __typename: 'BadgeCustomField', ...data }),
    notFound: (verdict, { args }) => badgeCustomFieldNotFound(args.id, verdict),
    invalid: idNotFound((verdict, { args }) => badgeCustomFieldNotFound(args.id, verdict)),
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

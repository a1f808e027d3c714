import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { CustomerBadgeSort, QueryCustomerBadgesArgs } from '../../generated/resolvers-types.js';
import { pageSchema } from '../paging.js';
import type { ResultUnion } from '../resultUnion.js';
import { customerBadgeSchema, invalidCustomerBadgeInput } from './customerBadge.js';
import { customerInPath, customerRefCheck, customerRefusals, sizeProblems } from './customerReads.js';

const SORTS: Readonly<Record<CustomerBadgeSort, string>> = {
  RANK: 'RANK',
  LAST_EARNED_ON: 'LAST_EARNED_ON_DATE',
  LAST_EARN_EVENT: 'LAST_EARNED_EVENT_DATE',
};

/**
 * `GET customer/{customerId}`: the badges a customer earned, or may earn. Also
 * `Customer.badges` (the customer named by id). Capillary pages it by `Limit`
 * alone (C18's spelling; no page parameter is documented).
 */
export const customerBadges = defineOperation<ResultUnion<'CustomerBadgesResult'>, QueryCustomerBadgesArgs>()(
  {
    field: 'Query.customerBadges',
    alsoCalledBy: ['Customer.badges'],
    method: 'GET',
    path: 'customer/{customerId}',
    ...customerInPath,
    query: ({ kind, includeExpired, sort, groupId, limit }) => ({
      badgeType: kind,
      includeExpired,
      sortOn: SORTS[sort ?? 'RANK'],
      groupId,
      Limit: limit ?? 10,
    }),
    check: (args) => [...customerRefCheck(args), ...sizeProblems('limit', args.limit)],
    data: pageSchema('badges', customerBadgeSchema, { optionalPagination: true }),
    codes: customerRefusals.codes,
    outcomes: {
      success: ({ data }) => ({ __typename: 'CustomerBadgeList', ...data }),
      notFound: customerRefusals.notFound,
      invalid: invalidCustomerBadgeInput,
      conflict: unexpectedRefusal,
      ...commonOutcomes,
    },
  },
);

import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { QueryCustomerBadgeArgs } from '../../generated/resolvers-types.js';
import { badgeNotFound } from '../badges/badge.js';
import type { ResultUnion } from '../resultUnion.js';
import { idProblems } from '../wire.js';
import { customerById, customerIdProblems } from './customer.js';
import {
  customerBadgeDetail,
  customerBadgeDetailSchema,
  customerNotFound,
  invalidCustomerBadgeInput,
} from './customerBadge.js';

/**
 * `GET management/{customerId}/badge/{badgeId}`: one badge from one customer's
 * point of view. GUESS: an unknown badge answers 404 (as reading a badge does),
 * an unknown customer 1026.
 */
export const customerBadge = defineOperation<ResultUnion<'CustomerBadgeResult'>, QueryCustomerBadgeArgs>()({
  field: 'Query.customerBadge',
  method: 'GET',
  path: 'management/{customerId}/badge/{badgeId}',
  pathParams: ({ customerId, badgeId }) => ({ customerId, badgeId }),
  query: ({ includeStatistics }) => ({ includeStatistics: includeStatistics ? true : null }),
  check: ({ customerId, badgeId }) => [
    ...customerIdProblems(['customerId'], customerId),
    ...idProblems(['badgeId'], badgeId),
  ],
  data: customerBadgeDetailSchema,
  codes: {
    1026: (verdict, { args }) => customerNotFound(verdict, customerById(args.customerId)),
  },
  outcomes: {
    success: ({ data }, { args }) =>
      customerBadgeDetail(data, args.customerId, args.includeStatistics === true),
    notFound: (verdict, { args }) => badgeNotFound(args.badgeId, verdict),
    invalid: invalidCustomerBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

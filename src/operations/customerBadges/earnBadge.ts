import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationEarnBadgeArgs } from '../../generated/resolvers-types.js';
import { badgeNotFound } from '../badges/badge.js';
import type { ResultUnion } from '../resultUnion.js';
import { customerById, customerIdProblems } from './customer.js';
import {
  badgeNotEnrolled,
  customerNotFound,
  earnAnswerSchema,
  earnLimitReached,
  invalidCustomerBadgeInput,
  type Keyed,
} from './customerBadge.js';
import { keyedBody, keyedWriteCodes, keyedWriteProblems } from './keyedWrites.js';

/**
 * `POST customer/earn`: a customer earns a badge. Never retried once sent; a
 * repeat with the same `requestId` is refused with 809 (`DuplicateBadgesRequest`).
 */
export const earnBadge = defineOperation<ResultUnion<'EarnBadgeOutcome'>, Keyed<MutationEarnBadgeArgs>>()({
  field: 'Mutation.earnBadge',
  method: 'POST',
  path: 'customer/earn',
  body: (args) => ({
    ...keyedBody(args),
    customerId: Number(args.input.customerId),
    ...(args.input.earnedAt == null ? {} : { earnEventDate: args.input.earnedAt.toISOString() }),
  }),
  check: (args) => [
    ...keyedWriteProblems(args),
    ...customerIdProblems(['customerId'], args.input.customerId),
  ],
  data: earnAnswerSchema,
  codes: {
    ...keyedWriteCodes,
    811: (verdict, { args }) => badgeNotEnrolled(verdict, args.input.badgeId, args.input.customerId),
    813: (verdict, { args }) => earnLimitReached(verdict, args.input.badgeId, args.input.customerId),
    1026: (verdict, { args }) => customerNotFound(verdict, customerById(args.input.customerId)),
  },
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'BadgeEarned', earn: data, warnings }),
    notFound: (verdict, { args }) => badgeNotFound(args.input.badgeId, verdict),
    invalid: invalidCustomerBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

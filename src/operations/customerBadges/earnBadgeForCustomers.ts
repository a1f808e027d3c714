import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationEarnBadgeForCustomersArgs } from '../../generated/resolvers-types.js';
import { badgeNotFound } from '../badges/badge.js';
import type { ResultUnion } from '../resultUnion.js';
import { earnBulkAnswerSchema, earnOutcomes, report } from './bulk.js';
import { customerIdsProblems } from './customer.js';
import { MAX_BULK_CUSTOMERS, invalidCustomerBadgeInput, type Keyed } from './customerBadge.js';
import { keyedBody, keyedWriteCodes, keyedWriteProblems } from './keyedWrites.js';

/**
 * `POST customer/earnBulk`: several customers earn a badge, each with its own
 * outcome; both documented answer shapes are read (contradiction 1). The ids go
 * in `customerIds` (C14 and Y-earnBulk's example, not its schema's `customerId`).
 */
export const earnBadgeForCustomers = defineOperation<
  ResultUnion<'EarnBadgeForCustomersOutcome'>,
  Keyed<MutationEarnBadgeForCustomersArgs>
>()({
  field: 'Mutation.earnBadgeForCustomers',
  method: 'POST',
  path: 'customer/earnBulk',
  body: (args) => ({
    ...keyedBody(args),
    customerIds: args.input.customerIds.map(Number),
    ...(args.input.earnedAt == null ? {} : { earnEventDate: args.input.earnedAt.toISOString() }),
    ...(args.input.enrolledAt == null ? {} : { issueEventDate: args.input.enrolledAt.toISOString() }),
  }),
  check: (args) => [
    ...keyedWriteProblems(args),
    ...customerIdsProblems(['customerIds'], args.input.customerIds, MAX_BULK_CUSTOMERS),
  ],
  data: earnBulkAnswerSchema,
  codes: keyedWriteCodes,
  outcomes: {
    success: ({ data, warnings, requestId }, { args }) => ({
      __typename: 'CustomerEarnReport',
      badgeId: data.badgeId,
      expiresOn: data.expiresOn,
      ...report(args.input.customerIds, earnOutcomes(data, requestId), 'CustomerEarnedBadge', requestId),
      warnings,
    }),
    notFound: (verdict, { args }) => badgeNotFound(args.input.badgeId, verdict),
    invalid: invalidCustomerBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

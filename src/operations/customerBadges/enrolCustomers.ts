import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationEnrolCustomersInBadgeArgs } from '../../generated/resolvers-types.js';
import { badgeNotFound } from '../badges/badge.js';
import type { ResultUnion } from '../resultUnion.js';
import { enrolAnswerSchema, enrolmentOutcomes, report } from './bulk.js';
import { customerIdsProblems } from './customer.js';
import { MAX_BULK_CUSTOMERS, epochSeconds, invalidCustomerBadgeInput, type Keyed } from './customerBadge.js';
import { keyedBody, keyedWriteCodes, keyedWriteProblems } from './keyedWrites.js';

/**
 * `POST badgeMeta/customer/issueBulk`: enrols customers in an enrol-then-earn
 * badge, each customer with its own outcome. GUESS: `issueEventDate` is sent as
 * epoch seconds (C12's example; Y-enrol says ISO).
 */
export const enrolCustomersInBadge = defineOperation<
  ResultUnion<'EnrolCustomersOutcome'>,
  Keyed<MutationEnrolCustomersInBadgeArgs>
>()({
  field: 'Mutation.enrolCustomersInBadge',
  method: 'POST',
  path: 'badgeMeta/customer/issueBulk',
  body: (args) => ({
    ...keyedBody(args),
    customers: args.input.customerIds.map(Number),
    ...(args.input.enrolledAt == null ? {} : { issueEventDate: epochSeconds(args.input.enrolledAt) }),
  }),
  check: (args) => [
    ...keyedWriteProblems(args),
    ...customerIdsProblems(['customerIds'], args.input.customerIds, MAX_BULK_CUSTOMERS),
  ],
  data: enrolAnswerSchema,
  codes: keyedWriteCodes,
  outcomes: {
    success: ({ data, warnings, requestId }, { args }) => ({
      __typename: 'CustomerEnrolmentReport',
      badgeId: data.badgeMetaId,
      expiresOn: data.expiresOn,
      ...report(args.input.customerIds, enrolmentOutcomes(data, requestId), 'CustomerEnrolled', requestId),
      warnings,
    }),
    notFound: (verdict, { args }) => badgeNotFound(args.input.badgeId, verdict),
    invalid: invalidCustomerBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

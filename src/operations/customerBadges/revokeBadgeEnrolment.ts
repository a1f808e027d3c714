import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import type { InputProblem } from '../../capillary/domain.js';
import type { Refusal } from '../../capillary/envelope.js';
import { defineOperation } from '../../capillary/operation.js';
import type {
  MutationRevokeBadgeEnrolmentArgs,
  NothingToRevoke,
  RevokeBadgeEnrolmentInput,
} from '../../generated/resolvers-types.js';
import { badgeNotFound } from '../badges/badge.js';
import type { ResultUnion } from '../resultUnion.js';
import { blankProblems, errorFields } from '../wire.js';
import { report, revocationOutcomes, revokeIssueAnswerSchema } from './bulk.js';
import { customerIdProblems, customerIdsProblems } from './customer.js';
import { invalidCustomerBadgeInput } from './customerBadge.js';
import type { Member } from './customerBadge.js';

/** C16: at most 20 customers or enrolments per call. */
const MAX_REVOKES = 20;

function nothingToRevoke(verdict: Refusal<string>): Member<NothingToRevoke> {
  return {
    __typename: 'NothingToRevoke',
    ...errorFields('Name the customers (customerIds) or the enrolments (enrolments) to revoke.', verdict),
  };
}

function namesNothing({ customerIds, enrolments }: RevokeBadgeEnrolmentInput): boolean {
  return (customerIds ?? []).length === 0 && (enrolments ?? []).length === 0;
}

function revokeProblems(input: RevokeBadgeEnrolmentInput): InputProblem[] {
  const { badgeId, customerIds, enrolments } = input;
  const problems = blankProblems(['badgeId'], badgeId);
  if (namesNothing(input)) return [...problems, { path: [], message: 'names nothing to revoke' }];
  // Capillary would ignore `customers` beside `revokeIssuals` (C16): one or the other.
  if (customerIds != null && enrolments != null)
    return [
      ...problems,
      { path: ['enrolments'], message: 'cannot be combined with customerIds: give one of them' },
    ];
  if (customerIds != null)
    return [...problems, ...customerIdsProblems(['customerIds'], customerIds, MAX_REVOKES)];
  const refs = enrolments ?? [];
  if (refs.length > MAX_REVOKES)
    return [
      ...problems,
      { path: ['enrolments'], message: `must name 1 to ${MAX_REVOKES} enrolments (${refs.length} given)` },
    ];
  return [
    ...problems,
    ...refs.flatMap(({ customerId, enrolmentId }, index) => [
      ...customerIdProblems(['enrolments', String(index), 'customerId'], customerId),
      ...blankProblems(['enrolments', String(index), 'enrolmentId'], enrolmentId),
    ]),
  ];
}

/**
 * `POST badgeMeta/customer/revokeIssue`: revokes every active enrolment of some
 * customers, or named enrolments, each with its own outcome. Naming nothing is
 * `NothingToRevoke`, found before any call or answered by Capillary (1051).
 */
export const revokeBadgeEnrolment = defineOperation<
  ResultUnion<'RevokeBadgeEnrolmentResult'>,
  MutationRevokeBadgeEnrolmentArgs
>()({
  field: 'Mutation.revokeBadgeEnrolment',
  method: 'POST',
  path: 'badgeMeta/customer/revokeIssue',
  body: ({ input }) => ({
    badgeMetaId: input.badgeId,
    ...(input.customerIds == null ? {} : { customers: input.customerIds.map(Number) }),
    ...(input.enrolments == null
      ? {}
      : {
          revokeIssuals: input.enrolments.map(({ customerId, enrolmentId }) => ({
            customerId: Number(customerId),
            issueId: enrolmentId,
          })),
        }),
  }),
  check: ({ input }) => revokeProblems(input),
  data: revokeIssueAnswerSchema,
  codes: { 1051: nothingToRevoke },
  outcomes: {
    success: ({ data, warnings, requestId }, { args }) => {
      const requested =
        args.input.customerIds ?? (args.input.enrolments ?? []).map(({ customerId }) => customerId);
      const { customers, totalCount, succeededCount, failedCount } = report(
        requested,
        revocationOutcomes(data, requestId),
        'CustomerEnrolmentRevoked',
        requestId,
      );
      return {
        __typename: 'BadgeEnrolmentRevocationReport',
        badgeId: data.badgeMetaId,
        customers,
        totalCount,
        succeededCount,
        failedCount,
        warnings,
      };
    },
    notFound: (verdict, { args }) => badgeNotFound(args.input.badgeId, verdict),
    invalid: (verdict, { args }) =>
      verdict.local && namesNothing(args.input)
        ? nothingToRevoke(verdict)
        : invalidCustomerBadgeInput(verdict),
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

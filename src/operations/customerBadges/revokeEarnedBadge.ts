import { z } from 'zod';
import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationRevokeEarnedBadgeArgs, NoActiveEarnedBadge } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { blankProblems, errorFields } from '../wire.js';
import { checkedCustomer, customerRefProblems, identifierHeader, type NamedCustomer } from './customer.js';
import {
  customerIdSchema,
  customerNotFound,
  invalidCustomerBadgeInput,
  invalidIdentifierType,
} from './customerBadge.js';
import type { Member } from './customerBadge.js';

function customerOf({ input }: MutationRevokeEarnedBadgeArgs): NamedCustomer {
  return checkedCustomer(input.customer);
}

/** `{badgeMetaId, customerId, earnedBadgeId, isActive}` (§7.2). */
const revokedSchema = z.object({
  badgeMetaId: z.string().min(1),
  customerId: customerIdSchema,
  earnedBadgeId: z.string().min(1),
  isActive: z.boolean().nullish(),
});

/**
 * `POST customer/revokeEarn`: revokes one earn; the customer named by id or by
 * an identifier (`X-CAP-CUSTOMER-IDENTIFIER`, its value in `customerId`). A
 * repeat answers 814: `NoActiveEarnedBadge`.
 */
export const revokeEarnedBadge = defineOperation<
  ResultUnion<'RevokeEarnedBadgeResult'>,
  MutationRevokeEarnedBadgeArgs
>()({
  field: 'Mutation.revokeEarnedBadge',
  method: 'POST',
  path: 'customer/revokeEarn',
  headers: (args) => identifierHeader(customerOf(args)),
  body: (args) => {
    const customer = customerOf(args);
    return {
      badgeMetaId: args.input.badgeId,
      customerId: customer.type === 'ID' ? Number(customer.value) : customer.value,
      earnedBadgeId: args.input.earnedBadgeId,
    };
  },
  check: ({ input }) => [
    ...customerRefProblems(['customer'], input.customer),
    ...blankProblems(['badgeId'], input.badgeId),
    ...blankProblems(['earnedBadgeId'], input.earnedBadgeId),
  ],
  data: revokedSchema,
  codes: {
    814: (verdict, { args }): Member<NoActiveEarnedBadge> => ({
      __typename: 'NoActiveEarnedBadge',
      ...errorFields(
        `The customer holds no active earn ${args.input.earnedBadgeId} of the badge ${args.input.badgeId}: already revoked, expired, or not theirs.`,
        verdict,
      ),
      badgeId: args.input.badgeId,
      earnedBadgeId: args.input.earnedBadgeId,
    }),
    1026: (verdict, { args }) => customerNotFound(verdict, customerOf(args)),
    1028: (verdict, { args }) => invalidIdentifierType(verdict, customerOf(args)),
  },
  outcomes: {
    success: ({ data, warnings }) => ({
      __typename: 'EarnedBadgeRevoked',
      badgeId: data.badgeMetaId,
      customerId: data.customerId,
      earnedBadgeId: data.earnedBadgeId,
      active: data.isActive ?? false,
      warnings,
    }),
    notFound: unexpectedRefusal,
    invalid: invalidCustomerBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import type { InputProblem } from '../../capillary/domain.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationImportEarnedBadgesArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { blankProblems } from '../wire.js';
import { importAnswerSchema, importOutcomes } from './bulk.js';
import { customerIdProblems } from './customer.js';
import { MAX_BULK_CUSTOMERS, epochSeconds, invalidCustomerBadgeInput } from './customerBadge.js';

function importProblems({ input }: MutationImportEarnedBadgesArgs): InputProblem[] {
  const { earns } = input;
  if (earns.length === 0 || earns.length > MAX_BULK_CUSTOMERS)
    return [
      { path: ['earns'], message: `must hold 1 to ${MAX_BULK_CUSTOMERS} earns (${earns.length} given)` },
    ];
  return earns.flatMap(({ badgeId, customerId }, index) => [
    ...blankProblems(['earns', String(index), 'badgeId'], badgeId),
    ...customerIdProblems(['earns', String(index), 'customerId'], customerId),
  ]);
}

/**
 * `PUT import/customerBadges` (C15; Y-import says POST: GUESS, PUT): historical
 * earns, a bare array in and a bare array of envelopes out, element for element.
 * Capillary takes no idempotency key here and keeps repeats as new earns, so the
 * gateway never repeats the call (PUT is not retried once sent). The dates go as
 * epoch seconds, as C15's examples send them.
 */
export const importEarnedBadges = defineOperation<
  ResultUnion<'ImportEarnedBadgesResult'>,
  MutationImportEarnedBadgesArgs
>()({
  field: 'Mutation.importEarnedBadges',
  method: 'PUT',
  path: 'import/customerBadges',
  body: ({ input }) =>
    input.earns.map((earn) => ({
      badgeMetaId: earn.badgeId,
      customerId: Number(earn.customerId),
      earnEventDate: epochSeconds(earn.earnedAt),
      earnExpiresOn: epochSeconds(earn.expiresOn),
    })),
  check: importProblems,
  data: importAnswerSchema,
  outcomes: {
    success: ({ data, requestId }, { args }) => {
      const earns = importOutcomes(data, args.input.earns, requestId);
      const succeededCount = earns.filter(({ __typename }) => __typename === 'ImportedEarn').length;
      return {
        __typename: 'EarnedBadgeImportReport',
        earns,
        totalCount: earns.length,
        succeededCount,
        failedCount: earns.length - succeededCount,
      };
    },
    notFound: unexpectedRefusal,
    invalid: invalidCustomerBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationClaimBadgeArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { ALREADY_CLAIMED_WARNING, badgeNotFound, claimAnswerSchema, invalidClaimInput } from './badge.js';
import { claimProblems } from './claims.js';

/** `POST badgeMeta/{badgeId}/claim`: a module claims the badge; a repeat claim succeeds with warning 900. */
export const claimBadge = defineOperation<ResultUnion<'ClaimBadgeResult'>, MutationClaimBadgeArgs>()({
  field: 'Mutation.claimBadge',
  method: 'POST',
  path: 'badgeMeta/{badgeId}/claim',
  pathParams: ({ input }) => ({ badgeId: input.badgeId }),
  body: ({ input }) => ({ ownerType: input.ownerType, referenceId: input.referenceId }),
  check: ({ input }) => claimProblems(input),
  data: claimAnswerSchema,
  codes: { 717: invalidClaimInput, 714: invalidClaimInput },
  outcomes: {
    success: ({ data, warnings }, { args }) => ({
      __typename: 'ClaimBadgeSuccess',
      badgeId: args.input.badgeId,
      claim: data,
      alreadyClaimed: warnings.some(({ code }) => code === ALREADY_CLAIMED_WARNING),
      warnings,
    }),
    notFound: (verdict, { args }) => badgeNotFound(args.input.badgeId, verdict),
    invalid: invalidClaimInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

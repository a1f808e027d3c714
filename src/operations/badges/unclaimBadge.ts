import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationUnclaimBadgeArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeNotFound, claimAnswerSchema, invalidClaimInput } from './badge.js';
import { claimProblems } from './claims.js';

/** `POST badgeMeta/{badgeId}/unclaim`: withdraws a claim (Capillary keeps it, inactive). */
export const unclaimBadge = defineOperation<ResultUnion<'UnclaimBadgeResult'>, MutationUnclaimBadgeArgs>()({
  field: 'Mutation.unclaimBadge',
  method: 'POST',
  path: 'badgeMeta/{badgeId}/unclaim',
  pathParams: ({ input }) => ({ badgeId: input.badgeId }),
  body: ({ input }) => ({ ownerType: input.ownerType, referenceId: input.referenceId }),
  check: ({ input }) => claimProblems(input),
  data: claimAnswerSchema,
  codes: {
    737: ({ upstreamErrors, requestId }, { args: { input } }) => ({
      __typename: 'BadgeClaimNotFound',
      message: `The badge has no claim by ${input.ownerType} ${input.referenceId}.`,
      upstreamErrors,
      requestId,
      badgeId: input.badgeId,
      ownerType: input.ownerType,
      referenceId: input.referenceId,
    }),
  },
  outcomes: {
    success: ({ data, warnings }, { args }) => ({
      __typename: 'UnclaimBadgeSuccess',
      badgeId: args.input.badgeId,
      claim: data,
      warnings,
    }),
    notFound: (verdict, { args }) => badgeNotFound(args.input.badgeId, verdict),
    invalid: invalidClaimInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationCreateBadgeArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeBody, badgeInputProblems, badgeNameClash, badgeSchema, invalidBadgeInput } from './badge.js';

/** `POST badgeMeta` (201): a new badge definition. */
export const createBadge = defineOperation<ResultUnion<'CreateBadgeResult'>, MutationCreateBadgeArgs>()({
  field: 'Mutation.createBadge',
  method: 'POST',
  path: 'badgeMeta',
  // Only for a historical badge: it lets Capillary take a past startOn.
  headers: ({ input }): Record<string, string> =>
    input.historical ? { 'x-cap-badges-migration': 'migration' } : {},
  body: ({ input }) => badgeBody(input),
  check: ({ input }) => badgeInputProblems(input),
  data: badgeSchema,
  codes: {
    725: badgeNameClash,
    722: invalidBadgeInput,
    728: invalidBadgeInput,
    714: invalidBadgeInput,
  },
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'CreateBadgeSuccess', badge: data, warnings }),
    invalid: invalidBadgeInput,
    conflict: unexpectedRefusal,
    notFound: unexpectedRefusal,
    ...commonOutcomes,
  },
});

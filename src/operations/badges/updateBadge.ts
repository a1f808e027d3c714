import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationUpdateBadgeArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import {
  badgeBody,
  badgeInputProblems,
  badgeNameClash,
  badgeNotFound,
  badgeSchema,
  invalidBadgeInput,
} from './badge.js';

/** `PUT badgeMeta` (the id in the body): replaces the writable fields of a badge definition. */
export const updateBadge = defineOperation<ResultUnion<'UpdateBadgeResult'>, MutationUpdateBadgeArgs>()({
  field: 'Mutation.updateBadge',
  method: 'PUT',
  path: 'badgeMeta',
  body: ({ input }) => badgeBody(input),
  check: ({ input }) => badgeInputProblems(input),
  data: badgeSchema,
  codes: {
    725: badgeNameClash,
    723: invalidBadgeInput,
    720: invalidBadgeInput,
    724: invalidBadgeInput,
    826: invalidBadgeInput,
    728: invalidBadgeInput,
    714: invalidBadgeInput,
  },
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'UpdateBadgeSuccess', badge: data, warnings }),
    notFound: (verdict, { args }) => badgeNotFound(args.input.id, verdict),
    invalid: invalidBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

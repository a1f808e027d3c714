import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { MutationUpdateBadgeArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import {
  badgeBody,
  badgeInputProblems,
  badgeNameTaken,
  badgeNotFound,
  badgeSchema,
  invalidBadgeInput,
  refusedBadgeInput,
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
    725: (verdict, { args }) => badgeNameTaken(args.input.name, verdict),
    723: refusedBadgeInput,
    720: refusedBadgeInput,
    724: refusedBadgeInput,
    826: refusedBadgeInput,
    728: refusedBadgeInput,
    714: refusedBadgeInput,
  },
  outcomes: {
    success: ({ data, warnings }) => ({ __typename: 'UpdateBadgeSuccess', badge: data, warnings }),
    notFound: (verdict, { args }) => badgeNotFound(args.input.id, verdict),
    invalid: invalidBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

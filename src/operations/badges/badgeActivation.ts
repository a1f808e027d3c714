import { commonOutcomes, idNotFound, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type {
  MutationActivateBadgeArgs,
  MutationDeactivateBadgeArgs,
} from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { activationSchema, badgeNotFound } from './badge.js';
import { idProblems } from '../wire.js';

/** `PUT badgeMeta/{badgeId}/activate` and `…/deactivate`: one declaration each, alike but for the path. */
function activation(
  field: 'Mutation.activateBadge' | 'Mutation.deactivateBadge',
  status: 'activate' | 'deactivate',
) {
  return defineOperation<
    ResultUnion<'BadgeActivationResult'>,
    MutationActivateBadgeArgs | MutationDeactivateBadgeArgs
  >()({
    field,
    method: 'PUT',
    path: `badgeMeta/{badgeId}/${status}`,
    pathParams: ({ id }) => ({ badgeId: id }),
    // GUESS: the docs document no body; their samples send `{"active": true}` either way, which Capillary ignores.
    body: () => ({ active: status === 'activate' }),
    check: ({ id }) => idProblems(['id'], id),
    data: activationSchema,
    outcomes: {
      success: ({ data, warnings }) => ({
        __typename: 'BadgeActivationChanged',
        badgeId: data.id,
        active: data.active,
        warnings,
      }),
      notFound: (verdict, { args }) => badgeNotFound(args.id, verdict),
      invalid: idNotFound((verdict, { args }) => badgeNotFound(args.id, verdict)),
      conflict: unexpectedRefusal,
      ...commonOutcomes,
    },
  });
}

export const activateBadge = activation('Mutation.activateBadge', 'activate');
export const deactivateBadge = activation('Mutation.deactivateBadge', 'deactivate');

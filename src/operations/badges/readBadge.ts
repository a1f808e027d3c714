import { commonOutcomes, idNotFound, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { QueryBadgeArgs } from '../../generated/resolvers-types.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeNotFound, badgeSchema } from './badge.js';
import { idProblems } from '../wire.js';

/**
 * `GET badgeMeta/{badgeId}`: one badge. Also read for `Badge` entity references
 * and the `badge` of claim and activation results (once per id per request).
 */
export const badge = defineOperation<ResultUnion<'BadgeResult'>, QueryBadgeArgs>()({
  field: 'Query.badge',
  alsoCalledBy: [
    'ClaimBadgeSuccess.badge',
    'UnclaimBadgeSuccess.badge',
    'BadgeActivationChanged.badge',
    'CustomerBadge.badge',
    'CustomerBadgeHistoryItem.badge',
    'CustomerBadgeDetail.badge',
    'BadgeEarned.badge',
    'EarnedBadgeRevoked.badge',
  ],
  entity: 'Badge',
  method: 'GET',
  path: 'badgeMeta/{badgeId}',
  pathParams: ({ id }) => ({ badgeId: id }),
  query: ({ includeStatistics }) => ({ includeStatistics: includeStatistics ? true : null }),
  check: ({ id }) => idProblems(['id'], id),
  data: badgeSchema,
  outcomes: {
    success: ({ data }) => ({ __typename: 'Badge', ...data }),
    notFound: (verdict, { args }) => badgeNotFound(args.id, verdict),
    invalid: idNotFound((verdict, { args }) => badgeNotFound(args.id, verdict)),
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

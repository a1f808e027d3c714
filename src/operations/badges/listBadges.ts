import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type { QueryBadgesArgs } from '../../generated/resolvers-types.js';
import { pageQuery, pagingProblems } from '../paging.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgePageSchema, invalidBadgeInput } from './badge.js';

/** `GET badgeMeta`: the org's badges, filtered and paged from 0. */
export const badges = defineOperation<ResultUnion<'BadgesResult'>, QueryBadgesArgs>()({
  field: 'Query.badges',
  method: 'GET',
  path: 'badgeMeta',
  query: ({ filter, page, size }) => ({
    ...pageQuery({ page, size }),
    // GUESS: the docs name `limit` as the page size and no page parameter; `page`/`size` are the
    // names of the other paged badges endpoints. `limit` is sent too, equal to `size`.
    limit: size ?? 10,
    status: filter?.status?.join(','),
    earnType: filter?.earnType,
    action: filter?.action,
    owner: filter?.owner,
    claimedBy: filter?.claimedBy,
    unclaimed: filter?.unclaimed,
    name: filter?.name,
    startOn: filter?.startOn?.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    expiresOn: filter?.expiresOn?.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    sortOn: filter?.sortOn,
  }),
  check: (args) => pagingProblems(args),
  data: badgePageSchema,
  outcomes: {
    success: ({ data }) => ({ __typename: 'BadgePage', ...data }),
    invalid: invalidBadgeInput,
    notFound: unexpectedRefusal,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

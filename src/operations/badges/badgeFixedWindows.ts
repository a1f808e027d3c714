import { z } from 'zod';
import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { timestampSchema } from '../../capillary/envelope.js';
import { defineOperation } from '../../capillary/operation.js';
import type { QueryBadgeFixedWindowsArgs } from '../../generated/resolvers-types.js';
import { pageQuery, pageSchema, pagingProblems } from '../paging.js';
import type { ResultUnion } from '../resultUnion.js';
import { badgeNotFound, invalidBadgeInput } from './badge.js';

const cycleSchema = z
  .object({
    fixedWindowCycleReferenceId: z.string(),
    constraintType: z.enum(['CUSTOMER_BADGE_FIXED_WINDOW', 'BADGE_FIXED_WINDOW']),
    startDate: timestampSchema,
    endDate: timestampSchema.nullish(),
    earnCount: z.number().int().nullish(),
  })
  .transform((cycle) => ({ ...cycle, endDate: cycle.endDate ?? null, earnCount: cycle.earnCount ?? null }));

const fixedWindowsSchema = z
  .object({
    badgeMetaId: z.string(),
    startDate: timestampSchema.nullish(),
    endDate: timestampSchema.nullish(),
    customerId: z.union([z.string(), z.number()]).nullish(),
  })
  .and(pageSchema('fixedWindowCycles', cycleSchema))
  .transform((data) => ({
    badgeId: data.badgeMetaId,
    startDate: data.startDate ?? null,
    endDate: data.endDate ?? null,
    // The query sends a string, the answer a number.
    customerId: data.customerId == null ? null : String(data.customerId),
    cycles: data.items,
    pageInfo: data.pageInfo,
  }));

export type BadgeFixedWindowPage = z.infer<typeof fixedWindowsSchema>;

/** `GET badgeMeta/getFixedWindowDetails`: the cycles of a badge's fixed windows, paged from 0. */
export const badgeFixedWindows = defineOperation<
  ResultUnion<'BadgeFixedWindowsResult'>,
  QueryBadgeFixedWindowsArgs
>()({
  field: 'Query.badgeFixedWindows',
  method: 'GET',
  path: 'badgeMeta/getFixedWindowDetails',
  query: (args) => ({
    badgeMetaId: args.badgeId,
    constraintType: args.scope,
    customerId: args.customerId,
    fixedWindowCycleReferenceId: args.fixedWindowCycleReferenceId,
    includeEarnCount: args.includeEarnCount ? true : null,
    // GUESS: the docs type these "Date" without a format; ISO-8601, as the badge list's date filters.
    startDate: args.startDate?.toISOString(),
    endDate: args.endDate?.toISOString(),
    ...pageQuery(args),
  }),
  check: (args) => [
    ...pagingProblems(args),
    ...(args.includeEarnCount && args.scope !== 'BADGE' && (args.customerId ?? '') === ''
      ? [{ path: ['customerId'], message: 'is required to include earn counts of customer windows' }]
      : []),
  ],
  data: fixedWindowsSchema,
  outcomes: {
    success: ({ data }) => ({ __typename: 'BadgeFixedWindowPage', ...data }),
    notFound: (verdict, { args }) => badgeNotFound(args.badgeId, verdict),
    invalid: invalidBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

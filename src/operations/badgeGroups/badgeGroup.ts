import { z } from 'zod';
import type { BadgesErrorFields, BadgesWarning, InputProblem } from '../../capillary/domain.js';
import {
  problemsFrom,
  timestampSchema,
  type Invalid,
  type OwnCode,
  type Refusal,
} from '../../capillary/envelope.js';
import type { CreateBadgeGroupInput, UpdateBadgeGroupInput } from '../../generated/resolvers-types.js';
import { pageSchema, type Page } from '../paging.js';

/**
 * The badge group area (`api_gateway/v1/badges/group…`; facts in
 * ../shared/upstream/badges-groups-fields-api.md): the group object, the body,
 * the checks made before any call, and the members its operations build.
 */

const optionalTime = timestampSchema.nullish().transform((value) => value ?? null);
const optionalInt = z
  .number()
  .int()
  .nullish()
  .transform((value) => value ?? null);

export const badgeGroupSchema = z
  .object({
    id: z.string().min(1),
    orgId: z.number().int(),
    name: z.string(),
    // The OpenAPI files type `rank` as a string while every example is a number: read both.
    rank: z.union([
      z.number().int(),
      z
        .string()
        .regex(/^-?\d+$/)
        .transform(Number),
    ]),
    isActive: z.boolean().nullish(),
    createdOn: optionalTime,
    createdBy: optionalInt,
    lastUpdatedOn: optionalTime,
    lastUpdatedBy: optionalInt,
  })
  .transform(({ isActive, ...group }) => ({ ...group, active: isActive ?? true }));

export type BadgeGroup = z.infer<typeof badgeGroupSchema>;

export const badgeGroupPageSchema = pageSchema('badgeGroups', badgeGroupSchema);
export type BadgeGroupPage = Page<BadgeGroup>;

/** Exactly `name` and `rank` (a JSON integer, though the OpenAPI files say string). */
export function badgeGroupBody(input: CreateBadgeGroupInput | UpdateBadgeGroupInput): unknown {
  return { name: input.name, rank: input.rank };
}

export function badgeGroupProblems(input: CreateBadgeGroupInput | UpdateBadgeGroupInput): InputProblem[] {
  return [
    ...('id' in input && input.id.trim() === '' ? [{ path: ['id'], message: 'must not be blank' }] : []),
    ...(input.name.trim() === '' ? [{ path: ['name'], message: 'must not be blank' }] : []),
  ];
}

export interface BadgeGroupSuccess<T extends string> {
  readonly __typename: T;
  readonly group: BadgeGroup;
  readonly warnings: readonly BadgesWarning[];
}

export type CreateBadgeGroupSuccess = BadgeGroupSuccess<'CreateBadgeGroupSuccess'>;
export type UpdateBadgeGroupSuccess = BadgeGroupSuccess<'UpdateBadgeGroupSuccess'>;

export interface BadgeGroupNotFound extends BadgesErrorFields {
  readonly __typename: 'BadgeGroupNotFound';
  readonly groupId: string;
}

export interface BadgeGroupNameTaken extends BadgesErrorFields {
  readonly __typename: 'BadgeGroupNameTaken';
  readonly name: string;
}

export interface InvalidBadgeGroupInput extends BadgesErrorFields {
  readonly __typename: 'InvalidBadgeGroupInput';
  readonly problems: readonly InputProblem[];
}

export function badgeGroupNotFound(
  groupId: string,
  { upstreamErrors, requestId }: Refusal<string>,
): BadgeGroupNotFound {
  return {
    __typename: 'BadgeGroupNotFound',
    message: `No badge group of this org has the id ${groupId}.`,
    upstreamErrors,
    requestId,
    groupId,
  };
}

export function badgeGroupNameTaken(
  name: string,
  { upstreamErrors, requestId }: OwnCode,
): BadgeGroupNameTaken {
  return {
    __typename: 'BadgeGroupNameTaken',
    message: `Another badge group of this org is named "${name}" (names are case-sensitive).`,
    upstreamErrors,
    requestId,
    name,
  };
}

/** Code 732 ("Group Rank is Mandatory.") points at `rank`; others at their reference, or the whole input. */
export function invalidBadgeGroupInput(verdict: Invalid | OwnCode): InvalidBadgeGroupInput {
  const local = verdict.kind === 'invalid' && verdict.local;
  return {
    __typename: 'InvalidBadgeGroupInput',
    message: local
      ? 'The badge group input is invalid; nothing was sent to Capillary. See problems.'
      : 'Capillary rejected the badge group input; see problems and upstreamErrors.',
    upstreamErrors: verdict.upstreamErrors,
    requestId: verdict.requestId,
    problems:
      verdict.kind === 'invalid' && verdict.local
        ? verdict.problems
        : verdict.upstreamErrors.map(
            (error) =>
              problemsFrom([error])[0] ?? {
                path: error.code === 732 ? ['rank'] : [],
                message: error.message,
              },
          ),
  };
}

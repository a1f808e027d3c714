import { z } from 'zod';
import type { BadgesErrorFields, BadgesWarning, InputProblem } from '../../capillary/domain.js';
import type { Invalid, OwnCode, Refusal } from '../../capillary/envelope.js';
import type { Call } from '../../capillary/operation.js';
import type { CreateBadgeGroupInput, UpdateBadgeGroupInput } from '../../generated/resolvers-types.js';
import { pageSchema, type Page } from '../paging.js';
import {
  auditFields,
  blankProblems,
  errorFields,
  idProblems,
  invalidInputFields,
  nameClash,
  problemsAt,
} from '../wire.js';

/**
 * The badge group area (`api_gateway/v1/badges/group…`; facts in
 * ../shared/upstream/badges-groups-fields-api.md): the group object, the body,
 * the checks made before any call, and the members its operations build.
 */

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
    ...auditFields,
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
    // The update's path is the id alone, right under `badges/`: only an ObjectId may go there.
    ...('id' in input ? idProblems(['id'], input.id, true) : []),
    ...blankProblems(['name'], input.name),
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

export function badgeGroupNotFound(groupId: string, verdict: Refusal<string>): BadgeGroupNotFound {
  const message = `No badge group of this org has the id ${groupId}.`;
  return { __typename: 'BadgeGroupNotFound', ...errorFields(message, verdict), groupId };
}

export function badgeGroupNameTaken(name: string, verdict: OwnCode): BadgeGroupNameTaken {
  const message = `Another badge group of this org is named "${name}" (names are case-sensitive).`;
  return { __typename: 'BadgeGroupNameTaken', ...errorFields(message, verdict), name };
}

/** Code 732 ("Group Rank is Mandatory.") points at `rank`; others at their reference, or the whole input. */
export function invalidBadgeGroupInput(verdict: Invalid | OwnCode): InvalidBadgeGroupInput {
  return {
    __typename: 'InvalidBadgeGroupInput',
    ...invalidInputFields('badge group', verdict, problemsAt({ 732: ['rank'], 733: ['name'] })),
  };
}

type GroupWriteArgs = { readonly input: CreateBadgeGroupInput | UpdateBadgeGroupInput };

/** What creating and updating a group share: the body, the checks, the answer's schema and the codes. */
export const groupWrite = {
  body: ({ input }: GroupWriteArgs) => badgeGroupBody(input),
  check: ({ input }: GroupWriteArgs) => badgeGroupProblems(input),
  data: badgeGroupSchema,
  codes: {
    733: (verdict: OwnCode, { args }: Call<GroupWriteArgs>) =>
      nameClash(verdict, () => badgeGroupNameTaken(args.input.name, verdict), invalidBadgeGroupInput),
    732: invalidBadgeGroupInput,
  },
};

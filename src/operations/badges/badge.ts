import { z } from 'zod';
import type { BadgesErrorFields, BadgesWarning, InputProblem } from '../../capillary/domain.js';
import { timestampSchema, type Invalid, type OwnCode, type Refusal } from '../../capillary/envelope.js';
import type { Call } from '../../capillary/operation.js';
import type {
  BadgeConstraintInput,
  BadgeExpiryInput,
  BadgeOwnerType,
  CreateBadgeInput,
  UpdateBadgeInput,
} from '../../generated/resolvers-types.js';
import { pageSchema, type Page } from '../paging.js';
import {
  auditFields,
  blankProblems,
  errorFields,
  invalidInputFields,
  nameClash,
  optionalInt,
  optionalString,
  optionalTime,
  problemsAt,
} from '../wire.js';

/**
 * The badge definition area (`api_gateway/v1/badges/badgeMeta…`; facts in
 * ../shared/upstream/badges-definitions-api.md): the badge object, read in
 * every form Capillary's docs and payloads show, the request body, the checks
 * made before any call, and the members the operations' tables build.
 */

const OWNER_TYPES = [
  'Loyalty',
  'Loyalty_Promotion',
  'Referral_Campaigns',
  'Journeys',
  'Audience_Campaigns',
  'Rewards_Catalog',
  'Goodwill_Module',
  'Milestones',
  'Historical_Import',
  'Membercare',
] as const satisfies readonly BadgeOwnerType[];

/** Docs tables spell owner types upper-case (`LOYALTY_PROMOTIONS`); the wire is mixed case. */
export const ownerTypeSchema = z.string().transform((value, ctx): BadgeOwnerType => {
  const key = value.toUpperCase().replace(/S$/, '');
  const found = OWNER_TYPES.find((owner) => owner.toUpperCase().replace(/S$/, '') === key);
  if (found === undefined) {
    ctx.addIssue({ code: 'custom', message: `is not a known owner type: ${value}` });
    return z.NEVER;
  }
  return found;
});

/** `DAILY`/`WEEKLY`/`MONTHLY` (docs tables) and `DAYS`/`WEEKS`/`MONTHS` (payloads) alike. */
const TIME_UNITS = {
  DAYS: 'DAYS',
  WEEKS: 'WEEKS',
  MONTHS: 'MONTHS',
  DAILY: 'DAYS',
  WEEKLY: 'WEEKS',
  MONTHLY: 'MONTHS',
} as const;
const timeUnitSchema = z
  .enum(['DAYS', 'WEEKS', 'MONTHS', 'DAILY', 'WEEKLY', 'MONTHLY'])
  .transform((unit) => TIME_UNITS[unit]);

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
/** Names in responses; integers in requests, 0 = Monday (facts: INFERRED). */
const dayOfWeekSchema = z.union([
  z.enum(DAYS),
  z
    .number()
    .int()
    .min(0)
    .max(6)
    .transform((day) => DAYS.at(day) ?? 'MONDAY'),
]);

export const statusSchema = z
  .enum(['UPCOMING', 'LIVE', 'EXPIRED', 'ENDED'])
  .transform((status) => (status === 'ENDED' ? ('EXPIRED' as const) : status));
export const earnTypeSchema = z
  .enum(['EARN', 'ISSUE_EARN', 'ISSUE EARN'])
  .transform((type) => (type === 'EARN' ? ('EARN' as const) : ('ISSUE_EARN' as const)));
const expirySchema = z
  .object({
    expiryType: z.enum(['RELATIVE', 'ABSOLUTE', 'NEVER']),
    type: z.enum(['WITH_BADGE_META', 'FIXED_DATE']).nullish(),
    expiresOn: optionalTime,
    expireWithBadgeMeta: z.boolean().nullish(),
    relativeExpirytype: timeUnitSchema.nullish(),
    relativeExpiryType: timeUnitSchema.nullish(),
    value: optionalInt,
  })
  .transform((expiry) => ({
    expiryType: expiry.expiryType,
    type: expiry.type ?? null,
    expiresOn: expiry.expiresOn,
    expireWithBadgeMeta: expiry.expireWithBadgeMeta ?? null,
    relativeExpiryType: expiry.relativeExpirytype ?? expiry.relativeExpiryType ?? null,
    value: expiry.value,
  }));

const CONSTRAINT_TYPES = [
  'CUSTOMER_BADGE_FIXED_WINDOW',
  'CUSTOMER_BADGE_FIXED_VALUE',
  'CUSTOMER_BADGE_ROLLING_WINDOW',
  'CUSTOMER_BADGE_NO_LIMIT',
  'BADGE_FIXED_WINDOW',
  'BADGE_ROLLING_WINDOW',
  'BADGE_FIXED_VALUE',
  'BADGE_NO_LIMIT',
] as const;

const constraintSchema = z
  .object({
    constraintType: z.enum(CONSTRAINT_TYPES),
    maxEarnLimit: optionalInt,
    durationType: timeUnitSchema.nullish(),
    duration: timeUnitSchema.nullish(),
    refreshRate: optionalInt,
    startDayOfTheWeek: dayOfWeekSchema.nullish(),
    rollType: timeUnitSchema.nullish(),
    rollValue: optionalInt,
    maxEarnForDays: optionalInt,
    rollForDays: optionalInt,
    maxEarnForWeeks: optionalInt,
    rollForWeeks: optionalInt,
    maxEarnForMonths: optionalInt,
    rollForMonths: optionalInt,
    referenceId: optionalString,
    cycleStatus: z.enum(['UPCOMING', 'ACTIVE', 'EXPIRED']).nullish(),
    startDate: optionalTime,
    endDate: optionalTime,
    currentCycle: z.object({ startDate: timestampSchema, endDate: optionalTime }).nullish(),
  })
  .transform(
    ({ duration, durationType, startDayOfTheWeek, rollType, cycleStatus, currentCycle, ...rest }) => ({
      ...rest,
      durationType: durationType ?? duration ?? null,
      startDayOfTheWeek: startDayOfTheWeek ?? null,
      rollType: rollType ?? null,
      cycleStatus: cycleStatus ?? null,
      currentCycle: currentCycle ?? null,
    }),
  );

const claimSchema = z
  .object({
    ownerType: ownerTypeSchema,
    referenceId: z.union([z.string(), z.number()]),
    isActive: z.boolean().nullish(),
    active: z.boolean().nullish(),
  })
  .transform((claim) => ({
    ownerType: claim.ownerType,
    referenceId: String(claim.referenceId),
    // GUESS: a claim whose flag Capillary left out is active (every documented fresh claim is).
    active: claim.isActive ?? claim.active ?? true,
  }));

export type BadgeClaim = z.infer<typeof claimSchema>;

const benefitSchema = z.object({
  benefitType: z.enum(['COUPON', 'LOYALTY_POINTS']),
  seriesId: optionalString,
  programId: optionalString,
  promotionId: optionalString,
  allocationStrategyId: optionalString,
  expirationStrategyId: optionalString,
  points: z
    .number()
    .nullish()
    .transform((value) => value ?? null),
});

export const imageSchema = z.object({
  name: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
  fileSvcHandle: optionalString,
  url: optionalString,
  // A tag outside the three documented ones reads as none: a picture must not make a badge unreadable.
  tag: z
    .enum(['UN_EARNED', 'IN_PROGRESS', 'EARNED'])
    .nullish()
    .catch(null)
    .transform((value) => value ?? null),
});

const tagSchema = z.object({ name: z.string(), value: optionalString });

/** A badge's custom field values: a map on the wire, a list of `{name, value}` (text) in the schema. */
export const customFieldValuesSchema = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .nullish()
  .transform((fields) =>
    Object.entries(fields ?? {}).map(([name, value]) => ({ name, value: String(value) })),
  );

/** The badge object as every operation answers it (A.5 of the facts); absent lists stay null. */
export const badgeSchema = z
  .object({
    id: z.string().min(1),
    badgeNumericId: optionalInt,
    orgId: z.number().int(),
    name: z.string(),
    description: z.string().nullish(),
    startOn: timestampSchema,
    expiresOn: timestampSchema,
    status: statusSchema,
    active: z.boolean().nullish(),
    isActive: z.boolean().nullish(),
    earnType: earnTypeSchema,
    earnedBadgeExpiry: expirySchema.nullish(),
    issuedBadgeExpiry: expirySchema.nullish(),
    images: z.array(imageSchema).nullish(),
    ownership: z
      .object({
        restrictedToOwners: z.array(ownerTypeSchema).nullish(),
        claims: z.array(claimSchema).nullish(),
      })
      .nullish(),
    customerConstraints: z.array(constraintSchema).nullish(),
    badgeConstraints: z.array(constraintSchema).nullish(),
    benefits: z.array(benefitSchema).nullish(),
    tags: z.array(tagSchema).nullish(),
    customFields: customFieldValuesSchema,
    badgeGroupId: optionalString,
    badgeGroupName: z.string().nullish(),
    badgeRank: optionalInt,
    issuedCount: optionalInt,
    earnedCount: optionalInt,
    ...auditFields,
  })
  .transform((badge) => ({
    id: badge.id,
    badgeNumericId: badge.badgeNumericId,
    orgId: badge.orgId,
    name: badge.name,
    description: badge.description ?? null,
    startOn: badge.startOn,
    expiresOn: badge.expiresOn,
    status: badge.status,
    // Responses say `active`; some requests and the activation endpoint say `isActive`.
    active: badge.active ?? badge.isActive ?? false,
    earnType: badge.earnType,
    earnedBadgeExpiry: badge.earnedBadgeExpiry ?? null,
    issuedBadgeExpiry: badge.issuedBadgeExpiry ?? null,
    images: badge.images ?? [],
    ownership: {
      restrictedToOwners: badge.ownership?.restrictedToOwners ?? [],
      claims: badge.ownership?.claims ?? [],
    },
    customerConstraints: badge.customerConstraints ?? null,
    badgeConstraints: badge.badgeConstraints ?? null,
    benefits: badge.benefits ?? null,
    tags: badge.tags ?? null,
    customFields: badge.customFields,
    badgeGroupId: badge.badgeGroupId,
    badgeGroupName: badge.badgeGroupName ?? null,
    badgeRank: badge.badgeRank,
    issuedCount: badge.issuedCount,
    earnedCount: badge.earnedCount,
    createdOn: badge.createdOn,
    createdBy: badge.createdBy,
    lastUpdatedOn: badge.lastUpdatedOn,
    lastUpdatedBy: badge.lastUpdatedBy,
  }));

/** A badge definition, as the schema's `Badge` type gives it. */
export type Badge = z.infer<typeof badgeSchema>;

/** `GET badgeMeta`: `metaBasicDetails` and `pagination`. */
export const badgePageSchema = pageSchema('metaBasicDetails', badgeSchema);
export type BadgePage = Page<Badge>;

/** The claim (and unclaim) answer: `{ownerType, referenceId, isActive}` (and `badgeMetaId` in the older docs). */
export const claimAnswerSchema = claimSchema;

/** The activation answer: `{id, isActive}`. */
export const activationSchema = z
  .object({
    id: z.union([z.string(), z.number()]),
    isActive: z.boolean().nullish(),
    active: z.boolean().nullish(),
  })
  .transform((answer) => ({ id: String(answer.id), active: answer.isActive ?? answer.active ?? false }));

// ---- requests ----

function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

function expiryBody(expiry: BadgeExpiryInput): Record<string, unknown> {
  return {
    expiryType: expiry.expiryType,
    ...(expiry.expiryType === 'ABSOLUTE'
      ? {
          type: expiry.type,
          expireWithBadgeMeta: expiry.type === 'WITH_BADGE_META',
          expiresOn:
            expiry.type === 'FIXED_DATE' && expiry.expiresOn != null ? epochSeconds(expiry.expiresOn) : null,
        }
      : {}),
    // The payloads' spelling, not the tables' `relativeExpiryType`.
    ...(expiry.expiryType === 'RELATIVE'
      ? { relativeExpirytype: expiry.relativeExpiryType, value: expiry.value }
      : {}),
  };
}

/** Only the keys given: Capillary reads absent keys as absent. */
function present<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item != null)) as Partial<T>;
}

/** The create (and update) body: Capillary's field names, epoch seconds, `active` as the newest payloads send it. */
export function badgeBody(input: CreateBadgeInput | UpdateBadgeInput): Record<string, unknown> {
  return {
    ...('id' in input ? { id: input.id } : {}),
    name: input.name,
    ...present({ description: input.description }),
    startOn: epochSeconds(input.startOn),
    expiresOn: epochSeconds(input.expiresOn),
    earnType: input.earnType,
    active: input.active,
    earnedBadgeExpiry: expiryBody(input.earnedBadgeExpiry),
    ...(input.issuedBadgeExpiry == null ? {} : { issuedBadgeExpiry: expiryBody(input.issuedBadgeExpiry) }),
    ownership: { restrictedToOwners: input.ownership.restrictedToOwners },
    customerConstraints: (input.customerConstraints ?? []).map((constraint) => present(constraint)),
    badgeConstraints: (input.badgeConstraints ?? []).map((constraint) => present(constraint)),
    ...(input.benefits == null ? {} : { benefits: input.benefits.map((benefit) => present(benefit)) }),
    images: (input.images ?? []).map((image) => present(image)),
    ...(input.tags == null ? {} : { tags: input.tags.map((tag) => present(tag)) }),
    customFields: Object.fromEntries((input.customFields ?? []).map(({ name, value }) => [name, value])),
    ...present({ badgeGroupId: input.badgeGroupId, badgeRank: input.badgeRank }),
  };
}

// ---- checks before any call ----

const FIXED_WINDOWS = new Set(['CUSTOMER_BADGE_FIXED_WINDOW', 'BADGE_FIXED_WINDOW']);
const NEEDS_LIMIT = new Set([
  'CUSTOMER_BADGE_FIXED_VALUE',
  'BADGE_FIXED_VALUE',
  'BADGE_ROLLING_WINDOW',
  ...FIXED_WINDOWS,
]);

function expiryProblems(expiry: BadgeExpiryInput, at: readonly string[]): InputProblem[] {
  const problems: InputProblem[] = [];
  if (expiry.expiryType === 'ABSOLUTE' && expiry.type == null) {
    problems.push({ path: [...at, 'type'], message: 'is required with ABSOLUTE' });
  }
  if (expiry.expiryType === 'ABSOLUTE' && expiry.type === 'FIXED_DATE' && expiry.expiresOn == null) {
    problems.push({ path: [...at, 'expiresOn'], message: 'is required with FIXED_DATE' });
  }
  if (expiry.expiryType === 'RELATIVE') {
    if (expiry.relativeExpiryType == null) {
      problems.push({ path: [...at, 'relativeExpiryType'], message: 'is required with RELATIVE' });
    }
    if (expiry.value == null || expiry.value < 1) {
      problems.push({ path: [...at, 'value'], message: 'must be at least 1 with RELATIVE' });
    }
  }
  return problems;
}

function constraintProblems(
  constraints: readonly BadgeConstraintInput[] | null | undefined,
  list: 'customerConstraints' | 'badgeConstraints',
): InputProblem[] {
  return (constraints ?? []).flatMap((constraint, index) => {
    const at = [list, String(index)];
    const problems: InputProblem[] = [];
    const customerKind = constraint.constraintType.startsWith('CUSTOMER_');
    if (customerKind !== (list === 'customerConstraints')) {
      problems.push({
        path: [...at, 'constraintType'],
        message: `belongs in ${customerKind ? 'customerConstraints' : 'badgeConstraints'}`,
      });
    }
    if (NEEDS_LIMIT.has(constraint.constraintType) && constraint.maxEarnLimit == null) {
      problems.push({
        path: [...at, 'maxEarnLimit'],
        message: `is required with ${constraint.constraintType}`,
      });
    }
    if (FIXED_WINDOWS.has(constraint.constraintType) && constraint.durationType == null) {
      problems.push({ path: [...at, 'durationType'], message: 'is required for a fixed window' });
    }
    if (
      constraint.constraintType === 'BADGE_ROLLING_WINDOW' &&
      (constraint.rollType == null || constraint.rollValue == null)
    ) {
      problems.push({
        path: [...at, 'rollType'],
        message: 'rollType and rollValue are required for a rolling window',
      });
    }
    return problems;
  });
}

/** The rules the facts state, checked before anything is sent (paths into the GraphQL input). */
export function badgeInputProblems(
  input: CreateBadgeInput | UpdateBadgeInput,
  now = new Date(),
): InputProblem[] {
  const problems: InputProblem[] = [];
  problems.push(...blankProblems(['name'], input.name));
  if (input.expiresOn.getTime() <= input.startOn.getTime()) {
    problems.push({ path: ['expiresOn'], message: 'must be after startOn' });
  }
  if ('historical' in input && !input.historical && input.startOn.getTime() < now.getTime() - 60_000) {
    problems.push({
      path: ['startOn'],
      message: 'must not be in the past (set historical for an imported badge)',
    });
  }
  if (input.ownership.restrictedToOwners.length === 0) {
    problems.push({ path: ['ownership', 'restrictedToOwners'], message: 'must name at least one owner' });
  }
  problems.push(...expiryProblems(input.earnedBadgeExpiry, ['earnedBadgeExpiry']));
  if (input.earnType === 'ISSUE_EARN' && input.issuedBadgeExpiry == null) {
    problems.push({ path: ['issuedBadgeExpiry'], message: 'is required for ISSUE_EARN badges' });
  }
  if (input.issuedBadgeExpiry != null)
    problems.push(...expiryProblems(input.issuedBadgeExpiry, ['issuedBadgeExpiry']));
  problems.push(...constraintProblems(input.customerConstraints, 'customerConstraints'));
  problems.push(...constraintProblems(input.badgeConstraints, 'badgeConstraints'));
  if ((input.benefits?.length ?? 0) > 10)
    problems.push({ path: ['benefits'], message: 'must hold at most 10 benefits' });
  input.benefits?.forEach((benefit, index) => {
    const required =
      benefit.benefitType === 'COUPON'
        ? (['seriesId'] as const)
        : (['programId', 'promotionId', 'allocationStrategyId', 'expirationStrategyId'] as const);
    for (const key of required) {
      if ((benefit[key] ?? '').trim() === '') {
        problems.push({
          path: ['benefits', String(index), key],
          message: `is required for ${benefit.benefitType}`,
        });
      }
    }
  });
  return problems;
}

// ---- members ----

interface BadgeErrorMember extends BadgesErrorFields {
  readonly __typename: string;
}

export interface BadgeNotFound extends BadgeErrorMember {
  readonly __typename: 'BadgeNotFound';
  readonly badgeId: string;
}

export interface BadgeNameTaken extends BadgeErrorMember {
  readonly __typename: 'BadgeNameTaken';
  readonly name: string;
}

export interface BadgeClaimNotFound extends BadgeErrorMember {
  readonly __typename: 'BadgeClaimNotFound';
  readonly badgeId: string;
  readonly ownerType: BadgeOwnerType;
  readonly referenceId: string;
}

export interface InvalidBadgeInput extends BadgeErrorMember {
  readonly __typename: 'InvalidBadgeInput';
  readonly problems: readonly InputProblem[];
}

export interface BadgeSuccess<T extends string> {
  readonly __typename: T;
  readonly badge: Badge;
  readonly warnings: readonly BadgesWarning[];
}

/** A claim's or an activation's outcome; `badge` is read when selected (src/resolvers). */
export interface BadgeChange<T extends string> {
  readonly __typename: T;
  readonly badgeId: string;
  readonly warnings: readonly BadgesWarning[];
}

export function badgeNotFound(badgeId: string, verdict: Refusal<string>): BadgeNotFound {
  return {
    __typename: 'BadgeNotFound',
    ...errorFields(`No badge of this org has the id ${badgeId}.`, verdict),
    badgeId,
  };
}

/** Code 725 of a create or update: `BadgeNameTaken` alone, one problem among other refusals. */
export function badgeNameClash(
  verdict: OwnCode,
  { args }: Call<{ readonly input: { readonly name: string } }>,
): BadgeNameTaken | InvalidBadgeInput {
  return nameClash(verdict, () => badgeNameTaken(args.input.name, verdict), invalidBadgeInput);
}

export function badgeNameTaken(name: string, verdict: OwnCode): BadgeNameTaken {
  const message = `Another badge of this org is named "${name}" (names are case-sensitive).`;
  return { __typename: 'BadgeNameTaken', ...errorFields(message, verdict), name };
}

/**
 * Where each of Capillary's badge codes points in a badge input, when its error
 * carries no reference. A name clash (725) reported with other problems is one
 * of them; alone, it is `BadgeNameTaken`.
 */
const BADGE_CODE_PATHS: Readonly<Record<number, readonly string[]>> = {
  714: ['ownership', 'restrictedToOwners'],
  720: ['expiresOn'],
  722: ['startOn'],
  723: ['startOn'],
  724: ['expiresOn'],
  725: ['name'],
  728: ['ownership', 'restrictedToOwners'],
  826: ['customerConstraints'],
};

/** In a claim input, 714 refuses the owner type (not one of the badge's owners) and 717 the reference. */
const CLAIM_CODE_PATHS: Readonly<Record<number, readonly string[]>> = {
  714: ['ownerType'],
  717: ['referenceId'],
};

export const badgeProblems = problemsAt(BADGE_CODE_PATHS, { enumFields: true });

/** The badge input refused, locally or by Capillary (400, or one of its codes). */
export function invalidBadgeInput(verdict: Invalid | OwnCode): InvalidBadgeInput {
  return { __typename: 'InvalidBadgeInput', ...invalidInputFields('badge', verdict, badgeProblems) };
}

/** A claim (or unclaim) input refused, locally or by Capillary. */
export function invalidClaimInput(verdict: Invalid | OwnCode): InvalidBadgeInput {
  return {
    __typename: 'InvalidBadgeInput',
    ...invalidInputFields('claim', verdict, problemsAt(CLAIM_CODE_PATHS, { enumFields: true })),
  };
}

export type CreateBadgeSuccess = BadgeSuccess<'CreateBadgeSuccess'>;
export type UpdateBadgeSuccess = BadgeSuccess<'UpdateBadgeSuccess'>;

export interface ClaimBadgeSuccess extends BadgeChange<'ClaimBadgeSuccess'> {
  readonly claim: BadgeClaim;
  readonly alreadyClaimed: boolean;
}

export interface UnclaimBadgeSuccess extends BadgeChange<'UnclaimBadgeSuccess'> {
  readonly claim: BadgeClaim;
}

export interface BadgeActivationChanged extends BadgeChange<'BadgeActivationChanged'> {
  readonly active: boolean;
}

/** Capillary's warning on a repeat claim. */
export const ALREADY_CLAIMED_WARNING = 900;

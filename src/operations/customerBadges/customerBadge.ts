import { z } from 'zod';
import type { BadgesWarning, InputProblem, UpstreamError } from '../../capillary/domain.js';
import { upstreamErrorSchema, type Invalid, type OwnCode, type Refusal } from '../../capillary/envelope.js';
import type { Call } from '../../capillary/operation.js';
import type {
  BadgeEarnLimitReached,
  BadgeEnrolmentStatus,
  BadgeLimitUsage,
  BadgeNotClaimed,
  BadgeNotEnrolled,
  BadgeNotLive,
  BadgeTriggerInput,
  CustomerNotFound,
  DuplicateBadgesRequest,
  EventDateOutsideBadge,
  InvalidCustomerBadgeInput,
  InvalidCustomerIdentifierType,
} from '../../generated/resolvers-types.js';
import {
  customFieldValuesSchema,
  earnTypeSchema,
  imageSchema,
  ownerTypeSchema,
  statusSchema,
} from '../badges/badge.js';
import {
  blankProblems,
  errorFields,
  invalidInputFields,
  optionalInt,
  optionalString,
  optionalTime,
  problemsAt,
} from '../wire.js';
import type { NamedCustomer } from './customer.js';

/**
 * The customer badge area (`api_gateway/v1/badges/customer…`, `management…`,
 * `badgeMeta/customer…`, `import…`; facts in ../shared/upstream/badges-customer-api.md):
 * what its answers hold, read in every form the docs show, and the error members
 * its operations share. The bulk operations' per-customer outcomes are in bulk.ts.
 */

// ---- answers ----

/** Capillary answers customer ids as numbers, sometimes as strings: as text. */
export const customerIdSchema = z.union([z.number().int(), z.string().min(1)]).transform(String);
const optionalBoolean = z
  .boolean()
  .nullish()
  .transform((value) => value ?? null);
/** GUESS: the enrolment states other than REVOKED are never shown (gap G3); an unknown one reads as null. */
export const enrolmentStatusSchema = z
  .enum(['ACTIVE', 'EXPIRED', 'REVOKED'])
  .nullish()
  .catch(null)
  .transform((value): BadgeEnrolmentStatus | null => value ?? null);
/**
 * What both customer lists (§8.3, §9.3) say of the badge itself. The window's
 * start is `startOn` on §8 and `startsOn` on §9: `start` names the one to prefer.
 */
const listedBadgeFields = {
  badgeMetaId: z.string().min(1),
  name: z.string(),
  description: z.string().nullish(),
  active: optionalBoolean,
  startOn: optionalTime,
  startsOn: optionalTime,
  expiresOn: optionalTime,
  images: z.array(imageSchema).nullish(),
  badgeGroupId: optionalString,
  badgeGroupName: z
    .union([z.string(), z.number()])
    .nullish()
    .transform((value) => (value == null ? null : String(value))),
  badgeRank: optionalInt,
  lastEarnEventDate: optionalTime,
};

function listedBadge(item: z.infer<z.ZodObject<typeof listedBadgeFields>>, start: 'startOn' | 'startsOn') {
  return {
    badgeId: item.badgeMetaId,
    name: item.name,
    description: item.description ?? null,
    active: item.active,
    startOn: start === 'startOn' ? (item.startOn ?? item.startsOn) : (item.startsOn ?? item.startOn),
    expiresOn: item.expiresOn,
    images: item.images ?? [],
    badgeGroupId: item.badgeGroupId,
    badgeGroupName: item.badgeGroupName,
    badgeRank: item.badgeRank,
    lastEarnEventOn: item.lastEarnEventDate,
  };
}

/** An item of `GET customer/{customerId}` (§8.3). */
export const customerBadgeSchema = z
  .object({
    ...listedBadgeFields,
    earnType: earnTypeSchema.nullish(),
    earnedCount: optionalInt,
    lastEarnedOnDate: optionalTime,
    customFields: customFieldValuesSchema,
  })
  .transform((item) => ({
    ...listedBadge(item, 'startOn'),
    earnType: item.earnType ?? null,
    earnedCount: item.earnedCount ?? 0,
    lastEarnedOn: item.lastEarnedOnDate,
    customFields: item.customFields,
  }));
export type CustomerBadge = z.infer<typeof customerBadgeSchema>;

/** An item of `GET management/{customerId}` (§9.3). */
export const historyItemSchema = z
  .object({
    ...listedBadgeFields,
    badgeType: earnTypeSchema.nullish(),
    badgeStatus: statusSchema.nullish(),
    earnCount: optionalInt,
    lastEarnedOn: optionalTime,
    lastEarnedOnDate: optionalTime,
    issueStatus: enrolmentStatusSchema,
    createdOn: optionalTime,
    lastUpdatedOn: optionalTime,
  })
  .transform((item) => ({
    ...listedBadge(item, 'startsOn'),
    earnType: item.badgeType ?? null,
    badgeStatus: item.badgeStatus ?? null,
    earnedCount: item.earnCount ?? 0,
    lastEarnedOn: item.lastEarnedOn ?? item.lastEarnedOnDate,
    enrolmentStatus: item.issueStatus,
    createdOn: item.createdOn,
    lastUpdatedOn: item.lastUpdatedOn,
  }));
export type CustomerBadgeHistoryItem = z.infer<typeof historyItemSchema>;

const enrolmentSchema = z
  .object({
    issueId: z.string().min(1),
    issuedStatus: enrolmentStatusSchema,
    issuedOn: optionalTime,
    issueEventDate: optionalTime,
    issueExpiresOn: optionalTime,
    revokedOn: optionalTime,
    ownerType: ownerTypeSchema.nullish().catch(null),
    ownerReferenceId: optionalString,
  })
  .transform((item) => ({
    id: item.issueId,
    status: item.issuedStatus,
    enrolledOn: item.issuedOn,
    enrolledAt: item.issueEventDate,
    expiresOn: item.issueExpiresOn,
    revokedOn: item.revokedOn,
    ownerType: item.ownerType ?? null,
    referenceId: item.ownerReferenceId,
  }));

/** The fields of an earn that the answers show; `earnDetails.earns[]` is never shown (gap G3): all optional. */
const earnFields = {
  isActive: optionalBoolean,
  earnedOn: optionalTime,
  earnEventDate: optionalTime,
  earnExpiresOn: optionalTime,
  expiresOn: optionalTime,
  issueId: optionalString,
  issuedId: optionalString,
  revokedOn: optionalTime,
  ownerType: ownerTypeSchema.nullish().catch(null),
  ownerReferenceId: optionalString,
  requestId: optionalString,
};

/** An earn, from an earn answer or a customer's badge details. */
export interface EarnedBadge {
  readonly id: string;
  readonly badgeId: string;
  readonly customerId: string;
  readonly expiresOn: Date | null;
  readonly active: boolean | null;
  readonly earnedOn: Date | null;
  readonly earnedAt: Date | null;
  readonly enrolmentId: string | null;
  readonly revokedOn: Date | null;
  readonly ownerType: z.infer<typeof ownerTypeSchema> | null;
  readonly referenceId: string | null;
  readonly requestId: string | null;
}

function earnOf(
  id: string,
  badgeId: string,
  customerId: string,
  earn: z.infer<z.ZodObject<typeof earnFields>>,
): EarnedBadge {
  return {
    id,
    badgeId,
    customerId,
    expiresOn: earn.earnExpiresOn ?? earn.expiresOn,
    active: earn.isActive,
    earnedOn: earn.earnedOn,
    earnedAt: earn.earnEventDate,
    enrolmentId: earn.issuedId ?? earn.issueId,
    revokedOn: earn.revokedOn,
    ownerType: earn.ownerType ?? null,
    referenceId: earn.ownerReferenceId,
    requestId: earn.requestId,
  };
}

/** The answer of one earn (§3.2), and of each element of an import (§5.2). */
export const earnAnswerSchema = z
  .object({
    badgeMetaId: z.string().min(1),
    customerId: customerIdSchema,
    earnedBadgeId: z.string().min(1),
    ...earnFields,
  })
  .transform((answer) => earnOf(answer.earnedBadgeId, answer.badgeMetaId, answer.customerId, answer));

/** GUESS: an element of `earnDetails.earns[]` (never shown, gap G3) names its earn `earnedBadgeId`, `earnId` or `id`. */
const detailEarnSchema = z
  .object({ earnedBadgeId: optionalString, earnId: optionalString, id: optionalString, ...earnFields })
  .transform((earn, ctx) => {
    const earnedBadgeId = earn.earnedBadgeId ?? earn.earnId ?? earn.id;
    if (earnedBadgeId === null) {
      ctx.addIssue({ code: 'custom', message: 'an earn without an id' });
      return z.NEVER;
    }
    return { ...earn, earnedBadgeId };
  });

const LIMIT_KINDS = {
  OVERALL: 'OVERALL',
  FIXED_VALUE: 'OVERALL',
  FIXED_WINDOW: 'FIXED_WINDOW',
  ROLLING_WINDOW: 'ROLLING_WINDOW',
} as const;

/**
 * A constraint with its counters (§10.2), in both vocabularies: `constraintLevel` +
 * `OVERALL`/`FIXED_WINDOW`/`ROLLING_WINDOW` (examples) or `CUSTOMER_BADGE_FIXED_VALUE`…
 * (tables; contradiction 10). Null for an entry of neither (a `…NO_LIMIT`).
 */
const limitUsageSchema = z
  .object({
    constraintLevel: z.enum(['CUSTOMER', 'BADGE']).nullish(),
    constraintType: z.string(),
    maxEarnLimit: optionalInt,
    earnConstraintBlockStatistics: z.object({ currentEarnCount: optionalInt }).nullish(),
    fixedWindowCycle: z.object({ startDate: optionalTime, endDate: optionalTime }).nullish(),
  })
  .transform((entry): BadgeLimitUsage | null => {
    const prefixed = /^(CUSTOMER_BADGE|BADGE)_(.+)$/.exec(entry.constraintType);
    const level =
      entry.constraintLevel ??
      (prefixed?.[1] === 'CUSTOMER_BADGE' ? 'CUSTOMER' : prefixed?.[1] === 'BADGE' ? 'BADGE' : null);
    const kindName = prefixed?.[2] ?? entry.constraintType;
    const kind = Object.hasOwn(LIMIT_KINDS, kindName)
      ? LIMIT_KINDS[kindName as keyof typeof LIMIT_KINDS]
      : null;
    if (level === null || kind === null) return null;
    return {
      level,
      kind,
      maxEarnLimit: entry.maxEarnLimit,
      currentEarnCount: entry.earnConstraintBlockStatistics?.currentEarnCount ?? null,
      cycleStart: entry.fixedWindowCycle?.startDate ?? null,
      cycleEnd: entry.fixedWindowCycle?.endDate ?? null,
    };
  });

/** Keeps the items of a list whose shape is readable (for lists whose item shape is a gap of the docs). */
function readableItems<T>(schema: z.ZodType<T>) {
  return z
    .array(z.unknown())
    .nullish()
    .transform((items) =>
      (items ?? []).flatMap((item) => {
        const parsed = schema.safeParse(item);
        return parsed.success ? [parsed.data] : [];
      }),
    );
}

/** `GET management/{customerId}/badge/{badgeId}` (§10.2); the statistics only with `includeStatistics`. */
export const customerBadgeDetailSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  badgeType: earnTypeSchema.nullish(),
  badgeStatus: statusSchema.nullish(),
  action: z.enum(['ACTIVATED', 'DE_ACTIVATED', 'DEACTIVATED']).nullish(),
  activeEarnedCount: optionalInt,
  lastEarnedOn: optionalTime,
  issuedStatus: enrolmentStatusSchema,
  issualDetails: z.object({ issuedCount: optionalInt, issuals: readableItems(enrolmentSchema) }).nullish(),
  earnDetails: z.object({ earnCount: optionalInt, earns: readableItems(detailEarnSchema) }).nullish(),
  customerConstraints: readableItems(limitUsageSchema),
  badgeConstraints: readableItems(limitUsageSchema),
});
type CustomerBadgeDetailAnswer = z.infer<typeof customerBadgeDetailSchema>;

/** The `CustomerBadgeDetail` member: `badge` is read when selected (src/resolvers). */
export interface CustomerBadgeDetail {
  readonly __typename: 'CustomerBadgeDetail';
  readonly customerId: string;
  readonly badgeId: string;
  readonly name: string;
  readonly earnType: CustomerBadgeDetailAnswer['badgeType'] | null;
  readonly badgeStatus: CustomerBadgeDetailAnswer['badgeStatus'] | null;
  readonly active: boolean | null;
  readonly activeEarnCount: number;
  readonly lastEarnedOn: Date | null;
  readonly enrolmentStatus: BadgeEnrolmentStatus | null;
  readonly enrolmentCount: number | null;
  readonly enrolments: ReadonlyArray<z.infer<typeof enrolmentSchema>> | null;
  readonly earnCount: number | null;
  readonly earns: readonly EarnedBadge[] | null;
  readonly limits: readonly BadgeLimitUsage[] | null;
}

/** `statistics`: asked for (`includeStatistics`); then the lists are given, empty when Capillary left them out. */
export function customerBadgeDetail(
  data: CustomerBadgeDetailAnswer,
  customerId: string,
  statistics: boolean,
): CustomerBadgeDetail {
  return {
    __typename: 'CustomerBadgeDetail',
    customerId,
    badgeId: data.id,
    name: data.name,
    earnType: data.badgeType ?? null,
    badgeStatus: data.badgeStatus ?? null,
    active: data.action == null ? null : data.action === 'ACTIVATED',
    activeEarnCount: data.activeEarnedCount ?? 0,
    lastEarnedOn: data.lastEarnedOn,
    enrolmentStatus: data.issuedStatus,
    enrolmentCount: data.issualDetails?.issuedCount ?? null,
    enrolments: statistics ? (data.issualDetails?.issuals ?? []) : null,
    earnCount: data.earnDetails?.earnCount ?? null,
    earns: statistics
      ? (data.earnDetails?.earns ?? []).map((earn) => earnOf(earn.earnedBadgeId, data.id, customerId, earn))
      : null,
    limits: statistics
      ? [...data.customerConstraints, ...data.badgeConstraints].flatMap((limit) => limit ?? [])
      : null,
  };
}

/**
 * A per-item error of a bulk answer: `{code, message, reference}`, the code
 * sometimes missing (C16). Read leniently: one odd item must not make the whole
 * answer (whose other items were applied) unreadable.
 */
export const itemErrorSchema = z
  .unknown()
  .optional()
  .transform((error): UpstreamError | null => {
    if (error == null) return null;
    const parsed = upstreamErrorSchema.safeParse(error);
    return parsed.success
      ? parsed.data
      : { code: null, message: 'Capillary gave no readable reason', reference: null };
  });

export type ItemError = UpstreamError;

// ---- requests ----

/** `triggeredBy`, nested as every example sends it (contradiction 14). */
export function triggeredByBody(triggeredBy: BadgeTriggerInput): Record<string, string> {
  return { ownerType: triggeredBy.ownerType, referenceId: triggeredBy.referenceId };
}

/** GUESS: Capillary bounds neither `requestId` nor the bulk lists (gap G4); the gateway does. */
const MAX_REQUEST_ID_LENGTH = 100;
export const MAX_BULK_CUSTOMERS = 100;

/** An idempotency key as sent: not blank, at most 100 characters. */
export function requestIdProblems(path: readonly string[], requestId: string): InputProblem[] {
  const blank = blankProblems(path, requestId);
  if (blank.length > 0) return blank;
  if (requestId.length > MAX_REQUEST_ID_LENGTH)
    return [{ path: [...path], message: `must be at most ${MAX_REQUEST_ID_LENGTH} characters` }];
  return [];
}

export function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

// ---- members ----

/** A member of a result union as codegen types it, with its `__typename` required. */
export type Member<T extends { readonly __typename?: string }> = T & {
  readonly __typename: NonNullable<T['__typename']>;
};

/** The arguments of a write that carries an idempotency key: the resolver fills it in when the caller did not. */
export type Keyed<A extends { readonly input: object }> = Omit<A, 'input'> & {
  readonly input: A['input'] & { readonly requestId: string };
};

/** Code 809: the idempotency key was used before, so the first attempt was recorded. */
export function duplicateRequest(
  verdict: OwnCode,
  { args }: Call<{ readonly input: { readonly requestId: string } }>,
): Member<DuplicateBadgesRequest> {
  const key = args.input.requestId;
  return {
    __typename: 'DuplicateBadgesRequest',
    ...errorFields(
      `Capillary already recorded a request with the idempotency key "${key}": the first attempt went through and nothing was done again.`,
      verdict,
    ),
    duplicateRequestId: key,
  };
}

interface BadgeWrite {
  readonly input: { readonly badgeId: string; readonly triggeredBy: BadgeTriggerInput };
}

/** Code 810: the badge has no claim by `triggeredBy`. */
export function badgeNotClaimed(
  verdict: Refusal<string>,
  { args }: Call<BadgeWrite>,
): Member<BadgeNotClaimed> {
  const { badgeId, triggeredBy } = args.input;
  return {
    __typename: 'BadgeNotClaimed',
    ...errorFields(
      `The badge ${badgeId} is not claimed by ${triggeredBy.ownerType} "${triggeredBy.referenceId}": claim it first (claimBadge).`,
      verdict,
    ),
    badgeId,
    ownerType: triggeredBy.ownerType,
    referenceId: triggeredBy.referenceId,
  };
}

/** Code 811: an enrol-then-earn badge, and no enrolment covers the earn. */
export function badgeNotEnrolled(
  verdict: Refusal<string>,
  badgeId: string,
  customerId: string,
): Member<BadgeNotEnrolled> {
  return {
    __typename: 'BadgeNotEnrolled',
    ...errorFields(
      `The customer ${customerId} holds no enrolment in the badge ${badgeId} covering the earn: enrol the customer first (enrolCustomersInBadge).`,
      verdict,
    ),
    badgeId,
    customerId,
  };
}

/** GUESS: code 815, the badge not live (deactivated, not started or ended). */
export function badgeNotLive(verdict: Refusal<string>, { args }: Call<BadgeWrite>): Member<BadgeNotLive> {
  const { badgeId } = args.input;
  return {
    __typename: 'BadgeNotLive',
    ...errorFields(
      `The badge ${badgeId} cannot be earned now: it is deactivated, not started or ended.`,
      verdict,
    ),
    badgeId,
  };
}

/** GUESS: code 813, an earn limit reached. */
export function earnLimitReached(
  verdict: Refusal<string>,
  badgeId: string,
  customerId: string,
): Member<BadgeEarnLimitReached> {
  return {
    __typename: 'BadgeEarnLimitReached',
    ...errorFields(
      `An earn limit of the badge ${badgeId} is reached for the customer ${customerId}.`,
      verdict,
    ),
    badgeId,
    customerId,
  };
}

/** Code 816: the event date lies outside the badge's dates. */
export function eventDateOutsideBadge(
  verdict: Refusal<string>,
  { args }: Call<BadgeWrite>,
): Member<EventDateOutsideBadge> {
  const { badgeId } = args.input;
  return {
    __typename: 'EventDateOutsideBadge',
    ...errorFields(`The event date lies outside the dates of the badge ${badgeId}.`, verdict),
    badgeId,
  };
}

/** Code 1026: no customer has this id or identifier. */
export function customerNotFound(
  verdict: Refusal<string>,
  customer: NamedCustomer,
): Member<CustomerNotFound> {
  return {
    __typename: 'CustomerNotFound',
    ...errorFields(`No customer of this org has the ${describe(customer)}.`, verdict),
    customer: customer.value,
    identifierType: customer.type,
  };
}

/** Code 1028: Capillary did not accept the identifier's kind. */
export function invalidIdentifierType(
  verdict: Refusal<string>,
  customer: NamedCustomer,
): Member<InvalidCustomerIdentifierType> {
  return {
    __typename: 'InvalidCustomerIdentifierType',
    ...errorFields(`Capillary does not look customers up by ${customer.header ?? 'id'} here.`, verdict),
    identifierType: customer.type,
  };
}

function describe(customer: NamedCustomer): string {
  return customer.type === 'ID' ? `id ${customer.value}` : `${customer.header} "${customer.value}"`;
}

/**
 * Where the area's codes point in an input, when an error carries no reference:
 * 716 and 717 (owner type and reference missing) in `triggeredBy`, 804 the
 * request id, 812 the customer, 750 (GUESS: an event date too far ahead) the earn date.
 */
const CUSTOMER_CODE_PATHS: Readonly<Record<number, readonly string[]>> = {
  716: ['triggeredBy', 'ownerType'],
  717: ['triggeredBy', 'referenceId'],
  750: ['earnedAt'],
  804: ['requestId'],
  812: ['customerId'],
};

const customerBadgeProblems = problemsAt(CUSTOMER_CODE_PATHS, { enumFields: true });

/** The input refused, locally or by Capillary (400, or one of its codes). */
export function invalidCustomerBadgeInput(verdict: Invalid | OwnCode): Member<InvalidCustomerBadgeInput> {
  return {
    __typename: 'InvalidCustomerBadgeInput',
    ...invalidInputFields('customer badge', verdict, customerBadgeProblems),
  };
}

/** A customer as this subgraph knows it: by id alone (the customers subgraph owns the rest). */
export interface CustomerEntity {
  readonly id: string;
}

/** The `BadgeEarned` member: `badge` is read when selected (src/resolvers). */
export interface BadgeEarned {
  readonly __typename: 'BadgeEarned';
  readonly earn: EarnedBadge;
  readonly warnings: readonly BadgesWarning[];
}

/** The `EarnedBadgeRevoked` member: `badge` is read when selected (src/resolvers). */
export interface EarnedBadgeRevoked {
  readonly __typename: 'EarnedBadgeRevoked';
  readonly badgeId: string;
  readonly customerId: string;
  readonly earnedBadgeId: string;
  readonly active: boolean;
  readonly warnings: readonly BadgesWarning[];
}

import { z } from 'zod';
import type { Refusal } from '../../capillary/envelope.js';
import type {
  CustomerAlreadyEnrolled,
  CustomerOutcomeRefused,
  CustomerOutcomeUnknown,
  UnknownCustomerId,
} from '../../generated/resolvers-types.js';
import { errorFields, optionalString, optionalTime } from '../wire.js';
import {
  badgeNotEnrolled,
  customerIdSchema,
  earnAnswerSchema,
  enrolmentStatusSchema,
  earnLimitReached,
  itemErrorSchema,
  type EarnedBadge,
  type ItemError,
} from './customerBadge.js';
import type { Member } from './customerBadge.js';

/**
 * The bulk operations answer HTTP 200 with one outcome per customer inside
 * `data` (customer facts §1.2): the gateway lists every customer of the
 * request with its own member, a customer Capillary did not mention as
 * `CustomerOutcomeUnknown`, and counts them. A partial failure is neither a
 * total success nor a total failure.
 */

/** Who the item is about, and what Capillary said of it. */
interface Item {
  readonly customerId: string;
  /** The error that decides the member. */
  readonly error: ItemError | null;
  /** Every error Capillary gave for the item, when it gave a list (an import element): else `error`. */
  readonly errors?: readonly ItemError[];
}

/** A refusal of one item, for the `BadgesError` fields of its member. */
function itemRefusal(item: Item, requestId: string | null): Refusal<'item'> {
  const upstreamErrors = item.errors ?? (item.error === null ? [] : [item.error]);
  return { kind: 'item', status: null, upstreamErrors, requestId };
}

function refusedItem(
  item: Item,
  requestId: string | null,
  part = 'this part for the customer',
): Member<CustomerOutcomeRefused> {
  return {
    __typename: 'CustomerOutcomeRefused',
    ...errorFields(
      `Capillary refused ${part} ${item.customerId}: ${item.error?.message ?? 'no reason given'}.`,
      itemRefusal(item, requestId),
    ),
    customerId: item.customerId,
  };
}

function unknownItem(customerId: string, requestId: string | null): Member<CustomerOutcomeUnknown> {
  return {
    __typename: 'CustomerOutcomeUnknown',
    ...errorFields(
      `Capillary's answer did not mention the customer ${customerId}: whether it was done is unknown. Read the customer's badges before acting again.`,
      itemRefusal({ customerId, error: null }, requestId),
    ),
    customerId,
  };
}

/** Code 1026 on an item: no customer has the id sent. */
function unknownCustomerId(item: Item, requestId: string | null): Member<UnknownCustomerId> {
  return {
    __typename: 'UnknownCustomerId',
    ...errorFields(`No customer of this org has the id ${item.customerId}.`, itemRefusal(item, requestId)),
    customerId: item.customerId,
  };
}

/** Code 1040 on an item: an active enrolment exists (Capillary names it in `issuedId`, when it does). */
function alreadyEnrolled(
  item: Item,
  enrolmentId: string | null,
  requestId: string | null,
): Member<CustomerAlreadyEnrolled> {
  return {
    __typename: 'CustomerAlreadyEnrolled',
    ...errorFields(
      `The customer ${item.customerId} already holds an active enrolment in the badge.`,
      itemRefusal(item, requestId),
    ),
    customerId: item.customerId,
    activeEnrolmentId: enrolmentId,
  };
}

/** The failure members a customer of enrol or bulk earn can come to, by the item's code. */
function failedCustomer(
  item: Item & { readonly enrolmentId: string | null },
  badgeId: string,
  requestId: string | null,
) {
  const refusal = itemRefusal(item, requestId);
  const code = item.error?.code;
  if (code === 1040) return alreadyEnrolled(item, item.enrolmentId, requestId);
  if (code === 1026) return unknownCustomerId(item, requestId);
  if (code === 811) return badgeNotEnrolled(refusal, badgeId, item.customerId);
  if (code === 813) return earnLimitReached(refusal, badgeId, item.customerId);
  return refusedItem(item, requestId);
}

/** One customer's member of a bulk answer. */
interface Outcome<M> {
  readonly customerId: string;
  readonly member: M;
}

/**
 * The per-customer members in the answer's order, then, for every customer of
 * the request, as many `CustomerOutcomeUnknown` as it was named more often than
 * the answer mentions it (an item per customer, or per enrolment to revoke);
 * with the counts.
 */
export function report<M extends { readonly __typename: string }>(
  requested: readonly string[],
  answered: ReadonlyArray<Outcome<M>>,
  succeeded: M['__typename'],
  requestId: string | null,
): {
  customers: Array<M | Member<CustomerOutcomeUnknown>>;
  totalCount: number;
  succeededCount: number;
  failedCount: number;
} {
  const unmentioned = new Map<string, number>();
  for (const customerId of requested) unmentioned.set(customerId, (unmentioned.get(customerId) ?? 0) + 1);
  for (const { customerId } of answered) unmentioned.set(customerId, (unmentioned.get(customerId) ?? 0) - 1);
  const missing = [...unmentioned].flatMap(([customerId, times]) =>
    Array.from({ length: Math.max(0, times) }, () => unknownItem(customerId, requestId)),
  );
  const customers = [...answered.map(({ member }) => member), ...missing];
  const succeededCount = customers.filter(({ __typename }) => __typename === succeeded).length;
  return {
    customers,
    totalCount: requested.length,
    succeededCount,
    failedCount: customers.length - succeededCount,
  };
}

/** An item naming an issuance (enrolment), as enrol, C14's bulk earn and revoke enrolment answer them. */
const issuedItemSchema = z.object({
  customerId: customerIdSchema,
  issuedId: optionalString,
  error: itemErrorSchema,
});

// ---- enrol (§2.2) ----

export const enrolAnswerSchema = z.object({
  badgeMetaId: z.string().min(1),
  expiresOn: optionalTime,
  issuedBadges: z.array(issuedItemSchema.extend({ status: enrolmentStatusSchema })).nullish(),
});

type IssuedItem = z.infer<typeof issuedItemSchema>;
type EnrolledItem = NonNullable<z.infer<typeof enrolAnswerSchema>['issuedBadges']>[number];

export function enrolmentOutcomes(data: z.infer<typeof enrolAnswerSchema>, requestId: string | null) {
  return (data.issuedBadges ?? []).map((entry) => ({
    customerId: entry.customerId,
    member: enrolmentMember(data.badgeMetaId, entry, requestId),
  }));
}

function enrolmentMember(badgeId: string, entry: EnrolledItem, requestId: string | null) {
  const item = { customerId: entry.customerId, error: entry.error, enrolmentId: entry.issuedId };
  if (entry.error !== null) {
    const failed = failedCustomer(item, badgeId, requestId);
    // An enrolment item cannot be about an earn: such a code is only a refusal here.
    return failed.__typename === 'BadgeNotEnrolled' || failed.__typename === 'BadgeEarnLimitReached'
      ? refusedItem(item, requestId)
      : failed;
  }
  if (entry.issuedId === null) return unknownItem(entry.customerId, requestId);
  return {
    __typename: 'CustomerEnrolled' as const,
    customerId: entry.customerId,
    enrolmentId: entry.issuedId,
    status: entry.status,
  };
}

// ---- bulk earn (§4.2: two documented shapes, both read) ----

/** GUESS: the elements of `failedEarnBadgeErrorList` are never shown (gap G3): `{customerId, error}` or the error's fields inline. */
const failedEarnSchema = z
  .object({
    customerId: customerIdSchema,
    error: itemErrorSchema,
    code: z.number().int().nullish(),
    message: z.string().nullish(),
    reference: z.string().nullish(),
  })
  .transform((failed): Item => ({
    customerId: failed.customerId,
    error: failed.error ?? {
      code: failed.code ?? null,
      message: failed.message ?? 'Capillary gave no reason',
      reference: failed.reference ?? null,
    },
  }));

/** A failed element whose customer cannot be read is dropped: that customer then reads as unknown. */
const failedEarnsSchema = z
  .array(z.unknown())
  .nullish()
  .transform((items) =>
    (items ?? []).flatMap((item) => {
      const parsed = failedEarnSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );

interface EarnEntry extends Item {
  readonly earnedBadgeId: string | null;
  readonly enrolmentId: string | null;
}

const newerEarnBulkSchema = z
  .object({
    badgeMetaId: z.string().min(1),
    expiresOn: optionalTime,
    earnedBadgesList: z
      .array(
        z.object({ customerId: customerIdSchema, earnedBadgeId: optionalString, issuedId: optionalString }),
      )
      .nullish(),
    failedEarnBadgeErrorList: failedEarnsSchema,
  })
  .transform((data) => ({
    badgeId: data.badgeMetaId,
    expiresOn: data.expiresOn,
    entries: [
      ...(data.earnedBadgesList ?? []).map((earned): EarnEntry => ({
        customerId: earned.customerId,
        earnedBadgeId: earned.earnedBadgeId,
        enrolmentId: earned.issuedId,
        error: null,
      })),
      ...data.failedEarnBadgeErrorList.map((failed): EarnEntry => ({
        ...failed,
        earnedBadgeId: null,
        enrolmentId: null,
      })),
    ],
  }));

const olderEarnBulkSchema = z
  .object({
    badgeMetaId: z.string().min(1),
    expiresOn: optionalTime,
    issuedBadges: z.array(issuedItemSchema),
  })
  .transform((data) => ({
    badgeId: data.badgeMetaId,
    expiresOn: data.expiresOn,
    entries: data.issuedBadges.map((issued): EarnEntry => ({
      customerId: issued.customerId,
      earnedBadgeId: null,
      enrolmentId: issued.issuedId,
      error: issued.error,
    })),
  }));

/** Shape B's own keys: an answer with any of them is read as shape B, even when its lists are null. */
const NEWER_KEYS = ['earnedBadgesList', 'failedEarnBadgeErrorList', 'earnedCount', 'failedCount'];

function newerShape(data: unknown): boolean {
  return typeof data === 'object' && data !== null && NEWER_KEYS.some((key) => key in data);
}

/** Shape B (`earnedBadgesList`, Y-earnBulk's newest example) or shape A (`issuedBadges`, C14), by its keys. */
export const earnBulkAnswerSchema = z.union([
  z.custom<unknown>(newerShape).pipe(newerEarnBulkSchema),
  z.custom<unknown>((data) => !newerShape(data)).pipe(olderEarnBulkSchema),
]);

export function earnOutcomes(data: z.infer<typeof earnBulkAnswerSchema>, requestId: string | null) {
  return data.entries.map((entry) => ({
    customerId: entry.customerId,
    member: earnMember(entry, data.badgeId, requestId),
  }));
}

function earnMember(entry: EarnEntry, badgeId: string, requestId: string | null) {
  if (entry.error !== null) return failedCustomer(entry, badgeId, requestId);
  if (entry.earnedBadgeId === null && entry.enrolmentId === null)
    return unknownItem(entry.customerId, requestId);
  return {
    __typename: 'CustomerEarnedBadge' as const,
    customerId: entry.customerId,
    earnedBadgeId: entry.earnedBadgeId,
    usedEnrolmentId: entry.enrolmentId,
  };
}

// ---- revoke enrolments (§6.2) ----

export const revokeIssueAnswerSchema = z.object({
  badgeMetaId: z.string().min(1),
  revokedIssuedBadges: z.array(issuedItemSchema).nullish(),
});

/** C16's per-item messages: no issuance (body code 404), or an issuance of another customer (no code). */
const NOT_THEIR_ENROLMENT = /doesn't belong to customer/i;

export function revocationOutcomes(data: z.infer<typeof revokeIssueAnswerSchema>, requestId: string | null) {
  return (data.revokedIssuedBadges ?? []).map((entry) => ({
    customerId: entry.customerId,
    member: revocationMember(entry, requestId),
  }));
}

function revocationMember(entry: IssuedItem, requestId: string | null) {
  const refusal = itemRefusal(entry, requestId);
  if (entry.error === null) {
    return entry.issuedId === null
      ? unknownItem(entry.customerId, requestId)
      : {
          __typename: 'CustomerEnrolmentRevoked' as const,
          customerId: entry.customerId,
          enrolmentId: entry.issuedId,
        };
  }
  if (entry.error.code === 404)
    return {
      __typename: 'CustomerNotEnrolled' as const,
      ...errorFields(
        `The customer ${entry.customerId} holds no active enrolment in the badge (or not this one).`,
        refusal,
      ),
      customerId: entry.customerId,
    };
  if (NOT_THEIR_ENROLMENT.test(entry.error.message))
    return {
      __typename: 'EnrolmentOfAnotherCustomer' as const,
      ...errorFields(`The enrolment named belongs to another customer than ${entry.customerId}.`, refusal),
      customerId: entry.customerId,
    };
  return refusedItem(entry, requestId);
}

// ---- import (§5.2: a bare array of envelopes, one per element sent) ----

const importedElementSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.unknown()).nullish(),
});

export const importAnswerSchema = z.array(z.unknown());

export type ImportedEarnOutcome =
  | { readonly __typename: 'ImportedEarn'; readonly customerId: string; readonly earn: EarnedBadge }
  | Member<UnknownCustomerId>
  | Member<CustomerOutcomeRefused>
  | Member<CustomerOutcomeUnknown>;

/** What an import pairs each answer element with: the earn sent at the same position. */
interface ImportedEarnSent {
  readonly badgeId: string;
  readonly customerId: string;
}

/**
 * Element `i` of the answer is the outcome of earn `i` sent (C15). An element
 * that is missing, unreadable, or names another badge or customer than the earn
 * sent there is unknown: nothing is credited to the wrong customer.
 */
export function importOutcomes(
  answer: readonly unknown[],
  sent: readonly ImportedEarnSent[],
  requestId: string | null,
): ImportedEarnOutcome[] {
  return sent.map(({ badgeId, customerId }, index): ImportedEarnOutcome => {
    const element = importedElementSchema.safeParse(answer[index]);
    if (!element.success) return unknownItem(customerId, requestId);
    const earn = earnAnswerSchema.safeParse(element.data.data);
    if (earn.success) {
      return earn.data.customerId === customerId && earn.data.badgeId === badgeId
        ? { __typename: 'ImportedEarn', customerId, earn: earn.data }
        : unknownItem(customerId, requestId);
    }
    const errors = (element.data.errors ?? []).flatMap((error) => {
      const parsed = itemErrorSchema.safeParse(error);
      return parsed.success && parsed.data !== null ? [parsed.data] : [];
    });
    const [first] = errors;
    if (first === undefined) return unknownItem(customerId, requestId);
    const item = { customerId, error: first, errors };
    return first.code === 1026
      ? unknownCustomerId(item, requestId)
      : refusedItem(item, requestId, 'this earn of the customer');
  });
}

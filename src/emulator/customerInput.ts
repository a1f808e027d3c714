import type { IncomingHttpHeaders } from 'node:http';
import { readOwnerType, type OwnerType } from './badgeInput.js';
import type { Field, Issues, Reader } from './input.js';
import { failure, problem, type Answer, type EnvelopeError } from './wire.js';

/**
 * What the customer endpoints (../shared/upstream/badges-customer-api.md) read
 * alike: who the customer is, who triggered the call, the request id, event
 * dates; and the errors they answer. What the facts leave open is marked GUESS.
 */

export const REQUEST_ID_TAKEN = failure(400, [problem(809, 'Request with same requestId is not allowed')]);
export const NOT_CLAIMED = failure(409, [problem(810, 'BadgeMeta needs to be claimed first')]);
export const ISSUE_FIRST = problem(811, 'Badge issue is mandatory before earn');
export const NO_ACTIVE_EARN = failure(409, [problem(814, 'Active earn instance is not present.')]);
/**
 * GUESS: 815, 750 and the missing-field codes 812, 804 and 716 come from a
 * newer copy of the earn page (docs.capillarytech.com), which lists them as
 * table text only; the wire messages are that text without its full stop, 815
 * answers 409 like 810/811, the others 400.
 */
export const NOT_LIVE = failure(409, [problem(815, 'Badge is not live')]);
export const FUTURE_EVENT = failure(400, [problem(750, 'Earn event date should not be in future')]);
/** GUESS: HTTP 400; the message is the first sentence of C12's table text. */
export const OUTSIDE_BADGE = failure(400, [problem(816, 'Event date is not in duration of badge meta')]);
export const ISSUE_EXISTS = problem(1040, 'An active issue for the badge already exists.');
/** Body code 404 inside an HTTP 200 (C16). */
export const NO_ISSUE = problem(404, "Customer doesn't have issue instance");
/** Seen without a `code` key (C16). */
export const NOT_THEIR_ISSUE = { message: "issue doesn't belong to customer", reference: null };
/** Y-revokeIssue files 1051 among its HTTP 200 examples: GUESS, a failure envelope inside a 200. */
export const NEEDS_A_LIST = failure(200, [problem(1051, 'RevokeIssuals or CustomerId is mandatory')]);
/** GUESS: C18 gives 1026 as table text only: this message, HTTP 404 when it fails a whole request. */
export const UNKNOWN_CUSTOMER = problem(1026, 'Customer not found');
/** GUESS: HTTP 400. */
export const BAD_IDENTIFIER_TYPE = failure(400, [problem(1028, 'Invalid Customer Identifier type')]);
/**
 * GUESS: no code is documented for a reached earn limit (gap G5): 813, unused
 * among the documented 8xx codes, HTTP 409, one message per scope.
 */
export const LIMIT_REACHED: Readonly<Record<'CUSTOMER' | 'BADGE', EnvelopeError>> = {
  CUSTOMER: problem(813, 'Earn limit of the badge is reached for the customer'),
  BADGE: problem(813, 'Earn limit of the badge is reached'),
};

/**
 * Customers are not created anywhere in the Badges API. GUESS: every positive
 * integer (up to 2^53 - 1) is a customer id, and customer `<id>` has exactly
 * these identifiers: email `c<id>@example.com` (read case-insensitively),
 * mobile `9` and the id padded to nine digits (`9000004001`), external id
 * `ext-<id>`, card number `card-<id>`.
 */
const IDENTIFIERS = {
  email: { pattern: /^c(\d+)@example\.com$/i, of: (id: number) => `c${id}@example.com` },
  mobile: { pattern: /^9(\d{9,})$/, of: (id: number) => `9${String(id).padStart(9, '0')}` },
  externalId: { pattern: /^ext-(\d+)$/, of: (id: number) => `ext-${id}` },
  cardNumber: { pattern: /^card-(\d+)$/, of: (id: number) => `card-${id}` },
} as const;

export function isCustomer(id: number): boolean {
  return Number.isSafeInteger(id) && id > 0;
}

function numericCustomer(text: string): number | undefined {
  const id = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  return isCustomer(id) && String(id) === text ? id : undefined;
}

/**
 * The numeric id of the customer `value` names: the id itself, or with
 * `X-CAP-CUSTOMER-IDENTIFIER` (`email`, `mobile`, `externalId`, `cardNumber`,
 * GUESS: spelled exactly so) that identifier; 1028 for another header value,
 * 1026 for no customer.
 */
export function customerNamed(headers: IncomingHttpHeaders, value: string): number | Answer {
  const header = headers['x-cap-customer-identifier'];
  const type = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  // GUESS: an empty header counts as absent.
  if (type === '') return numericCustomer(value) ?? failure(404, [UNKNOWN_CUSTOMER]);
  if (!Object.hasOwn(IDENTIFIERS, type)) return BAD_IDENTIFIER_TYPE;
  const { pattern, of } = IDENTIFIERS[type as keyof typeof IDENTIFIERS];
  const id = Number(pattern.exec(value)?.[1] ?? Number.NaN);
  const canonical = type === 'email' ? value.toLowerCase() : value;
  return isCustomer(id) && of(id) === canonical ? id : failure(404, [UNKNOWN_CUSTOMER]);
}

export type TriggeredBy = {
  readonly ownerType: OwnerType;
  readonly referenceId: string;
};

/**
 * `triggeredBy` `{ownerType, referenceId}`. The examples nest them (followed);
 * GUESS: mandatory on enrol and both earns (the claim check needs them), a
 * blank `referenceId` answers the claim API's 717.
 */
export function readTriggeredBy(body: Reader): TriggeredBy | undefined {
  const triggeredBy = body.field('triggeredBy').required().object();
  const ownerType =
    triggeredBy &&
    readOwnerType(triggeredBy.field('ownerType').required('Owner type information is missing', 716));
  const referenceId = triggeredBy?.field('referenceId').nonBlank('Owner id is mandatory', 717).string();
  return ownerType === undefined || referenceId === undefined ? undefined : { ownerType, referenceId };
}

/** A number is read as its text (the examples send numbers and get strings back). */
export function readRequestId(body: Reader, required: boolean): string | undefined {
  const field = body.field('requestId');
  return (required ? field.nonBlank('RequestId information is missing', 804) : field).string();
}

/** A numeric customer id (a string of digits too, as Y-earn sends it); GUESS: ≤ 0 reads, then is no customer. */
export function readCustomerId(field: Field): number | undefined {
  return field.required('CustomerId information is missing', 812).integer(undefined, Number.MAX_SAFE_INTEGER);
}

/** GUESS: a missing or empty list answers 812 like a missing single id; no maximum (none is documented). */
export function readCustomerIds(field: Field, issues: Issues): number[] | undefined {
  const items = field.required('CustomerId information is missing', 812).list();
  if (items?.length === 0) issues.invalid(812, 'CustomerId information is missing', field.path);
  const ids = items?.map((item) => item.required().integer(undefined, Number.MAX_SAFE_INTEGER));
  return ids?.every((id) => id !== undefined) === true && ids.length > 0 ? ids : undefined;
}

/**
 * An event date: `<name>ISO` first, `<name>` when it is absent (Y-earnBulk);
 * GUESS: either as epoch seconds or ISO-8601 (the sources disagree), in epoch
 * microseconds.
 */
export function readEventDate(body: Reader, name: string): number | undefined {
  const seconds = body.fieldOf(`${name}ISO`, name).epoch();
  return seconds === undefined ? undefined : Math.round(seconds * 1_000_000);
}

import type { InputProblem } from '../../capillary/domain.js';
import type { CustomerIdentifierType, CustomerRef } from '../../generated/resolvers-types.js';
import { blankProblems } from '../wire.js';

/**
 * Naming a customer to Capillary (../shared/upstream/badges-customer-api.md
 * §1.4): by the numeric id, or by an identifier whose value takes the id's
 * place in the path (or body) and whose kind goes in `X-CAP-CUSTOMER-IDENTIFIER`.
 */

const IDENTIFIERS = {
  id: { type: 'ID', header: null },
  mobile: { type: 'MOBILE', header: 'mobile' },
  email: { type: 'EMAIL', header: 'email' },
  externalId: { type: 'EXTERNAL_ID', header: 'externalId' },
  cardNumber: { type: 'CARD_NUMBER', header: 'cardNumber' },
} as const satisfies Record<keyof CustomerRef, { type: CustomerIdentifierType; header: string | null }>;

/** A customer as named: the value Capillary is sent, how it was named, and the header that says so. */
export interface NamedCustomer {
  readonly value: string;
  readonly type: CustomerIdentifierType;
  readonly header: string | null;
}

/** Capillary's customer ids: positive integers that JSON numbers carry exactly. */
const CUSTOMER_ID = /^[1-9]\d{0,15}$/;

export function isCustomerId(id: string): boolean {
  return CUSTOMER_ID.test(id) && Number.isSafeInteger(Number(id));
}

/** The identifiers a `CustomerRef` gives. */
function givenKeys(ref: CustomerRef): Array<keyof CustomerRef> {
  return (Object.keys(IDENTIFIERS) as Array<keyof CustomerRef>).filter((key) => ref[key] != null);
}

/** The one identifier a `CustomerRef` names; null unless exactly one is given (see `customerRefProblems`). */
export function namedCustomer(ref: CustomerRef): NamedCustomer | null {
  const [key, ...more] = givenKeys(ref);
  return key === undefined || more.length > 0 ? null : { value: String(ref[key]), ...IDENTIFIERS[key] };
}

/**
 * The customer of a `CustomerRef` that `customerRefProblems` passed, for building
 * a call or a member: an operation's check refuses a ref naming none or several
 * before any call, so the blank id stands for nothing that is ever sent.
 */
export function checkedCustomer(ref: CustomerRef): NamedCustomer {
  return namedCustomer(ref) ?? { value: '', ...IDENTIFIERS.id };
}

/** The customer named by a numeric id alone. */
export function customerById(id: string): NamedCustomer {
  return { value: id, ...IDENTIFIERS.id };
}

/** Exactly one identifier, and one that can name a customer: problems at `path` otherwise. */
export function customerRefProblems(path: readonly string[], ref: CustomerRef): InputProblem[] {
  const given = givenKeys(ref);
  const named = namedCustomer(ref);
  if (named === null) {
    return [
      {
        path: [...path],
        message: `must name the customer by exactly one of id, mobile, email, externalId or cardNumber (${given.length} given)`,
      },
    ];
  }
  const where = [...path, ...given];
  if (named.type === 'ID') return customerIdProblems(where, named.value);
  const blank = blankProblems(where, named.value);
  if (blank.length > 0) return blank;
  const value = named.value.trim();
  if (value !== named.value || value.length > 128 || /[/\\\p{Cc}\p{Cs}]/u.test(value) || /^\.+$/.test(value))
    return [
      {
        path: where,
        message:
          'must be at most 128 characters, without surrounding spaces, "/", "\\" or control characters',
      },
    ];
  return [];
}

/** A numeric customer id, as Capillary's write bodies and the customer's paths take it. */
export function customerIdProblems(path: readonly string[], id: string): InputProblem[] {
  return isCustomerId(id) ? [] : [{ path: [...path], message: "must be Capillary's numeric customer id" }];
}

/** A list of customer ids: 1 to `max` entries, each numeric, none twice (each gets one outcome). */
export function customerIdsProblems(
  path: readonly string[],
  ids: readonly string[],
  max: number,
): InputProblem[] {
  if (ids.length === 0 || ids.length > max)
    return [{ path: [...path], message: `must name 1 to ${max} customers (${ids.length} given)` }];
  return ids.flatMap((id, index) => [
    ...customerIdProblems([...path, String(index)], id),
    ...(ids.indexOf(id) < index
      ? [{ path: [...path, String(index)], message: `names the customer ${id} a second time` }]
      : []),
  ]);
}

/** The header naming the kind of identifier, when it is not the numeric id. */
export function identifierHeader(customer: NamedCustomer): Record<string, string> {
  return customer.header === null ? {} : { 'X-CAP-CUSTOMER-IDENTIFIER': customer.header };
}

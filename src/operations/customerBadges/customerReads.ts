import type { OwnCode, Refusal } from '../../capillary/envelope.js';
import type { Call } from '../../capillary/operation.js';
import type { CustomerRef } from '../../generated/resolvers-types.js';
import { checkedCustomer, customerRefProblems, identifierHeader, type NamedCustomer } from './customer.js';
import { customerNotFound, invalidIdentifierType } from './customerBadge.js';

/**
 * What the two reads of a customer's badge lists share: the customer named by a
 * `CustomerRef` in the path and `X-CAP-CUSTOMER-IDENTIFIER`, checked before any
 * call, and the members of codes 1026 and 1028.
 */

interface NamesCustomer {
  readonly customer: CustomerRef;
}

function customerOf({ customer }: NamesCustomer): NamedCustomer {
  return checkedCustomer(customer);
}

export const customerInPath = {
  pathParams: (args: NamesCustomer) => ({ customerId: customerOf(args).value }),
  headers: (args: NamesCustomer) => identifierHeader(customerOf(args)),
};

export function customerRefCheck({ customer }: NamesCustomer) {
  return customerRefProblems(['customer'], customer);
}

/** 1026 (and a 404 without it: the path names nothing but the customer) and 1028. */
export const customerRefusals = {
  notFound: (verdict: Refusal<string>, { args }: Call<NamesCustomer>) =>
    customerNotFound(verdict, customerOf(args)),
  codes: {
    1026: (verdict: OwnCode, { args }: Call<NamesCustomer>) => customerNotFound(verdict, customerOf(args)),
    1028: (verdict: OwnCode, { args }: Call<NamesCustomer>) =>
      invalidIdentifierType(verdict, customerOf(args)),
  },
};

/** A limit or page size: 1 to 100. */
export function sizeProblems(name: string, value: number | null | undefined) {
  return value != null && (value < 1 || value > 100)
    ? [{ path: [name], message: 'must be from 1 to 100' }]
    : [];
}

/** ISO-8601 to the second, as the list filters take dates. */
export function isoSeconds(date: Date | null | undefined): string | undefined {
  return date?.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

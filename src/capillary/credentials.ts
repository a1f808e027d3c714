/**
 * Capillary credentials travel with each GraphQL request: the gateway forwards
 * the caller's own headers, verbatim, and holds none of its own.
 */

/** The caller's headers that carry Capillary credentials; at least one must be present. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-cap-api-oauth-token'] as const;

/** Every header of the caller's that is forwarded to Capillary, verbatim; nothing else is. */
export const FORWARDED_HEADERS = [
  ...CREDENTIAL_HEADERS,
  'x-cap-api-attribution-entity-type',
  'x-cap-api-attribution-entity-code',
] as const;

type ForwardedHeader = (typeof FORWARDED_HEADERS)[number];

/** One caller's Capillary credentials: the forwarded headers it sent, lower-case names. */
export interface Credentials {
  readonly headers: Readonly<Partial<Record<ForwardedHeader, string>>>;
}

/**
 * Picks the forwarded headers out of a request's headers. Null when the request
 * carries no credential header at all (blank values count as absent).
 */
export function credentialsFrom(header: (name: string) => string | undefined): Credentials | null {
  const headers: Partial<Record<ForwardedHeader, string>> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = header(name);
    if (value !== undefined && value.trim() !== '') headers[name] = value;
  }
  return CREDENTIAL_HEADERS.some((name) => name in headers) ? { headers } : null;
}

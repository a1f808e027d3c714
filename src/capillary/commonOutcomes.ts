import type { BadgesAccessDenied, BadgesAuthenticationFailed, BadgesUpstreamFailure } from './domain.js';
import type { Failed, Invalid, Refusal, Unauthenticated } from './envelope.js';
import type { Call } from './operation.js';

/**
 * The members every operation's result union shares, declared once: spread
 * `commonOutcomes` into an outcome table for its `unauthenticated`,
 * `forbidden` and `failed` verdicts.
 */
export const commonOutcomes = {
  unauthenticated: (verdict: Unauthenticated): BadgesAuthenticationFailed => ({
    __typename: 'BadgesAuthenticationFailed',
    message: verdict.local
      ? 'No Capillary credentials: send an Authorization (Basic) or X-CAP-API-OAUTH-TOKEN header.'
      : 'Capillary did not accept the credentials (HTTP 401).',
    upstreamErrors: verdict.upstreamErrors,
    requestId: verdict.requestId,
  }),
  forbidden: (verdict: Refusal<'forbidden'>): BadgesAccessDenied => ({
    __typename: 'BadgesAccessDenied',
    message: "Capillary denied access: the credentials' access group may not do this.",
    upstreamErrors: verdict.upstreamErrors,
    requestId: verdict.requestId,
  }),
  failed: (verdict: Failed): BadgesUpstreamFailure => ({
    __typename: 'BadgesUpstreamFailure',
    message: verdict.reason,
    upstreamErrors: verdict.upstreamErrors,
    requestId: verdict.requestId,
    status: verdict.status,
    retryable: verdict.retryable,
    retryAfterSeconds: verdict.retryAfterSeconds,
    cause: verdict.cause,
  }),
} as const;

/**
 * For an operation on one resource named by an id: an id the local check refused
 * (blank, or not one plain path segment) names no resource, so the not-found
 * member answers it; Capillary itself never refuses such a call with 400.
 */
export function idNotFound<A, R>(
  notFound: (verdict: Refusal<string>, call: Call<A>) => R,
): (verdict: Invalid, call: Call<A>) => R | BadgesUpstreamFailure {
  return (verdict, call) => (verdict.local ? notFound(verdict, call) : unexpectedRefusal(verdict));
}

/** A refusal this operation is not known to answer with (say, 409 on a read): an upstream failure. */
export function unexpectedRefusal({
  status,
  upstreamErrors,
  requestId,
}: Refusal<string>): BadgesUpstreamFailure {
  return {
    __typename: 'BadgesUpstreamFailure',
    message: `Capillary answered HTTP ${status ?? 'with errors'}, which this operation does not expect.`,
    upstreamErrors,
    requestId,
    status,
    retryable: false,
    retryAfterSeconds: null,
    cause: 'ERROR_STATUS',
  };
}

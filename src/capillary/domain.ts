/**
 * What every operation has in common: the error members shared by all result
 * unions, and the items of Capillary's envelope. Each outcome carries the
 * `__typename` of the GraphQL type it becomes, so the names of the domain and
 * the schema are one. An area's own types live with its operations.
 */

export interface UpstreamError {
  readonly code: number | null;
  readonly message: string;
  readonly reference: string | null;
}

export interface BadgesWarning {
  readonly code: number | null;
  readonly message: string;
}

export interface InputProblem {
  readonly path: readonly string[];
  readonly message: string;
}

/** The fields of the `BadgesError` interface. */
export interface BadgesErrorFields {
  readonly message: string;
  readonly upstreamErrors: readonly UpstreamError[];
  /** The upstream's `X-Cap-Requestid`; null when the gateway decided alone or none was sent. */
  readonly requestId: string | null;
}

export interface BadgesAuthenticationFailed extends BadgesErrorFields {
  readonly __typename: 'BadgesAuthenticationFailed';
}

export interface BadgesAccessDenied extends BadgesErrorFields {
  readonly __typename: 'BadgesAccessDenied';
}

export interface BadgesUpstreamFailure extends BadgesErrorFields {
  readonly __typename: 'BadgesUpstreamFailure';
  readonly status: number | null;
  readonly retryable: boolean;
  readonly retryAfterSeconds: number | null;
  readonly cause: UpstreamFailureCause;
}

export type UpstreamFailureCause =
  | 'TIMEOUT'
  | 'CONNECTION_REFUSED'
  | 'CONNECTION_RESET'
  | 'HOST_NOT_FOUND'
  | 'UNREACHABLE'
  | 'RESPONSE_TOO_LARGE'
  | 'MALFORMED_RESPONSE'
  | 'ERROR_STATUS';

/** What any call can come to besides its own outcomes. */
export type CommonFailure = BadgesAuthenticationFailed | BadgesAccessDenied | BadgesUpstreamFailure;

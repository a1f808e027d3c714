/**
 * The gateway's model of the Badges API: what the envelope mapping produces and
 * the resolvers return. Each outcome carries the `__typename` of the GraphQL
 * union member it becomes, so the names of the domain and the schema are one.
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

export interface OrgMetaTag {
  readonly key: string;
  readonly dataType: string;
  readonly description: string | null;
  readonly mandatory: boolean | null;
}

export interface OrgMeta {
  readonly id: string;
  readonly orgId: number;
  readonly tags: readonly OrgMetaTag[];
  readonly createdOn: Date | null;
  readonly createdBy: number | null;
  readonly lastUpdatedOn: Date | null;
  readonly lastUpdatedBy: number | null;
}

/** What a caller asks to store: the body of POST (and PUT) orgMeta. */
export interface OrgMetaInput {
  readonly orgId: number;
  readonly tags: readonly OrgMetaTagInput[];
}

export interface OrgMetaTagInput {
  readonly key: string;
  readonly dataType: string;
  readonly description?: string | null;
  readonly mandatory?: boolean | null;
}

interface BadgesErrorFields {
  readonly message: string;
  readonly upstreamErrors: readonly UpstreamError[];
  /** The upstream's `X-Cap-Requestid`; null when the gateway decided alone or none was sent. */
  readonly requestId: string | null;
}

export interface OrgMetaAlreadyExists extends BadgesErrorFields {
  readonly __typename: 'OrgMetaAlreadyExists';
}

export interface InvalidOrgMetaInput extends BadgesErrorFields {
  readonly __typename: 'InvalidOrgMetaInput';
  readonly problems: readonly InputProblem[];
}

export interface BadgesAuthenticationFailed extends BadgesErrorFields {
  readonly __typename: 'BadgesAuthenticationFailed';
}

export interface BadgesAccessDenied extends BadgesErrorFields {
  readonly __typename: 'BadgesAccessDenied';
}

export interface OrgMetaNotFound extends BadgesErrorFields {
  readonly __typename: 'OrgMetaNotFound';
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

export interface CreateBadgeOrgMetaSuccess {
  readonly __typename: 'CreateBadgeOrgMetaSuccess';
  readonly orgMeta: OrgMeta;
  readonly warnings: readonly BadgesWarning[];
}

export interface UpdateBadgeOrgMetaSuccess {
  readonly __typename: 'UpdateBadgeOrgMetaSuccess';
  readonly orgMeta: OrgMeta;
  readonly warnings: readonly BadgesWarning[];
}

/** The org meta as a member of a result union. */
export type FoundOrgMeta = OrgMeta & { readonly __typename: 'BadgeOrgMeta' };

/** What any call can come to besides its own outcomes. */
export type CommonFailure = BadgesAuthenticationFailed | BadgesAccessDenied | BadgesUpstreamFailure;

export type CreateBadgeOrgMetaResult =
  CreateBadgeOrgMetaSuccess | OrgMetaAlreadyExists | InvalidOrgMetaInput | CommonFailure;

export type UpdateBadgeOrgMetaResult =
  UpdateBadgeOrgMetaSuccess | OrgMetaNotFound | InvalidOrgMetaInput | CommonFailure;

export type BadgeOrgMetaResult = FoundOrgMeta | OrgMetaNotFound | CommonFailure;

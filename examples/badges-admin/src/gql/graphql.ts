/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** One custom tag definition to store in the org's badge meta. */
export type BadgeOrgMetaTagInput = {
  /**
   * The type of the tag's values as Capillary names it; must not be blank. Values
   * seen in Capillary's documentation: `string`, `integer`.
   */
  dataType: string;
  /** What the tag means; omitted from the upstream request when null. */
  description?: string | null | undefined;
  /** The tag's name; must not be blank and must be unique within the request, e.g. `Category`. */
  key: string;
  /** Whether every badge must carry this tag; omitted from the upstream request when null. */
  mandatory?: boolean | null | undefined;
};

/** Why a call to Capillary failed without a usable answer. */
export type BadgesUpstreamFailureCause =
  /** Capillary refused the connection: nothing was sent. */
  | 'CONNECTION_REFUSED'
  /** The connection broke before the answer was complete. */
  | 'CONNECTION_RESET'
  /** Capillary answered with an HTTP status that means failure: 429, 5xx, or an unexpected 4xx. */
  | 'ERROR_STATUS'
  /** Capillary's host name could not be resolved. */
  | 'HOST_NOT_FOUND'
  /** The answer broke Capillary's documented contract: not JSON, or JSON of the wrong shape. */
  | 'MALFORMED_RESPONSE'
  /** The answer was larger than the gateway accepts (`CAPILLARY_MAX_RESPONSE_BYTES`). */
  | 'RESPONSE_TOO_LARGE'
  /** No complete answer arrived within the deadline (`CAPILLARY_TIMEOUT_MS`). A create may still have been applied. */
  | 'TIMEOUT'
  /** Capillary could not be reached for another network reason. */
  | 'UNREACHABLE';

/** The org meta to create. */
export type CreateBadgeOrgMetaInput = {
  /** The org to create the meta for; a positive Capillary org id, e.g. `100458`. */
  orgId: number;
  /** The complete list of custom tag definitions; keys must be unique. */
  tags: Array<BadgeOrgMetaTagInput>;
};

/** The org meta to store in place of the current one. */
export type UpdateBadgeOrgMetaInput = {
  /** The org whose meta is replaced; a positive Capillary org id, e.g. `100458`. */
  orgId: number;
  /**
   * The complete new list of custom tag definitions; it replaces the stored list
   * (tags left out are removed). Keys must be unique.
   */
  tags: Array<BadgeOrgMetaTagInput>;
};

export type BadgeOrgMetaQueryVariables = Exact<{ [key: string]: never; }>;


export type BadgeOrgMetaQuery = { __typename: 'Query', badgeOrgMeta:
    | { __typename: 'BadgeOrgMeta', id: string, orgId: number, createdOn: string | null, lastUpdatedOn: string | null, tags: Array<{ __typename: 'BadgeOrgMetaTag', key: string, dataType: string, description: string | null, mandatory: boolean | null }> }
    | { __typename: 'BadgesAccessDenied', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'BadgesAuthenticationFailed', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'BadgesUpstreamFailure', status: number | null, retryable: boolean, retryAfterSeconds: number | null, cause: BadgesUpstreamFailureCause, message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'OrgMetaNotFound', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
   };

export type CreateBadgeOrgMetaMutationVariables = Exact<{
  input: CreateBadgeOrgMetaInput;
}>;


export type CreateBadgeOrgMetaMutation = { __typename: 'Mutation', createBadgeOrgMeta:
    | { __typename: 'BadgesAccessDenied', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'BadgesAuthenticationFailed', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'BadgesUpstreamFailure', status: number | null, retryable: boolean, retryAfterSeconds: number | null, cause: BadgesUpstreamFailureCause, message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'CreateBadgeOrgMetaSuccess', orgMeta: { __typename: 'BadgeOrgMeta', id: string, orgId: number, createdOn: string | null, lastUpdatedOn: string | null, tags: Array<{ __typename: 'BadgeOrgMetaTag', key: string, dataType: string, description: string | null, mandatory: boolean | null }> }, warnings: Array<{ __typename: 'BadgesWarning', code: number | null, message: string }> }
    | { __typename: 'InvalidOrgMetaInput', message: string, requestId: string | null, problems: Array<{ __typename: 'InputProblem', path: Array<string>, message: string }>, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'OrgMetaAlreadyExists', message: string, requestId: string | null, existing: { __typename: 'BadgeOrgMeta', id: string, orgId: number, createdOn: string | null, lastUpdatedOn: string | null, tags: Array<{ __typename: 'BadgeOrgMetaTag', key: string, dataType: string, description: string | null, mandatory: boolean | null }> } | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
   };

export type OrgMetaFieldsFragment = { __typename: 'BadgeOrgMeta', id: string, orgId: number, createdOn: string | null, lastUpdatedOn: string | null, tags: Array<{ __typename: 'BadgeOrgMetaTag', key: string, dataType: string, description: string | null, mandatory: boolean | null }> };

type FailureFields_BadgeClaimNotFound_Fragment = { __typename: 'BadgeClaimNotFound', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeCustomFieldNotFound_Fragment = { __typename: 'BadgeCustomFieldNotFound', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeEarnLimitReached_Fragment = { __typename: 'BadgeEarnLimitReached', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeGroupNameTaken_Fragment = { __typename: 'BadgeGroupNameTaken', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeGroupNotFound_Fragment = { __typename: 'BadgeGroupNotFound', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeNameTaken_Fragment = { __typename: 'BadgeNameTaken', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeNotClaimed_Fragment = { __typename: 'BadgeNotClaimed', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeNotEnrolled_Fragment = { __typename: 'BadgeNotEnrolled', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeNotFound_Fragment = { __typename: 'BadgeNotFound', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgeNotLive_Fragment = { __typename: 'BadgeNotLive', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgesAccessDenied_Fragment = { __typename: 'BadgesAccessDenied', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgesAuthenticationFailed_Fragment = { __typename: 'BadgesAuthenticationFailed', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_BadgesUpstreamFailure_Fragment = { __typename: 'BadgesUpstreamFailure', status: number | null, retryable: boolean, retryAfterSeconds: number | null, cause: BadgesUpstreamFailureCause, message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_CustomerAlreadyEnrolled_Fragment = { __typename: 'CustomerAlreadyEnrolled', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_CustomerNotEnrolled_Fragment = { __typename: 'CustomerNotEnrolled', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_CustomerNotFound_Fragment = { __typename: 'CustomerNotFound', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_CustomerOutcomeRefused_Fragment = { __typename: 'CustomerOutcomeRefused', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_CustomerOutcomeUnknown_Fragment = { __typename: 'CustomerOutcomeUnknown', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_DuplicateBadgesRequest_Fragment = { __typename: 'DuplicateBadgesRequest', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_EnrolmentOfAnotherCustomer_Fragment = { __typename: 'EnrolmentOfAnotherCustomer', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_EventDateOutsideBadge_Fragment = { __typename: 'EventDateOutsideBadge', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_InvalidBadgeCustomFieldInput_Fragment = { __typename: 'InvalidBadgeCustomFieldInput', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_InvalidBadgeGroupInput_Fragment = { __typename: 'InvalidBadgeGroupInput', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_InvalidBadgeInput_Fragment = { __typename: 'InvalidBadgeInput', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_InvalidCustomerBadgeInput_Fragment = { __typename: 'InvalidCustomerBadgeInput', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_InvalidCustomerIdentifierType_Fragment = { __typename: 'InvalidCustomerIdentifierType', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_InvalidOrgMetaInput_Fragment = { __typename: 'InvalidOrgMetaInput', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_NoActiveEarnedBadge_Fragment = { __typename: 'NoActiveEarnedBadge', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_NothingToRevoke_Fragment = { __typename: 'NothingToRevoke', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_OrgMetaAlreadyExists_Fragment = { __typename: 'OrgMetaAlreadyExists', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_OrgMetaNotFound_Fragment = { __typename: 'OrgMetaNotFound', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

type FailureFields_UnknownCustomerId_Fragment = { __typename: 'UnknownCustomerId', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> };

export type FailureFieldsFragment =
  | FailureFields_BadgeClaimNotFound_Fragment
  | FailureFields_BadgeCustomFieldNotFound_Fragment
  | FailureFields_BadgeEarnLimitReached_Fragment
  | FailureFields_BadgeGroupNameTaken_Fragment
  | FailureFields_BadgeGroupNotFound_Fragment
  | FailureFields_BadgeNameTaken_Fragment
  | FailureFields_BadgeNotClaimed_Fragment
  | FailureFields_BadgeNotEnrolled_Fragment
  | FailureFields_BadgeNotFound_Fragment
  | FailureFields_BadgeNotLive_Fragment
  | FailureFields_BadgesAccessDenied_Fragment
  | FailureFields_BadgesAuthenticationFailed_Fragment
  | FailureFields_BadgesUpstreamFailure_Fragment
  | FailureFields_CustomerAlreadyEnrolled_Fragment
  | FailureFields_CustomerNotEnrolled_Fragment
  | FailureFields_CustomerNotFound_Fragment
  | FailureFields_CustomerOutcomeRefused_Fragment
  | FailureFields_CustomerOutcomeUnknown_Fragment
  | FailureFields_DuplicateBadgesRequest_Fragment
  | FailureFields_EnrolmentOfAnotherCustomer_Fragment
  | FailureFields_EventDateOutsideBadge_Fragment
  | FailureFields_InvalidBadgeCustomFieldInput_Fragment
  | FailureFields_InvalidBadgeGroupInput_Fragment
  | FailureFields_InvalidBadgeInput_Fragment
  | FailureFields_InvalidCustomerBadgeInput_Fragment
  | FailureFields_InvalidCustomerIdentifierType_Fragment
  | FailureFields_InvalidOrgMetaInput_Fragment
  | FailureFields_NoActiveEarnedBadge_Fragment
  | FailureFields_NothingToRevoke_Fragment
  | FailureFields_OrgMetaAlreadyExists_Fragment
  | FailureFields_OrgMetaNotFound_Fragment
  | FailureFields_UnknownCustomerId_Fragment
;

export type UpdateBadgeOrgMetaMutationVariables = Exact<{
  input: UpdateBadgeOrgMetaInput;
}>;


export type UpdateBadgeOrgMetaMutation = { __typename: 'Mutation', updateBadgeOrgMeta:
    | { __typename: 'BadgesAccessDenied', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'BadgesAuthenticationFailed', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'BadgesUpstreamFailure', status: number | null, retryable: boolean, retryAfterSeconds: number | null, cause: BadgesUpstreamFailureCause, message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'InvalidOrgMetaInput', message: string, requestId: string | null, problems: Array<{ __typename: 'InputProblem', path: Array<string>, message: string }>, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'OrgMetaNotFound', message: string, requestId: string | null, upstreamErrors: Array<{ __typename: 'BadgesUpstreamError', code: number | null, message: string, reference: string | null }> }
    | { __typename: 'UpdateBadgeOrgMetaSuccess', orgMeta: { __typename: 'BadgeOrgMeta', id: string, orgId: number, createdOn: string | null, lastUpdatedOn: string | null, tags: Array<{ __typename: 'BadgeOrgMetaTag', key: string, dataType: string, description: string | null, mandatory: boolean | null }> }, warnings: Array<{ __typename: 'BadgesWarning', code: number | null, message: string }> }
   };

export const OrgMetaFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrgMetaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgeOrgMeta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"dataType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdOn"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedOn"}}]}}]} as unknown as DocumentNode<OrgMetaFieldsFragment, unknown>;
export const FailureFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FailureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgesError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgesUpstreamFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}}]}}]}}]} as unknown as DocumentNode<FailureFieldsFragment, unknown>;
export const BadgeOrgMetaDocument = {"__meta__":{"hash":"377b1bcd8b2c6a92820a41f294a14adb7a1e8e85b1325da0512a0fdd88cb782c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"BadgeOrgMeta"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"badgeOrgMeta"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrgMetaFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FailureFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrgMetaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgeOrgMeta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"dataType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdOn"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedOn"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FailureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgesError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgesUpstreamFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}}]}}]}}]} as unknown as DocumentNode<BadgeOrgMetaQuery, BadgeOrgMetaQueryVariables>;
export const CreateBadgeOrgMetaDocument = {"__meta__":{"hash":"ddbcd922f9eafc0f5c9e7412b1e9c794501d6c7b3b674a6f2221624b5f85743e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBadgeOrgMeta"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBadgeOrgMetaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"createBadgeOrgMeta"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBadgeOrgMetaSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"orgMeta"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrgMetaFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"OrgMetaAlreadyExists"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"existing"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrgMetaFields"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidOrgMetaInput"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FailureFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrgMetaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgeOrgMeta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"dataType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdOn"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedOn"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FailureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgesError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgesUpstreamFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}}]}}]}}]} as unknown as DocumentNode<CreateBadgeOrgMetaMutation, CreateBadgeOrgMetaMutationVariables>;
export const UpdateBadgeOrgMetaDocument = {"__meta__":{"hash":"9604ab628080c42f290ec6b88581046d7c8af4f32d8bfd4d3c789f45e59ad25d"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateBadgeOrgMeta"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateBadgeOrgMetaInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"updateBadgeOrgMeta"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateBadgeOrgMetaSuccess"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"orgMeta"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"OrgMetaFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"InvalidOrgMetaInput"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"problems"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"path"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"FailureFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"OrgMetaFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgeOrgMeta"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"orgId"}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"key"}},{"kind":"Field","name":{"kind":"Name","value":"dataType"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"mandatory"}}]}},{"kind":"Field","name":{"kind":"Name","value":"createdOn"}},{"kind":"Field","name":{"kind":"Name","value":"lastUpdatedOn"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"FailureFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgesError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"upstreamErrors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"reference"}}]}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"BadgesUpstreamFailure"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"retryable"}},{"kind":"Field","name":{"kind":"Name","value":"retryAfterSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"cause"}}]}}]}}]} as unknown as DocumentNode<UpdateBadgeOrgMetaMutation, UpdateBadgeOrgMetaMutationVariables>;
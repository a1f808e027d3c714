/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query BadgeOrgMeta {\n  badgeOrgMeta {\n    __typename\n    ...OrgMetaFields\n    ...FailureFields\n  }\n}": typeof types.BadgeOrgMetaDocument,
    "mutation CreateBadgeOrgMeta($input: CreateBadgeOrgMetaInput!) {\n  createBadgeOrgMeta(input: $input) {\n    __typename\n    ... on CreateBadgeOrgMetaSuccess {\n      orgMeta {\n        ...OrgMetaFields\n      }\n      warnings {\n        code\n        message\n      }\n    }\n    ... on OrgMetaAlreadyExists {\n      existing {\n        ...OrgMetaFields\n      }\n    }\n    ... on InvalidOrgMetaInput {\n      problems {\n        path\n        message\n      }\n    }\n    ...FailureFields\n  }\n}": typeof types.CreateBadgeOrgMetaDocument,
    "fragment OrgMetaFields on BadgeOrgMeta {\n  id\n  orgId\n  tags {\n    key\n    dataType\n    description\n    mandatory\n  }\n  createdOn\n  lastUpdatedOn\n}\n\nfragment FailureFields on BadgesError {\n  message\n  requestId\n  upstreamErrors {\n    code\n    message\n    reference\n  }\n  ... on BadgesUpstreamFailure {\n    status\n    retryable\n    retryAfterSeconds\n    cause\n  }\n}": typeof types.OrgMetaFieldsFragmentDoc,
    "mutation UpdateBadgeOrgMeta($input: UpdateBadgeOrgMetaInput!) {\n  updateBadgeOrgMeta(input: $input) {\n    __typename\n    ... on UpdateBadgeOrgMetaSuccess {\n      orgMeta {\n        ...OrgMetaFields\n      }\n      warnings {\n        code\n        message\n      }\n    }\n    ... on InvalidOrgMetaInput {\n      problems {\n        path\n        message\n      }\n    }\n    ...FailureFields\n  }\n}": typeof types.UpdateBadgeOrgMetaDocument,
};
const documents: Documents = {
    "query BadgeOrgMeta {\n  badgeOrgMeta {\n    __typename\n    ...OrgMetaFields\n    ...FailureFields\n  }\n}": types.BadgeOrgMetaDocument,
    "mutation CreateBadgeOrgMeta($input: CreateBadgeOrgMetaInput!) {\n  createBadgeOrgMeta(input: $input) {\n    __typename\n    ... on CreateBadgeOrgMetaSuccess {\n      orgMeta {\n        ...OrgMetaFields\n      }\n      warnings {\n        code\n        message\n      }\n    }\n    ... on OrgMetaAlreadyExists {\n      existing {\n        ...OrgMetaFields\n      }\n    }\n    ... on InvalidOrgMetaInput {\n      problems {\n        path\n        message\n      }\n    }\n    ...FailureFields\n  }\n}": types.CreateBadgeOrgMetaDocument,
    "fragment OrgMetaFields on BadgeOrgMeta {\n  id\n  orgId\n  tags {\n    key\n    dataType\n    description\n    mandatory\n  }\n  createdOn\n  lastUpdatedOn\n}\n\nfragment FailureFields on BadgesError {\n  message\n  requestId\n  upstreamErrors {\n    code\n    message\n    reference\n  }\n  ... on BadgesUpstreamFailure {\n    status\n    retryable\n    retryAfterSeconds\n    cause\n  }\n}": types.OrgMetaFieldsFragmentDoc,
    "mutation UpdateBadgeOrgMeta($input: UpdateBadgeOrgMetaInput!) {\n  updateBadgeOrgMeta(input: $input) {\n    __typename\n    ... on UpdateBadgeOrgMetaSuccess {\n      orgMeta {\n        ...OrgMetaFields\n      }\n      warnings {\n        code\n        message\n      }\n    }\n    ... on InvalidOrgMetaInput {\n      problems {\n        path\n        message\n      }\n    }\n    ...FailureFields\n  }\n}": types.UpdateBadgeOrgMetaDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BadgeOrgMeta {\n  badgeOrgMeta {\n    __typename\n    ...OrgMetaFields\n    ...FailureFields\n  }\n}"): (typeof documents)["query BadgeOrgMeta {\n  badgeOrgMeta {\n    __typename\n    ...OrgMetaFields\n    ...FailureFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateBadgeOrgMeta($input: CreateBadgeOrgMetaInput!) {\n  createBadgeOrgMeta(input: $input) {\n    __typename\n    ... on CreateBadgeOrgMetaSuccess {\n      orgMeta {\n        ...OrgMetaFields\n      }\n      warnings {\n        code\n        message\n      }\n    }\n    ... on OrgMetaAlreadyExists {\n      existing {\n        ...OrgMetaFields\n      }\n    }\n    ... on InvalidOrgMetaInput {\n      problems {\n        path\n        message\n      }\n    }\n    ...FailureFields\n  }\n}"): (typeof documents)["mutation CreateBadgeOrgMeta($input: CreateBadgeOrgMetaInput!) {\n  createBadgeOrgMeta(input: $input) {\n    __typename\n    ... on CreateBadgeOrgMetaSuccess {\n      orgMeta {\n        ...OrgMetaFields\n      }\n      warnings {\n        code\n        message\n      }\n    }\n    ... on OrgMetaAlreadyExists {\n      existing {\n        ...OrgMetaFields\n      }\n    }\n    ... on InvalidOrgMetaInput {\n      problems {\n        path\n        message\n      }\n    }\n    ...FailureFields\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment OrgMetaFields on BadgeOrgMeta {\n  id\n  orgId\n  tags {\n    key\n    dataType\n    description\n    mandatory\n  }\n  createdOn\n  lastUpdatedOn\n}\n\nfragment FailureFields on BadgesError {\n  message\n  requestId\n  upstreamErrors {\n    code\n    message\n    reference\n  }\n  ... on BadgesUpstreamFailure {\n    status\n    retryable\n    retryAfterSeconds\n    cause\n  }\n}"): (typeof documents)["fragment OrgMetaFields on BadgeOrgMeta {\n  id\n  orgId\n  tags {\n    key\n    dataType\n    description\n    mandatory\n  }\n  createdOn\n  lastUpdatedOn\n}\n\nfragment FailureFields on BadgesError {\n  message\n  requestId\n  upstreamErrors {\n    code\n    message\n    reference\n  }\n  ... on BadgesUpstreamFailure {\n    status\n    retryable\n    retryAfterSeconds\n    cause\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateBadgeOrgMeta($input: UpdateBadgeOrgMetaInput!) {\n  updateBadgeOrgMeta(input: $input) {\n    __typename\n    ... on UpdateBadgeOrgMetaSuccess {\n      orgMeta {\n        ...OrgMetaFields\n      }\n      warnings {\n        code\n        message\n      }\n    }\n    ... on InvalidOrgMetaInput {\n      problems {\n        path\n        message\n      }\n    }\n    ...FailureFields\n  }\n}"): (typeof documents)["mutation UpdateBadgeOrgMeta($input: UpdateBadgeOrgMetaInput!) {\n  updateBadgeOrgMeta(input: $input) {\n    __typename\n    ... on UpdateBadgeOrgMetaSuccess {\n      orgMeta {\n        ...OrgMetaFields\n      }\n      warnings {\n        code\n        message\n      }\n    }\n    ... on InvalidOrgMetaInput {\n      problems {\n        path\n        message\n      }\n    }\n    ...FailureFields\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
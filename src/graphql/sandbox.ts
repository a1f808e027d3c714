import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';

/** What Apollo Sandbox opens with: the create mutation, ready to run against the emulator. */
const CREATE_EXAMPLE = `mutation CreateBadgeOrgMeta($input: CreateBadgeOrgMetaInput!) {
  createBadgeOrgMeta(input: $input) {
    __typename
    ... on CreateBadgeOrgMetaSuccess {
      orgMeta { id orgId tags { key dataType description mandatory } createdOn createdBy }
      warnings { code message }
    }
    ... on OrgMetaAlreadyExists {
      existing { id tags { key dataType } }
    }
    ... on InvalidOrgMetaInput {
      problems { path message }
    }
    ... on BadgesUpstreamFailure {
      status
      retryable
    }
    ... on BadgesError {
      message
      upstreamErrors { code message reference }
    }
  }
}
`;

/**
 * Apollo Sandbox on GET /graphql. The Authorization header is Capillary's
 * documented example (user `store123`, password `Pass123`): a placeholder to
 * replace with real credentials, which the embedded emulator happens to accept.
 */
export function sandboxLandingPage() {
  return ApolloServerPluginLandingPageLocalDefault({
    embed: true,
    includeCookies: false,
    document: CREATE_EXAMPLE,
    variables: {
      input: {
        orgId: 100458,
        tags: [
          {
            key: 'Category',
            dataType: 'string',
            description: 'Type of badge (Exclusive, Regular)',
            mandatory: false,
          },
        ],
      },
    },
    headers: { Authorization: 'Basic c3RvcmUxMjM6YmRjODdiOWM4OTRkYTUxNjgwNTllMDBlYmZmYjkwNzc=' },
  });
}

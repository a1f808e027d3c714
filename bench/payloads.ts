/** The benchmark's requests and the upstream's answers, for 1 and for 100 tags. */

export function tags(
  count: number,
): Array<{ key: string; dataType: string; description: string; mandatory: boolean }> {
  return Array.from({ length: count }, (_, index) => ({
    key: `Tag ${index}`,
    dataType: index % 2 === 0 ? 'string' : 'integer',
    description: `Description of tag ${index}`,
    mandatory: index % 3 === 0,
  }));
}

/** Capillary's answer to a create, as the fixed upstream sends it. */
export function orgMetaAnswer(tagCount: number): string {
  const data = {
    id: '652fe2452aa6a339209b359f',
    orgId: 100458,
    tags: tags(tagCount),
    createdOn: 1697636933.72,
    createdBy: 75078478,
    lastUpdatedOn: 1697636933.72,
    lastUpdatedBy: 75078478,
  };
  return JSON.stringify({ data, errors: null, warnings: null });
}

/** The REST body the proxy forwards. */
export function restBody(tagCount: number): string {
  return JSON.stringify({ orgId: 100458, tags: tags(tagCount) });
}

export const CREATE_MUTATION =
  'mutation Create($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) { __typename ' +
  '... on CreateBadgeOrgMetaSuccess { orgMeta { id orgId tags { key dataType description mandatory } createdOn createdBy } warnings { message } } ' +
  '... on BadgesError { message } } }';

/** The GraphQL request the gateway serves. */
export function graphqlBody(tagCount: number): string {
  return JSON.stringify({
    query: CREATE_MUTATION,
    operationName: 'Create',
    variables: { input: { orgId: 100458, tags: tags(tagCount) } },
  });
}

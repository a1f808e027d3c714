import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type ApolloCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import type { DocumentNode } from 'graphql';
import { map } from 'rxjs';
import introspection from '../../../schema/snapshot/possibleTypes.json';
import { BadgeOrgMetaDocument, type OrgMetaFieldsFragment } from './gql/graphql';

/** Where `gatewayRequestId` puts the gateway's X-Request-Id in a result's `extensions`. */
export const GATEWAY_REQUEST_ID = 'gatewayRequestId';

/**
 * The client for the gateway at `uri`. The cache gets possibleTypes (generated from the schema, in
 * schema/snapshot/possibleTypes.json): without them it cannot tell that OrgMetaAlreadyExists or
 * BadgesUpstreamFailure implement BadgesError, and silently drops the fields of
 * `... on BadgesError` (here, of `...FailureFields`).
 *
 * With `trustedDocuments` (a gateway started with TRUSTED_DOCUMENTS=src/gql/persisted-documents.json)
 * each operation goes out as its hash in that manifest, in Apollo's persisted-query format, instead
 * of its text.
 */
export function createClient(
  uri: string,
  authorization: () => string,
  { trustedDocuments = false }: { trustedDocuments?: boolean } = {},
): ApolloClient {
  const withCredentials = new SetContextLink(({ headers }) => ({
    headers: { ...(headers as Record<string, string> | undefined), authorization: authorization() },
  }));
  // The gateway names each request in its X-Request-Id header (exposed to browsers by its CORS
  // answer) and its logs: worth showing to whoever reports a problem.
  const gatewayRequestId = new ApolloLink((operation, forward) =>
    forward(operation).pipe(
      map((result) => {
        const response: unknown = operation.getContext().response;
        const id = response instanceof Response ? response.headers.get('x-request-id') : null;
        return id === null
          ? result
          : { ...result, extensions: { ...result.extensions, [GATEWAY_REQUEST_ID]: id } };
      }),
    ),
  );
  return new ApolloClient({
    link: ApolloLink.from([
      withCredentials,
      gatewayRequestId,
      ...(trustedDocuments ? [new PersistedQueryLink({ generateHash: manifestHash })] : []),
      new HttpLink({ uri }),
    ]),
    cache: new InMemoryCache({ possibleTypes: introspection.possibleTypes }),
  });
}

/** The hash the client preset gave a document: its key in src/gql/persisted-documents.json. */
function manifestHash(document: DocumentNode): string {
  const hash: unknown = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('The document is not in src/gql/persisted-documents.json');
  return hash;
}

/** Makes `orgMeta` what the page's BadgeOrgMeta query reads: after a save, or to edit one that exists. */
export function storeOrgMeta(cache: ApolloCache, orgMeta: OrgMetaFieldsFragment): void {
  cache.writeQuery({ query: BadgeOrgMetaDocument, data: { __typename: 'Query', badgeOrgMeta: orgMeta } });
}

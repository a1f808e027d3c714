import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { parse } from 'graphql';

interface RouterContext {
  readonly authorization?: string;
}

export interface Subgraph {
  readonly name: string;
  readonly typeDefs: string;
  readonly url: string;
}

export interface RunningRouter {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * A supergraph of `subgraphs` composed with @apollo/composition and served by
 * @apollo/gateway on 127.0.0.1:0, passing the caller's `Authorization` on to
 * every subgraph, as the Router's header propagation does.
 */
export async function startRouter(subgraphs: readonly Subgraph[]): Promise<RunningRouter> {
  const composed = composeServices(
    subgraphs.map(({ name, typeDefs, url }) => ({ name, typeDefs: parse(typeDefs), url })),
  );
  if (composed.errors !== undefined)
    throw new Error(composed.errors.map((error) => error.message).join('\n'));
  const router = new ApolloServer<RouterContext>({
    gateway: new ApolloGateway({
      supergraphSdl: composed.supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<RouterContext>({
          url,
          willSendRequest({ request: subgraphRequest, context }) {
            const authorization: unknown = context.authorization;
            if (typeof authorization === 'string')
              subgraphRequest.http?.headers.set('authorization', authorization);
          },
        }),
    }),
  });
  const { url } = await startStandaloneServer(router, {
    listen: { host: '127.0.0.1', port: 0 },
    context: ({ req }) => Promise.resolve({ authorization: req.headers.authorization }),
  });
  return { url, stop: () => router.stop() };
}

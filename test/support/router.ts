import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode } from 'graphql';
import { request } from 'undici';

interface RouterContext {
  readonly authorization?: string;
}

export interface Subgraph {
  readonly name: string;
  readonly typeDefs: string;
  readonly url: string;
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

export interface RunningRouter extends RunningServer {
  /** POSTs a GraphQL operation to the router, with `authorization` when given; the parsed body. */
  post(
    query: string,
    variables?: Record<string, unknown>,
    authorization?: string | null,
  ): Promise<{ data?: Record<string, unknown>; errors?: unknown }>;
}

/** The resolvers `buildSubgraphSchema` takes with a module (its type is not exported by name). */
type SubgraphResolvers = NonNullable<
  Exclude<
    Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number],
    DocumentNode
  >['resolvers']
>;

/** Another team's subgraph of `typeDefs` and `resolvers`, served on 127.0.0.1:0. */
export async function startSubgraph(typeDefs: string, resolvers: SubgraphResolvers): Promise<RunningServer> {
  const server = new ApolloServer({
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    schema: buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers }]),
  });
  const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: 0 } });
  return { url, stop: () => server.stop() };
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
  return {
    url,
    stop: () => router.stop(),
    async post(query, variables = {}, authorization = null) {
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.body.json()) as { data?: Record<string, unknown>; errors?: unknown };
    },
  };
}

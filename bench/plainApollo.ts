/**
 * The reference: Apollo Server 5 as its documentation starts it
 * (`startStandaloneServer`), serving the gateway's own SDL as a subgraph, with
 * one resolver that forwards `createBadgeOrgMeta` to the upstream through the
 * proxy's undici pool settings and returns Capillary's data. Nothing else: no
 * validation, no logs, no metrics, no limits, graphql-js as the executor.
 * The same request document gets the same response, byte for byte (bench.ts
 * checks): the DateTime scalar turns Capillary's epoch seconds into ISO strings,
 * and absent warnings become an empty list, as the schema requires.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLScalarType, parse } from 'graphql';
import { Pool } from 'undici';
import { packageRoot } from '../src/packageRoot.js';

interface Context {
  readonly authorization: string;
}

const upstream = new URL(process.env.UPSTREAM_URL ?? '');
const pool = new Pool(upstream.origin, {
  connections: 128,
  pipelining: 1,
  keepAliveTimeout: 4_000,
  connectTimeout: 5_000,
  headersTimeout: 10_000,
  bodyTimeout: 10_000,
});

// The SDL files read as src/schema.ts reads them; not through it, which would load the gateway's resolvers too.
const schemaDir = join(packageRoot(), 'schema');
const typeDefs = readdirSync(schemaDir)
  .filter((name) => name.endsWith('.graphql'))
  .sort()
  .map((name) => readFileSync(join(schemaDir, name), 'utf8'))
  .join('\n');

const resolvers = {
  DateTime: new GraphQLScalarType({
    name: 'DateTime',
    serialize: (value) => (typeof value === 'number' ? new Date(value * 1000).toISOString() : value),
  }),
  Mutation: {
    async createBadgeOrgMeta(_parent: unknown, { input }: { input: unknown }, { authorization }: Context) {
      const response = await pool.request({
        path: '/api_gateway/v1/badges/orgMeta',
        method: 'POST',
        headers: { accept: 'application/json', 'content-type': 'application/json', authorization },
        body: JSON.stringify(input),
      });
      const answer = (await response.body.json()) as { data: unknown; warnings: unknown[] | null };
      return {
        __typename: 'CreateBadgeOrgMetaSuccess',
        orgMeta: answer.data,
        warnings: answer.warnings ?? [],
      };
    },
  },
};

const server = new ApolloServer<Context>({
  schema: buildSubgraphSchema([{ typeDefs: parse(typeDefs), resolvers }]),
});
await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(process.env.PORT) },
  context: ({ req }) => Promise.resolve({ authorization: req.headers.authorization ?? '' }),
});
// SIGTERM: Apollo Server's own handler stops it (stopOnTerminationSignals) and ends the process.

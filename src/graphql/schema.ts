import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { packageRoot } from '../packageRoot.js';
import { resolvers } from '../resolvers/index.js';

/** The SDL files under `schema/`, joined in name order. */
export function readTypeDefs(): string {
  const dir = join(packageRoot(), 'schema');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

/** The subgraph schema with its resolvers: built here, once, for the server and the tests. */
export function buildSchema(): GraphQLSchema {
  return buildSubgraphSchema([{ typeDefs: parse(readTypeDefs()), resolvers }]);
}

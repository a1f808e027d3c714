import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { resolvers } from './resolvers/index.js';

/** The SDL files under `schema/`, joined in name order. */
export function readTypeDefs(): string {
  const dir = schemaDirectory();
  return readdirSync(dir)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('\n');
}

/** The subgraph schema with its resolvers: built here, once, for the server and the tests. */
export function buildSchema(): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs: parse(readTypeDefs()), resolvers });
}

/** `schema/` beside the package's package.json, from `src/` (tests) or `dist/src/` (build). */
function schemaDirectory(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'schema');
    if (dirname(dir) === dir) throw new Error('package.json not found above the gateway module');
  }
}

/**
 * Keeps `schema/snapshot/badges.subgraph.graphql`, the subgraph SDL as the
 * Router sees it, in step with `schema/`:
 *   node dist/src/tools/schemaSnapshot.js check    exits 1 when they differ, naming breaking changes
 *   node dist/src/tools/schemaSnapshot.js update   rewrites the snapshot
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { diff, CriticalityLevel, type Change } from '@graphql-inspector/core';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { buildSchema } from '../graphql/schema.js';

const SNAPSHOT = new URL('../../../schema/snapshot/badges.subgraph.graphql', import.meta.url);

const current = `${printSubgraphSchema(buildSchema())}\n`;
const mode = process.argv[2];

if (mode === 'update') {
  writeFileSync(SNAPSHOT, current);
  console.log(`Wrote ${SNAPSHOT.pathname}`);
} else if (mode === 'check') {
  const snapshot = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8') : '';
  if (snapshot === current) {
    console.log('The subgraph schema matches its snapshot.');
  } else {
    const changes =
      snapshot === ''
        ? []
        : await diff(buildSubgraphSchema(parse(snapshot)), buildSubgraphSchema(parse(current)));
    report(changes);
    process.exitCode = 1;
  }
} else {
  console.error('usage: schemaSnapshot.js check|update');
  process.exitCode = 2;
}

function report(changes: readonly Change[]): void {
  const breaking = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous);
  const safe = changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking);
  console.error('The subgraph schema differs from schema/snapshot/badges.subgraph.graphql.');
  for (const [title, group] of [
    ['BREAKING changes (clients or the supergraph may fail):', breaking],
    ['Dangerous changes:', dangerous],
    ['Safe changes:', safe],
  ] as const) {
    if (group.length === 0) continue;
    console.error(`\n${title}`);
    for (const change of group)
      console.error(`  - ${change.message}${change.path ? ` (${change.path})` : ''}`);
  }
  if (changes.length === 0)
    console.error('(no semantic change: descriptions, order or formatting only, or no snapshot yet)');
  console.error('\nIf the change is intended, run `npm run schema:update` and commit the snapshot.');
}

/**
 * The build's training run: starts the gateway as `npm start` does, with `boot.js
 * --write-code-cache` (production mode, embedded emulator, any free port), sends
 * the requests the gateway typically serves, and stops it; on exit it writes V8's
 * code cache of everything compiled meanwhile (see src/boot.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { BUNDLE, cacheFiles } from '../boot.js';
import { startCommand } from './startCommand.js';

const AUTHORIZATION = `Basic ${Buffer.from('code-cache:0123456789abcdef0123456789abcdef').toString('base64')}`;
const TAG = { key: 'Category', dataType: 'string', description: 'The badge category', mandatory: true };
const ORG_META = 'orgMeta { id orgId tags { key dataType description mandatory } createdOn createdBy }';
const FAILURE = '... on BadgesError { message upstreamErrors { code message } requestId }';

/** What the training run sends: each outcome the gateway maps, each kind of request it answers. */
const REQUESTS: ReadonlyArray<{ readonly query: string; readonly variables?: unknown }> = [
  {
    query: `mutation Create($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) {
      __typename ... on CreateBadgeOrgMetaSuccess { ${ORG_META} warnings { message } } ${FAILURE} } }`,
    variables: { input: { orgId: 100458, tags: [TAG] } },
  },
  {
    query: `mutation Again($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) {
      __typename ... on OrgMetaAlreadyExists { message existing { id tags { key } } } ${FAILURE} } }`,
    variables: { input: { orgId: 100458, tags: [TAG] } },
  },
  {
    query: `query Read { badgeOrgMeta { __typename ... on BadgeOrgMeta { id orgId tags { key } lastUpdatedOn } ${FAILURE} } }`,
  },
  {
    query: `mutation Update($input: UpdateBadgeOrgMetaInput!) { updateBadgeOrgMeta(input: $input) {
      __typename ... on UpdateBadgeOrgMetaSuccess { ${ORG_META} } ${FAILURE} } }`,
    variables: { input: { orgId: 100458, tags: [TAG, { ...TAG, key: 'Level' }] } },
  },
  {
    query: `mutation Invalid($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) {
      __typename ... on InvalidOrgMetaInput { problems { path message } } ${FAILURE} } }`,
    variables: { input: { orgId: -1, tags: [] } },
  },
  { query: '{ badgeOrgMeta { __typename ... on Unknown { id } } }' },
  { query: '{ _service { sdl } }' },
];

function parseLine(line: string): { url?: unknown; msg?: unknown } | null {
  try {
    return JSON.parse(line) as { url?: unknown; msg?: unknown };
  } catch {
    return null;
  }
}

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
    body: JSON.stringify(body),
  });
  await response.text();
}

/** Runs the training; throws when the gateway did not start or no cache was written. */
export async function writeCodeCache(): Promise<void> {
  const files = cacheFiles(BUNDLE);
  rmSync(files.data, { force: true });
  rmSync(files.sourceHash, { force: true });
  const start = startCommand();
  const child = spawn(process.execPath, [...start.nodeFlags, start.script, '--write-code-cache'], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error('the gateway did not start within 20 s'));
    }, 20_000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = parseLine(line);
      if (typeof entry?.url === 'string' && String(entry.msg).includes('ready')) {
        clearTimeout(timer);
        resolve(new URL(entry.url).origin);
      }
    });
    void exited.then((code) => {
      reject(new Error(`the gateway exited with ${code} before it was ready`));
    });
  }).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  for (let round = 0; round < 3; round++) {
    for (const request of REQUESTS) await post(url, request);
    for (const path of ['/health', '/ready', '/metrics']) await (await fetch(`${url}${path}`)).text();
  }
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0 || !existsSync(files.sourceHash)) {
    throw new Error(
      `the training run exited with ${code} and ${existsSync(files.sourceHash) ? 'a' : 'no'} code cache`,
    );
  }
}

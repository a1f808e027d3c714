/**
 * The build's training run: starts the gateway as `npm start` does, plus
 * `--write-code-cache` (production mode, embedded emulator, any free port), sends
 * the requests the gateway typically serves, checks their answers, and stops it; on
 * exit it writes V8's code cache of everything compiled meanwhile (see src/boot.ts).
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { BUNDLE, cacheFiles } from '../boot.js';
import { startCommand } from './startCommand.js';

const TAG = { key: 'Category', dataType: 'string', description: 'The badge category', mandatory: true };
const ORG_META = 'orgMeta { id orgId tags { key dataType description mandatory } createdOn createdBy }';
const FAILURE = '... on BadgesError { message upstreamErrors { code message } requestId }';

interface TrainingRequest {
  readonly query: string;
  readonly variables?: unknown;
  /** Text the answer must hold: a training run that is not answered as planned fails the build. */
  readonly expect: string;
}

/** What a round sends (for its own org): each outcome the gateway maps, each kind of request. */
function requests(orgId: number): TrainingRequest[] {
  const input = { orgId, tags: [TAG] };
  return [
    {
      query: `mutation Create($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) {
        __typename ... on CreateBadgeOrgMetaSuccess { ${ORG_META} warnings { message } } ${FAILURE} } }`,
      variables: { input },
      expect: '"CreateBadgeOrgMetaSuccess"',
    },
    {
      query: `mutation Again($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) {
        __typename ... on OrgMetaAlreadyExists { message existing { id tags { key } } } ${FAILURE} } }`,
      variables: { input },
      expect: '"OrgMetaAlreadyExists"',
    },
    {
      query: `query Read { badgeOrgMeta {
        __typename ... on BadgeOrgMeta { id orgId tags { key } lastUpdatedOn } ${FAILURE} } }`,
      expect: '"__typename":"BadgeOrgMeta"',
    },
    {
      query: `mutation Update($input: UpdateBadgeOrgMetaInput!) { updateBadgeOrgMeta(input: $input) {
        __typename ... on UpdateBadgeOrgMetaSuccess { ${ORG_META} } ${FAILURE} } }`,
      variables: { input: { orgId, tags: [TAG, { ...TAG, key: 'Level' }] } },
      expect: '"UpdateBadgeOrgMetaSuccess"',
    },
    {
      query: `mutation Invalid($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) {
        __typename ... on InvalidOrgMetaInput { problems { path message } } ${FAILURE} } }`,
      variables: { input: { orgId: -1, tags: [] } },
      expect: '"InvalidOrgMetaInput"',
    },
    { query: '{ badgeOrgMeta { __typename ... on Unknown { id } } }', expect: 'GRAPHQL_VALIDATION_FAILED' },
    { query: '{ _service { sdl } }', expect: '"sdl"' },
  ];
}

function parseLine(line: string): { url?: unknown; msg?: unknown } | null {
  try {
    return JSON.parse(line) as { url?: unknown; msg?: unknown };
  } catch {
    return null;
  }
}

async function send(url: string, authorization: string, request: TrainingRequest): Promise<void> {
  const { expect, ...body } = request;
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  if (!text.includes(expect)) {
    throw new Error(`the training run expected ${expect} and got ${response.status}: ${text.slice(0, 300)}`);
  }
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
  try {
    // Three rounds, each as another user creating the meta of another org.
    for (let round = 0; round < 3; round++) {
      const authorization = `Basic ${Buffer.from(`training-${round}:0123456789abcdef0123456789abcdef`).toString('base64')}`;
      for (const request of requests(100_458 + round)) await send(url, authorization, request);
      for (const path of ['/health', '/ready', '/metrics']) await (await fetch(`${url}${path}`)).text();
    }
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  child.kill('SIGTERM');
  const code = await exited;
  if (code !== 0 || !existsSync(files.sourceHash)) {
    throw new Error(
      `the training run exited with ${code} and ${existsSync(files.sourceHash) ? 'a' : 'no'} code cache`,
    );
  }
}

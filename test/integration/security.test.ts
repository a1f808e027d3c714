import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { BASIC } from '../support/gateway.js';
import {
  killGatewayProcesses,
  readyUrl,
  startGatewayProcess,
  type GatewayProcess,
} from '../support/gatewayProcess.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

/**
 * The three defects found by adversarial testing, each against the gateway as
 * `npm start` runs it in production, in front of a stub Capillary on loopback.
 */

let upstream: StubUpstream;
let gateway: GatewayProcess;
let url: string;

beforeEach(async () => {
  upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta }));
  gateway = startGatewayProcess({ NODE_ENV: 'production', PORT: '0', CAPILLARY_BASE_URL: upstream.url });
  url = await readyUrl(gateway);
});

afterEach(async () => {
  killGatewayProcesses();
  await upstream.stop();
});

async function post(body: unknown, headers: Record<string, string> = {}) {
  const response = await request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, body: (await response.body.json()) as ErrorBody };
}

interface ErrorBody {
  readonly data?: unknown;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }>;
}

/** Each fragment spreads the next twice: 2^levels selections once expanded, in ~40 bytes a level. */
function fragmentBomb(levels: number): string {
  let query = 'query Q { ...F0 }';
  for (let level = 0; level < levels; level++) {
    query += ` fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`;
  }
  return `${query} fragment F${levels} on Query { badgeOrgMeta { __typename } }`;
}

function residentBytes(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (match?.[1] === undefined) throw new Error('no VmRSS in /proc');
  return Number(match[1]) * 1024;
}

describe('a fragment bomb', () => {
  it('is refused with 400 before any upstream call, while /health keeps answering', async () => {
    // 40 levels: 2^40 expanded selections, which no walk of every spread could ever finish.
    const query = fragmentBomb(40);
    expect(query.length).toBeLessThan(2_048);
    const [bomb, health] = await Promise.all([
      post({ query }, { authorization: BASIC }),
      request(`${url}/health`),
    ]);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    expect(bomb.status).toBe(400);
    expect(bomb.body.errors?.map((error) => error.message)).toEqual(
      expect.arrayContaining([
        'This operation would call Capillary more than a billion times; at most 5 calls are allowed per operation.',
        'This operation selects more than a billion fields once its fragments are expanded; at most 2000 are allowed.',
      ]),
    );
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('distinct documents padded to the request size limit', () => {
  it('leave memory bounded by the cache settings and the process serving', async () => {
    const documents = 300;
    const padding = `#${'x'.repeat(1_000_000)}`;
    const baseline = residentBytes(gateway.child.pid ?? 0);
    let next = 0;
    const sender = async () => {
      while (next < documents) {
        const index = next++;
        const { status, body } = await post({ query: `query Q${index} { __typename }\n${padding}` });
        expect(status).toBe(200);
        expect(body.data).toEqual({ __typename: 'Query' });
      }
    };
    await Promise.all([sender(), sender(), sender(), sender()]);
    const grown = residentBytes(gateway.child.pid ?? 0) - baseline;
    // 300 MB of documents went through; the document and compiled-operation caches may keep 40 MiB.
    expect(grown).toBeLessThan(160 * 1024 * 1024);
    const health = await request(`${url}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
  });
});

describe('an operationName that names no operation', () => {
  const mutation =
    'mutation { createBadgeOrgMeta(input: { orgId: 4242, tags: [{ key: "k", dataType: "string" }] }) { __typename } }';

  it('over GET is a 400 and the mutation never reaches Capillary', async () => {
    const search = new URLSearchParams({ query: mutation, operationName: 'Nope' });
    const response = await request(`${url}/graphql?${search.toString()}`, {
      headers: { 'apollo-require-preflight': '1', authorization: BASIC },
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toMatchObject({
      errors: [
        {
          message: 'The document has no operation named "Nope".',
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
        },
      ],
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('over POST is a 400 and nothing runs', async () => {
    const { status, body } = await post({ query: mutation, operationName: 'Nope' }, { authorization: BASIC });
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(upstream.requests).toHaveLength(0);
  });
});

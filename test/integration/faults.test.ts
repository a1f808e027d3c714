import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { BASIC, CREATE, categoryInput, startTestGateway, type TestGateway } from '../support/gateway.js';
import {
  envelope,
  startStubUpstream,
  storedOrgMeta,
  type StubHandler,
  type StubUpstream,
} from '../support/stubUpstream.js';

const TIMEOUT_MS = 400;
const success = envelope(200, { data: storedOrgMeta, errors: null, warnings: null });

let upstream: StubUpstream;
let gateway: TestGateway;

beforeEach(async () => {
  upstream = await startStubUpstream(success);
  gateway = await startTestGateway(upstream.url, { CAPILLARY_TIMEOUT_MS: String(TIMEOUT_MS) });
});

afterEach(async () => {
  await gateway.stop();
  await upstream.stop();
});

async function create(): Promise<Record<string, unknown>> {
  const response = await gateway.graphql(CREATE, { input: categoryInput }, { authorization: BASIC });
  expect(response.status).toBe(200);
  return response.body.data?.createBadgeOrgMeta as Record<string, unknown>;
}

/** After any fault the gateway answers health checks and serves the next caller normally. */
async function expectHealthy(): Promise<void> {
  const health = await request(`${gateway.url}/health`);
  expect(health.statusCode).toBe(200);
  await health.body.dump();
  upstream.answerWith(success);
  expect(await create()).toMatchObject({ __typename: 'CreateBadgeOrgMetaSuccess' });
}

const faults: Array<[string, StubHandler, Record<string, unknown>]> = [
  [
    'an upstream that holds its answer past the deadline',
    // Never answered: the stub closes the connection when the test stops it.
    () => undefined,
    {
      __typename: 'BadgesUpstreamFailure',
      message: `Capillary did not answer within ${TIMEOUT_MS} ms.`,
      status: null,
      retryable: true,
    },
  ],
  [
    'a connection reset in the middle of the body',
    (_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
      // Broken once the first part has gone out.
      res.write('{"data":{"id":"652fe2452aa6a33', () => res.socket?.destroy());
    },
    { __typename: 'BadgesUpstreamFailure', status: null, retryable: true },
  ],
  [
    'an HTML 502 from a proxy',
    (_request, res) =>
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html><h1>502 Bad Gateway</h1></html>'),
    { __typename: 'BadgesUpstreamFailure', status: 502, retryable: true },
  ],
  [
    'an empty 401',
    (_request, res) => res.writeHead(401).end(),
    { __typename: 'BadgesAuthenticationFailed', upstreamErrors: [] },
  ],
  [
    'a 403 without data',
    envelope(403, {
      warnings: [],
      errors: [{ status: false, code: 4000, message: 'Not authorized. Access is denied!' }],
    }),
    {
      __typename: 'BadgesAccessDenied',
      upstreamErrors: [{ code: 4000, message: 'Not authorized. Access is denied!', reference: null }],
    },
  ],
  [
    'a 429 with Retry-After',
    envelope(
      429,
      { data: null, errors: [{ code: 429, message: 'Too many requests', reference: null }] },
      {
        'retry-after': '17',
        'x-cap-requestid': 'cap-429',
      },
    ),
    {
      __typename: 'BadgesUpstreamFailure',
      status: 429,
      retryable: true,
      retryAfterSeconds: 17,
      requestId: 'cap-429',
    },
  ],
  [
    'a 200 that is not JSON',
    (_request, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('Service OK'),
    { __typename: 'BadgesUpstreamFailure', status: 200, retryable: false },
  ],
  [
    'a 200 with data null and errors',
    envelope(200, {
      data: null,
      errors: [{ code: 999999, message: 'Something broke', reference: null }],
      warnings: null,
    }),
    {
      __typename: 'BadgesUpstreamFailure',
      status: 200,
      retryable: false,
      upstreamErrors: [{ code: 999999, message: 'Something broke', reference: null }],
    },
  ],
];

describe('faults of the upstream', () => {
  it.each(faults)('%s maps to its member, and the gateway stays healthy', async (_label, fault, expected) => {
    upstream.answerWith(fault);
    expect(await create()).toMatchObject(expected);
    await expectHealthy();
  });

  it('answers an upstream that never answers with the timeout member, and lets its connection go', async () => {
    upstream.answerWith(() => undefined);
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: `Capillary did not answer within ${TIMEOUT_MS} ms.`,
    });
    expect(upstream.requests).toHaveLength(1);
  });

  it('cuts a 64 MiB body off at the size limit without reading the rest', async () => {
    let written = 0;
    let finished = false;
    upstream.answerWith((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const writeMore = () => {
        while (written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', writeMore);
            return;
          }
        }
        finished = true;
        res.end();
      };
      res.on('error', () => undefined);
      writeMore();
    });
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: "Capillary's answer was larger than the gateway accepts (1048576 bytes).",
      status: 200,
      retryable: false,
    });
    expect(finished).toBe(false);
    expect(written).toBeLessThan(16 * 1024 * 1024);
    await expectHealthy();
  });

  it('rejects a declared Content-Length over the limit before reading the body', async () => {
    upstream.answerWith((_request, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(64 * 1024 * 1024) });
      res.write('{"data":');
      res.on('error', () => undefined);
    });
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      retryable: false,
      status: 200,
    });
    await expectHealthy();
  });

  it('maps a refused connection, and recovers once the upstream is back', async () => {
    const { url } = upstream;
    await upstream.stop();
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: 'Capillary refused the connection.',
      retryable: true,
    });
    const health = await request(`${gateway.url}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
    upstream = await startStubUpstream(success, Number(new URL(url).port));
    expect(await create()).toMatchObject({ __typename: 'CreateBadgeOrgMetaSuccess' });
  });
});

describe('retries', () => {
  it('never replays a create the upstream may have received', async () => {
    upstream.answerWith(envelope(503, { data: null, errors: [] }));
    expect(await create()).toMatchObject({ __typename: 'BadgesUpstreamFailure', status: 503 });
    expect(upstream.requests).toHaveLength(1);
  });

  it('retries a read on 503 within the deadline', async () => {
    let calls = 0;
    upstream.answerWith((request, res) => {
      calls++;
      (calls === 1 ? envelope(503, { data: null, errors: [] }) : success)(request, res);
    });
    const response = await gateway.graphql('{ badgeOrgMeta { __typename } }', {}, { authorization: BASIC });
    expect(response.body.data).toEqual({ badgeOrgMeta: { __typename: 'BadgeOrgMeta' } });
    expect(upstream.requests.map((seen) => seen.method)).toEqual(['GET', 'GET']);
  });

  it('does not wait for a Retry-After beyond the deadline', async () => {
    upstream.answerWith(envelope(503, { data: null, errors: [] }, { 'retry-after': '30' }));
    const response = await gateway.graphql(
      '{ badgeOrgMeta { __typename ... on BadgesUpstreamFailure { retryAfterSeconds } } }',
      {},
      { authorization: BASIC },
    );
    expect(response.body.data).toEqual({
      badgeOrgMeta: { __typename: 'BadgesUpstreamFailure', retryAfterSeconds: 30 },
    });
    expect(upstream.requests).toHaveLength(1);
  });
});

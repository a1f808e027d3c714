import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { loadConfig } from '../../src/config.js';
import type { CapillaryClient } from '../../src/capillary/client.js';
import { fakeCapillary } from '../support/fakeCapillary.js';
import { startGateway, type RunningGateway } from '../../src/http/server.js';
import { createLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { CapturedLogs } from '../support/logs.js';
import { BASIC, CREATE, categoryInput } from '../support/gateway.js';

const running: RunningGateway[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((gateway) => gateway.stop()));
});

const leak = () => Promise.reject(new Error('database password is hunter2'));

/** Every registered operation fails inside the gateway, with a message that must never reach a caller. */
const failingCapillary: CapillaryClient = fakeCapillary({
  createBadgeOrgMeta: leak,
  badgeOrgMeta: leak,
  updateBadgeOrgMeta: leak,
});

/** What the last gateway started by `gatewayWith` logged. */
let logs = new CapturedLogs();

async function gatewayWith(env: Record<string, string>, capillary: CapillaryClient = failingCapillary) {
  // The failing client never calls it; production requires one.
  const config = loadConfig({ CAPILLARY_BASE_URL: 'http://127.0.0.1:1', ...env });
  logs = new CapturedLogs();
  const logger = await createLogger({ level: 'debug', production: config.production, destination: logs });
  const gateway = await startGateway(
    { config, capillary, logger, metrics: new Metrics() },
    { host: '127.0.0.1', port: 0 },
  );
  running.push(gateway);
  return gateway;
}

function post(url: string, body: string, headers: Record<string, string> = {}) {
  return request(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('the gateway over HTTP', () => {
  it('answers GET /health with 200 once ready', async () => {
    const gateway = await gatewayWith({});
    const response = await request(`${gateway.url}/health`);
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toEqual({ status: 'ok' });
  });

  it('answers 404 for unknown paths', async () => {
    const gateway = await gatewayWith({});
    const response = await request(`${gateway.url}/nope`);
    expect(response.statusCode).toBe(404);
    await response.body.dump();
  });

  it('returns the caller X-Request-Id, or a generated one', async () => {
    const gateway = await gatewayWith({});
    const given = await request(`${gateway.url}/health`, { headers: { 'x-request-id': 'req-42' } });
    const generated = await request(`${gateway.url}/health`);
    await Promise.all([given.body.dump(), generated.body.dump()]);
    expect(given.headers['x-request-id']).toBe('req-42');
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rejects a body over the limit with 413', async () => {
    const gateway = await gatewayWith({ MAX_REQUEST_BYTES: '2048' });
    const response = await post(
      gateway.url,
      JSON.stringify({ query: `{ __typename }`, pad: 'x'.repeat(4096) }),
    );
    expect(response.statusCode).toBe(413);
    expect(await response.body.json()).toEqual({
      errors: [{ message: 'The request body is larger than 2048 bytes.' }],
    });
  });

  it('rejects a body that is not JSON with 400', async () => {
    const gateway = await gatewayWith({});
    const response = await post(gateway.url, '{"query": ');
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toEqual({
      errors: [{ message: 'The request body is not valid JSON.' }],
    });
  });

  it('answers a malformed operation with a GraphQL error, not a crash', async () => {
    const gateway = await gatewayWith({});
    const response = await post(gateway.url, JSON.stringify({ query: 'mutation { createBadgeOrgMeta(' }));
    expect(response.statusCode).toBe(400);
    const body = (await response.body.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a GET without a preflight-forcing header (CSRF prevention)', async () => {
    const gateway = await gatewayWith({});
    const response = await request(`${gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(response.statusCode).toBe(400);
    await response.body.dump();
  });
});

describe('internal errors', () => {
  it('hide their message and stack trace in production', async () => {
    const gateway = await gatewayWith({ NODE_ENV: 'production' });
    const response = await post(
      gateway.url,
      JSON.stringify({ query: CREATE, variables: { input: categoryInput } }),
      {
        authorization: BASIC,
      },
    );
    const text = await response.body.text();
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('stacktrace');
    expect(JSON.parse(text)).toMatchObject({
      errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
  });

  it('are logged whole in production, with the request id the caller was given', async () => {
    const gateway = await gatewayWith({ NODE_ENV: 'production' });
    const response = await post(
      gateway.url,
      JSON.stringify({ query: CREATE, variables: { input: categoryInput } }),
      { authorization: BASIC, 'x-request-id': 'req-internal-1' },
    );
    await response.body.dump();
    const line = logs
      .lines()
      .find((entry) => entry.msg === 'internal error while answering a GraphQL request');
    expect(line).toMatchObject({
      level: 50,
      requestId: 'req-internal-1',
      path: ['createBadgeOrgMeta'],
      err: { message: 'database password is hunter2' },
    });
  });

  it('show their stack trace outside production, for the developer', async () => {
    const gateway = await gatewayWith({});
    const response = await post(
      gateway.url,
      JSON.stringify({ query: CREATE, variables: { input: categoryInput } }),
      {
        authorization: BASIC,
      },
    );
    expect(await response.body.text()).toContain('stacktrace');
  });
});

describe('CORS', () => {
  function preflight(url: string, origin: string) {
    return request(`${url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type, x-cap-api-oauth-token, x-request-id',
      },
    });
  }

  it('allows any origin outside production, with the credential headers', async () => {
    const gateway = await gatewayWith({});
    const response = await preflight(gateway.url, 'http://localhost:5173');
    await response.body.dump();
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const allowed = String(response.headers['access-control-allow-headers']).split(', ');
    expect(allowed).toEqual(
      expect.arrayContaining(['authorization', 'x-cap-api-oauth-token', 'content-type', 'x-request-id']),
    );
    expect(response.headers['access-control-allow-methods']).toContain('POST');
  });

  it('allows no origin in production unless listed', async () => {
    const gateway = await gatewayWith({ NODE_ENV: 'production' });
    const response = await preflight(gateway.url, 'https://app.example.com');
    await response.body.dump();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows exactly the origins in CORS_ORIGINS', async () => {
    const gateway = await gatewayWith({
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://app.example.com, https://admin.example.com',
    });
    const listed = await preflight(gateway.url, 'https://admin.example.com');
    const other = await preflight(gateway.url, 'https://evil.example.com');
    await Promise.all([listed.body.dump(), other.body.dump()]);
    expect(listed.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('marks actual responses for allowed origins and exposes the request id', async () => {
    const gateway = await gatewayWith({ CORS_ORIGINS: 'https://app.example.com' });
    const response = await request(`${gateway.url}/health`, {
      headers: { origin: 'https://app.example.com' },
    });
    await response.body.dump();
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(response.headers['access-control-expose-headers']).toBe('x-request-id');
    expect(response.headers.vary).toBe('Origin');
  });
});

describe('Apollo Sandbox and introspection', () => {
  function openInBrowser(url: string) {
    return request(`${url}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml' } });
  }

  const INTROSPECT = JSON.stringify({ query: '{ __schema { queryType { name } } }' });

  it('serves the Sandbox landing page with the create mutation outside production', async () => {
    const gateway = await gatewayWith({});
    const response = await openInBrowser(gateway.url);
    const html = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(html).toContain('EmbeddedSandbox');
    expect(html).toContain('createBadgeOrgMeta(input: $input)');
    expect(html).toContain('Authorization');
  });

  it('answers introspection outside production', async () => {
    const gateway = await gatewayWith({});
    const response = await post(gateway.url, INTROSPECT);
    expect(await response.body.json()).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
  });

  it('serves no landing page and refuses introspection in production', async () => {
    const gateway = await gatewayWith({ NODE_ENV: 'production' });
    const page = await openInBrowser(gateway.url);
    expect(await page.body.text()).not.toContain('EmbeddedSandbox');
    const introspection = await post(gateway.url, INTROSPECT);
    const body = (await introspection.body.json()) as { data?: unknown; errors: Array<{ message: string }> };
    expect(body.data).toBeUndefined();
    expect(body.errors[0]?.message).toContain('introspection is not allowed');
  });

  it('serves the landing page in production when GRAPHQL_SANDBOX is true', async () => {
    const gateway = await gatewayWith({ NODE_ENV: 'production', GRAPHQL_SANDBOX: 'true' });
    const page = await openInBrowser(gateway.url);
    expect(await page.body.text()).toContain('EmbeddedSandbox');
  });
});

describe('slow clients', () => {
  it('are disconnected when the request is not complete within HTTP_REQUEST_TIMEOUT_MS', async () => {
    const gateway = await gatewayWith({ HTTP_REQUEST_TIMEOUT_MS: '300' });
    const { port } = new URL(gateway.url);
    const socket = connect(Number(port), '127.0.0.1');
    const closed = new Promise<string>((resolve) => {
      let answer = '';
      socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
      socket.on('close', () => {
        resolve(answer);
      });
    });
    socket.write('POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\n{"query":');
    const answer = await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('a client that disconnects in the middle of its request body', () => {
  it('is logged at debug without a stack trace, not as a gateway error', async () => {
    const gateway = await gatewayWith({});
    const { hostname, port } = new URL(gateway.url);
    await new Promise<void>((resolve) => {
      const socket = connect(Number(port), hostname, () => {
        socket.write(
          'POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"query":',
          () => {
            socket.destroy();
            resolve();
          },
        );
      });
    });
    const line = await logs.lineMatching(
      (entry) => entry.msg === 'client disconnected before the request body ended',
    );
    expect(line).toMatchObject({ level: 20, path: '/graphql' });
    expect(logs.lines().filter((entry) => Number(entry.level) >= 50)).toEqual([]);
    expect(logs.text()).not.toContain('"stack"');
  });
});

describe('a GET request', () => {
  it('puts nothing of its URL (which holds the variables) in any log line, even when it fails inside', async () => {
    const gateway = await gatewayWith({});
    const marker = 'variable-value-7f3a9c';
    const search = new URLSearchParams({
      query: 'query Find($r: [_Any!]!) { _entities(representations: $r) { __typename } }',
      variables: JSON.stringify({ r: [{ __typename: 'BadgeOrgMeta', orgId: 1, note: marker }] }),
    });
    const response = await request(`${gateway.url}/graphql?${search.toString()}`, {
      headers: { 'apollo-require-preflight': '1', authorization: BASIC },
    });
    expect(await response.body.json()).toMatchObject({
      errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
    });
    await logs.lineMatching((line) => line.msg === 'graphql request');
    expect(logs.text()).toContain('internal error while answering a GraphQL request');
    expect(logs.text()).not.toContain(marker);
  });
});

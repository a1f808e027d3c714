import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { connect } from 'node:net';
import { BASIC, CREATE, categoryInput } from '../support/gateway.js';
import { exitCode, killGatewayProcesses, readyUrl, startGatewayProcess } from '../support/gatewayProcess.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

afterEach(killGatewayProcesses);

describe('the gateway process', () => {
  it.each([
    ['PORT', 'not-a-port'],
    ['CAPILLARY_BASE_URL', 'not a url'],
    ['CAPILLARY_TIMEOUT_MS', '-3'],
    ['TRUSTED_DOCUMENTS', '/nonexistent/persisted-documents.json'],
  ])('exits non-zero naming %s when it is set to %s', async (variable, value) => {
    const gateway = startGatewayProcess({ [variable]: value });
    const { child, output } = gateway;
    expect(await exitCode(child)).toBe(2);
    expect(output()).toContain(`Invalid configuration: ${variable} `);
  });

  it('refuses to start in production without CAPILLARY_BASE_URL (the emulator is for development only)', async () => {
    const gateway = startGatewayProcess({ NODE_ENV: 'production', PORT: '0' });
    expect(await exitCode(gateway.child)).toBe(2);
    expect(gateway.output()).toContain(
      'Invalid configuration: CAPILLARY_BASE_URL must be set when NODE_ENV=production',
    );
  });

  it('runs on Node 24 with the module compile cache, and never loads the emulator in production', async () => {
    const upstream = await startStubUpstream();
    const gateway = startGatewayProcess(
      { NODE_ENV: 'production', PORT: '0', CAPILLARY_BASE_URL: upstream.url },
      { reportModules: true },
    );
    await readyUrl(gateway);
    await upstream.stop();
    const ready = JSON.parse(
      gateway
        .output()
        .split('\n')
        .find((line) => line.includes('Badges GraphQL gateway ready')) ?? '{}',
    ) as Record<string, unknown>;
    expect(ready).toMatchObject({
      node: expect.stringMatching(/^v24\./) as unknown,
      compileCache: 'ENABLED',
    });
    expect(gateway.output()).toContain('/dist/src/http/server.js');
    expect(gateway.output()).not.toContain('/emulator/');
  });

  it('warns at start when Capillary would be reached in clear text across the network', async () => {
    const gateway = startGatewayProcess({
      NODE_ENV: 'production',
      PORT: '0',
      CAPILLARY_BASE_URL: 'http://capillary.example.invalid',
    });
    await readyUrl(gateway);
    expect(gateway.output()).toContain(
      'CAPILLARY_BASE_URL uses http:// to another host: credentials would travel in clear text',
    );
  });

  it('serves /metrics, /health and /ready on MANAGEMENT_PORT, and GraphQL only without /metrics on PORT', async () => {
    const upstream = await startStubUpstream();
    const gateway = startGatewayProcess({
      NODE_ENV: 'production',
      PORT: '0',
      MANAGEMENT_PORT: '0',
      MANAGEMENT_HOST: '127.0.0.1',
      CAPILLARY_BASE_URL: upstream.url,
    });
    const url = await readyUrl(gateway);
    await upstream.stop();
    const management = /"management":"(http:[^"]+)"/.exec(gateway.output())?.[1] ?? '';
    expect(management).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const status = async (target: string) => {
      const response = await request(target);
      await response.body.dump();
      return response.statusCode;
    };
    expect({
      managementMetrics: await status(`${management}/metrics`),
      managementHealth: await status(`${management}/health`),
      managementReady: await status(`${management}/ready`),
      managementGraphql: await status(`${management}/graphql`),
      publicMetrics: await status(`${url}/metrics`),
      publicHealth: await status(`${url}/health`),
    }).toEqual({
      managementMetrics: 200,
      managementHealth: 200,
      managementReady: 200,
      managementGraphql: 404,
      publicMetrics: 404,
      publicHealth: 200,
    });
  });

  it('serves with the embedded emulator when no Capillary URL is set, and stops cleanly on SIGTERM', async () => {
    const gateway = startGatewayProcess({ PORT: '0' });
    const { child, output } = gateway;
    const url = await readyUrl(gateway);
    expect(output()).toContain('CAPILLARY_BASE_URL is not set: using the embedded Badges emulator');

    const health = await request(`${url}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();

    const results: unknown[] = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const response = await request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: BASIC },
        body: JSON.stringify({ query: CREATE, variables: { input: categoryInput } }),
      });
      results.push(await response.body.json());
    }
    expect(results).toMatchObject([
      { data: { createBadgeOrgMeta: { __typename: 'CreateBadgeOrgMetaSuccess' } } },
      { data: { createBadgeOrgMeta: { __typename: 'OrgMetaAlreadyExists' } } },
    ]);

    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

function connectionRefused(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      resolve(error.code === 'ECONNREFUSED');
    });
  });
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('graceful shutdown', () => {
  let upstream: StubUpstream;

  afterEach(async () => {
    await upstream.stop();
  });

  it('finishes in-flight requests on SIGTERM, refuses new connections, exits 0 and logs no credential', async () => {
    const held: Array<() => void> = [];
    const answer = envelope(200, { data: storedOrgMeta });
    upstream = await startStubUpstream((request, res) => {
      held.push(() => answer(request, res));
    });
    const gateway = startGatewayProcess({ PORT: '0', CAPILLARY_BASE_URL: upstream.url });
    const { child, output } = gateway;
    const url = await readyUrl(gateway);

    const callers = Array.from(
      { length: 5 },
      (_, index) =>
        `Basic ${Buffer.from(`till-user-${index}:0123456789abcdef0123456789abcdef`).toString('base64')}`,
    );
    const inFlight = callers.map(async (authorization) => {
      const response = await request(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ query: CREATE, variables: { input: categoryInput } }),
      });
      return { status: response.statusCode, body: await response.body.json() };
    });
    await waitFor(() => held.length === 5, 'five requests to reach the upstream');

    const exited = exitCode(child);
    child.kill('SIGTERM');
    await waitFor(() => connectionRefused(url), 'new connections to be refused');
    for (const release of held) release();

    const results = await Promise.all(inFlight);
    for (const result of results) {
      expect(result).toMatchObject({
        status: 200,
        body: { data: { createBadgeOrgMeta: { __typename: 'CreateBadgeOrgMetaSuccess' } } },
      });
    }
    expect(await exited).toBe(0);
    for (const credential of callers) expect(output()).not.toContain(credential.slice(6));
  });
});

describe('tracing to a collector', () => {
  let collector: StubUpstream;

  afterEach(async () => {
    await collector.stop();
  });

  it('exports spans over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set', async () => {
    collector = await startStubUpstream((_seen, res) => res.writeHead(200).end('{}'));
    const gateway = startGatewayProcess({
      PORT: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_SERVICE_NAME: 'badges-test',
    });
    const { child } = gateway;
    const url = await readyUrl(gateway);
    const response = await request(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: BASIC },
      body: JSON.stringify({ query: CREATE, variables: { input: categoryInput } }),
    });
    await response.body.dump();
    const exited = exitCode(child);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const exports = collector.requests.filter((seen) => seen.path === '/v1/traces');
    expect(exports.length).toBeGreaterThan(0);
    expect(exports.map((seen) => seen.body).join('')).toContain('badges-test');
  });
});

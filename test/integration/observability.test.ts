import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startTracing, type Tracing } from '../../src/observability/tracing.js';
import { BASIC, CREATE, startTestGateway, type TestGateway } from '../support/gateway.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

const success = envelope(200, { data: storedOrgMeta }, { 'x-cap-requestid': 'cap-7788' });
const OAUTH = 'oauth-token-very-secret-42';
const secretInput = {
  orgId: 100458,
  tags: [{ key: 'SecretTagKey-123', dataType: 'string', description: 'private description 9' }],
};

let upstream: StubUpstream;
let gateway: TestGateway;

afterEach(async () => {
  await gateway.stop();
  await upstream.stop();
});

async function start(env: Record<string, string> = {}, tracing?: Tracing): Promise<void> {
  upstream = await startStubUpstream(success);
  gateway = await startTestGateway(upstream.url, { CAPILLARY_TIMEOUT_MS: '300', ...env }, tracing?.tracer);
}

function requestLines(): Array<Record<string, unknown>> {
  return gateway.logs.lines().filter((line) => line.msg === 'graphql request');
}

describe('the request log', () => {
  it('writes one line per GraphQL request with the operation, result and upstream call', async () => {
    await start();
    const response = await gateway.graphql(
      CREATE,
      { input: secretInput },
      { authorization: BASIC, 'x-request-id': 'frontend-req-1' },
    );
    expect(response.headers['x-request-id']).toBe('frontend-req-1');
    const lines = requestLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      requestId: 'frontend-req-1',
      operationName: 'Create',
      operationType: 'mutation',
      results: [{ field: 'createBadgeOrgMeta', result: 'CreateBadgeOrgMetaSuccess' }],
      upstream: [
        { method: 'POST', endpoint: 'orgMeta', status: 200, outcome: 'answered', capRequestId: 'cap-7788' },
      ],
      graphqlErrors: 0,
      status: 200,
    });
    expect(typeof lines[0]?.durationMs).toBe('number');
  });

  it('generates a request id when the caller sends none, and returns it', async () => {
    await start();
    const response = await gateway.graphql('{ __typename }');
    const [line] = requestLines();
    expect(line?.requestId).toBe(response.headers['x-request-id']);
    expect(line?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('replaces a request id that is too long or unprintable', async () => {
    await start();
    const response = await gateway.graphql('{ __typename }', {}, { 'x-request-id': 'x'.repeat(500) });
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('never contains credentials, request bodies or variables', async () => {
    await start();
    await gateway.graphql(
      CREATE,
      { input: secretInput },
      { authorization: BASIC, 'x-cap-api-oauth-token': OAUTH },
    );
    upstream.answerWith(envelope(500, { data: null, errors: [] }));
    await gateway.graphql(
      CREATE,
      { input: secretInput },
      { authorization: BASIC, 'x-cap-api-oauth-token': OAUTH },
    );
    await gateway.graphql('{ badgeOrgMeta { __typename } }', {}, { authorization: BASIC });
    const text = gateway.logs.text();
    expect(requestLines()).toHaveLength(3);
    for (const secret of [BASIC, BASIC.slice(6), OAUTH, 'SecretTagKey-123', 'private description 9']) {
      expect(text).not.toContain(secret);
    }
  });

  it('records every attempt of a retried read', async () => {
    await start();
    let calls = 0;
    upstream.answerWith((seen, res) => {
      calls++;
      (calls === 1 ? envelope(503, {}) : success)(seen, res);
    });
    await gateway.graphql('query Read { badgeOrgMeta { __typename } }', {}, { authorization: BASIC });
    expect(requestLines()[0]).toMatchObject({
      operationName: 'Read',
      results: [{ field: 'badgeOrgMeta', result: 'BadgeOrgMeta' }],
      upstream: [
        { method: 'GET', status: 503, outcome: 'answered' },
        { method: 'GET', status: 200, outcome: 'answered' },
      ],
    });
  });
});

describe('GET /metrics', () => {
  async function metrics(): Promise<string> {
    const response = await request(`${gateway.url}/metrics`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    return response.body.text();
  }

  it('counts results by field and member, and requests by operation type', async () => {
    await start();
    await gateway.graphql(CREATE, { input: secretInput }, { authorization: BASIC });
    upstream.answerWith(envelope(409, { data: null, errors: [] }));
    await gateway.graphql(CREATE, { input: secretInput }, { authorization: BASIC });
    await gateway.graphql('{ nope }');
    const text = await metrics();
    expect(text).toContain(
      'badges_gateway_graphql_results_total{field="createBadgeOrgMeta",result="CreateBadgeOrgMetaSuccess"} 1',
    );
    expect(text).toContain(
      'badges_gateway_graphql_results_total{field="createBadgeOrgMeta",result="OrgMetaAlreadyExists"} 1',
    );
    expect(text).toContain('badges_gateway_graphql_requests_total{operation_type="mutation",outcome="ok"} 2');
    expect(text).toContain('badges_gateway_graphql_requests_total{operation_type="none",outcome="errors"} 1');
  });

  it('has an upstream latency histogram by endpoint, method and status class', async () => {
    await start();
    await gateway.graphql(CREATE, { input: secretInput }, { authorization: BASIC });
    const text = await metrics();
    expect(text).toMatch(
      /badges_gateway_upstream_duration_seconds_count\{endpoint="orgMeta",method="POST",status_class="2xx"\} 1/,
    );
    expect(text).toMatch(/badges_gateway_upstream_duration_seconds_bucket\{le="0.05",/);
  });

  it('counts upstream failures by kind', async () => {
    await start();
    upstream.answerWith(() => undefined);
    await gateway.graphql(CREATE, { input: secretInput }, { authorization: BASIC });
    upstream.answerWith((_seen, res) => res.writeHead(200).end('not json'));
    await gateway.graphql(CREATE, { input: secretInput }, { authorization: BASIC });
    upstream.answerWith((_seen, res) => res.socket?.destroy());
    await gateway.graphql(CREATE, { input: secretInput }, { authorization: BASIC });
    const text = await metrics();
    expect(text).toContain('badges_gateway_upstream_failures_total{kind="timeout"} 1');
    expect(text).toContain('badges_gateway_upstream_failures_total{kind="malformed"} 1');
    expect(text).toContain('badges_gateway_upstream_failures_total{kind="reset"} 1');
  });

  it('reports requests in flight and the process metrics', async () => {
    await start();
    const text = await metrics();
    expect(text).toContain('badges_gateway_http_requests_in_flight 1');
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });
});

describe('GET /health and /ready', () => {
  it('answer 200 while serving; /ready answers 503 once draining, /health stays 200', async () => {
    await start();
    const ready = await request(`${gateway.url}/ready`);
    expect([ready.statusCode, await ready.body.json()]).toEqual([200, { status: 'ready' }]);
    gateway.gateway.beginDraining();
    const draining = await request(`${gateway.url}/ready`);
    expect([draining.statusCode, await draining.body.json()]).toEqual([503, { status: 'draining' }]);
    const health = await request(`${gateway.url}/health`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
  });
});

describe('tracing', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;

  beforeAll(() => {
    tracing = startTracing(new SimpleSpanProcessor(exporter));
  });

  afterAll(async () => {
    await tracing.shutdown();
  });

  it('continues the caller trace and propagates it to the upstream', async () => {
    exporter.reset();
    await start({}, tracing);
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    await gateway.graphql(
      CREATE,
      { input: secretInput },
      { authorization: BASIC, traceparent: `00-${traceId}-${callerSpanId}-01` },
    );
    const spans = exporter.getFinishedSpans();
    const server = spans.find((span) => span.name === 'mutation Create');
    const client = spans.find((span) => span.name === 'POST orgMeta');
    expect(server?.spanContext().traceId).toBe(traceId);
    expect(server?.parentSpanContext?.spanId).toBe(callerSpanId);
    expect(client?.spanContext().traceId).toBe(traceId);
    expect(client?.parentSpanContext?.spanId).toBe(server?.spanContext().spanId);
    expect(client?.attributes['http.response.status_code']).toBe(200);
    expect(upstream.requests[0]?.headers.traceparent).toBe(
      `00-${traceId}-${client?.spanContext().spanId}-01`,
    );
  });

  it('starts a new trace when the caller sends none', async () => {
    exporter.reset();
    await start({}, tracing);
    await gateway.graphql(CREATE, { input: secretInput }, { authorization: BASIC });
    const server = exporter.getFinishedSpans().find((span) => span.name === 'mutation Create');
    expect(server?.parentSpanContext).toBeUndefined();
    expect(upstream.requests[0]?.headers.traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('sends no traceparent upstream when tracing is off', async () => {
    await start();
    await gateway.graphql(
      CREATE,
      { input: secretInput },
      { authorization: BASIC, traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01` },
    );
    expect(upstream.requests[0]?.headers.traceparent).toBeUndefined();
  });
});

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import { propagation, ROOT_CONTEXT, SpanKind, type Tracer } from '@opentelemetry/api';
import type { CapillaryClient } from '../capillary/client.js';
import { credentialsFrom } from '../capillary/credentials.js';
import type { Config } from '../config.js';
import { createContext } from '../graphql/context.js';
import { INTERNAL_ERROR_MESSAGE, startGraphQLPipeline } from '../graphql/pipeline.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { newRequestRecord, type RequestRecord } from '../observability/requestRecord.js';
import { readBody } from './readBody.js';
import { NOT_IN_LIST, type GraphQLHttpInput, type TrustedDocuments } from './trustedDocuments.js';

/**
 * The HTTP front: routes, CORS, body limits, request ids, the management port,
 * the request's span and log line. GraphQL requests go on to the pipeline
 * (src/graphql/pipeline.ts).
 */

export interface GatewayOptions {
  readonly config: Config;
  readonly capillary: CapillaryClient;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Set when tracing is on: a server span per request, continued from the caller's `traceparent`. */
  readonly tracer?: Tracer;
  /** Set with TRUSTED_DOCUMENTS: only these documents run. */
  readonly trustedDocuments?: TrustedDocuments;
}

export interface RunningGateway {
  /** `http://host:port`, without a trailing slash. */
  readonly url: string;
  readonly server: Server;
  /** Where /metrics, /health and /ready are served apart from GraphQL (MANAGEMENT_PORT), or null. */
  readonly managementUrl: string | null;
  /** From now on `GET /ready` answers 503, so load balancers stop sending work. */
  beginDraining(): void;
  /** Stops accepting connections, lets in-flight requests finish, then resolves. */
  stop(): Promise<void>;
}

interface ListenOn {
  readonly host: string;
  readonly port: number;
}

/** Headers a browser may send cross-origin (answered in CORS preflights). */
const CORS_ALLOWED_HEADERS = [
  'authorization',
  'x-cap-api-oauth-token',
  'x-cap-api-attribution-entity-type',
  'x-cap-api-attribution-entity-code',
  'content-type',
  'x-request-id',
  'apollo-require-preflight',
  'x-apollo-operation-name',
].join(', ');

/** Starts the gateway's HTTP server on `host:port` (port 0: any free port). */
export async function startGateway(
  options: GatewayOptions,
  listenOn: ListenOn,
  managementOn: ListenOn | null = null,
): Promise<RunningGateway> {
  const { config, capillary, logger, metrics, tracer, trustedDocuments } = options;
  // A client that trickles its request in cannot hold a connection for Node's default 5 minutes.
  const server = createServer({
    requestTimeout: config.httpRequestTimeoutMs,
    headersTimeout: Math.min(10_000, config.httpRequestTimeoutMs),
    connectionsCheckingInterval: Math.min(1_000, config.httpRequestTimeoutMs),
  });
  let draining = false;
  const apollo = await startGraphQLPipeline({ config, logger, metrics, httpServer: server });

  const failed = (req: IncomingMessage, res: ServerResponse) => (error: unknown) => {
    // The path only: a GET request's query string holds the operation's variables.
    logger.error({ err: error, path: pathOf(req.url) }, 'request failed inside the gateway');
    if (!res.headersSent) sendJson(res, 500, { errors: [{ message: INTERNAL_ERROR_MESSAGE }] });
    else res.destroy();
  };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const done = metrics.requestStarted();
    handle(req, res).catch(failed(req, res)).finally(done);
  });

  const management =
    managementOn === null
      ? null
      : createServer((req, res) => {
          if (
            !(req.method === 'GET' || req.method === 'HEAD') ||
            !serveManagement(pathOf(req.url), res, true)
          ) {
            sendJson(res, 404, { errors: [{ message: 'Served here: /health, /ready and /metrics.' }] });
          }
        });

  /** /health, /ready and (when asked) /metrics; false for any other path. */
  function serveManagement(pathname: string, res: ServerResponse, withMetrics: boolean): boolean {
    if (pathname === '/health') {
      sendJson(res, 200, { status: 'ok' });
      return true;
    }
    if (pathname === '/ready') {
      sendJson(res, draining ? 503 : 200, { status: draining ? 'draining' : 'ready' });
      return true;
    }
    if (pathname === '/metrics' && withMetrics) {
      metrics.render().then(
        (text) => res.writeHead(200, { 'content-type': metrics.contentType }).end(text),
        (error: unknown) => {
          logger.error({ err: error }, 'metrics could not be rendered');
          sendJson(res, 500, { errors: [{ message: INTERNAL_ERROR_MESSAGE }] });
        },
      );
      return true;
    }
    return false;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = validRequestId(singleHeader(req.headers['x-request-id'])) ?? randomUUID();
    res.setHeader('x-request-id', requestId);
    const target = req.url ?? '/';
    const pathname = pathOf(target);
    const search = target.slice(pathname.length);

    const origin = singleHeader(req.headers.origin);
    const corsAllowed = origin !== undefined && originAllowed(config.corsOrigins, origin);
    if (corsAllowed) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-expose-headers', 'x-request-id');
    }
    res.setHeader('vary', 'Origin');
    if (req.method === 'OPTIONS') {
      if (corsAllowed) {
        res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
        res.setHeader('access-control-allow-headers', CORS_ALLOWED_HEADERS);
        res.setHeader('access-control-max-age', '600');
      }
      res.writeHead(204).end();
      return;
    }

    if (serveManagement(pathname, res, management === null)) return;
    if (pathname !== '/graphql' && pathname !== '/') {
      sendJson(res, 404, { errors: [{ message: `No route ${pathname}: GraphQL is served at /graphql.` }] });
      return;
    }

    const body = await readBody(req, config.maxRequestBytes);
    if (body.kind === 'aborted') {
      // The client went away before sending its whole request: its choice, not a gateway error.
      logger.debug({ requestId, path: pathname }, 'client disconnected before the request body ended');
      return;
    }
    if (body.kind === 'tooLarge') {
      res.setHeader('connection', 'close');
      sendJson(res, 413, {
        errors: [{ message: `The request body is larger than ${config.maxRequestBytes} bytes.` }],
      });
      return;
    }
    let parsedBody: unknown;
    // Only a POST carries its operation in the body; for any other method Apollo reads the query string.
    if (req.method === 'POST' && body.text !== '' && isJson(req.headers['content-type'])) {
      try {
        parsedBody = JSON.parse(body.text);
      } catch {
        sendJson(res, 400, { errors: [{ message: 'The request body is not valid JSON.' }] });
        return;
      }
    }

    let graphqlInput: GraphQLHttpInput = { body: parsedBody, search };
    if (trustedDocuments !== undefined) {
      const admitted = trustedDocuments.admit(req.method ?? 'GET', graphqlInput);
      if (admitted === null) {
        sendJson(res, 400, NOT_IN_LIST);
        return;
      }
      graphqlInput = admitted;
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    const record = newRequestRecord(requestId);
    const started = performance.now();
    const execute = async (): Promise<void> => {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, ...graphqlInput },
        context: () =>
          Promise.resolve(
            createContext(
              capillary,
              credentialsFrom((name) => singleHeader(req.headers[name])),
              record,
              config.maxUpstreamCalls,
            ),
          ),
      });
      await send(res, response);
    };
    await (tracer === undefined ? execute() : traced(tracer, req, record, res, execute));
    logger.info(
      {
        requestId,
        operationName: record.operationName,
        operationType: record.operationType,
        results: record.results,
        upstream: record.upstream,
        graphqlErrors: record.errors,
        status: res.statusCode,
        durationMs: Math.round((performance.now() - started) * 100) / 100,
      },
      'graphql request',
    );
  }

  const url = await listen(server, listenOn);
  let managementUrl: string | null = null;
  if (management !== null && managementOn !== null) {
    try {
      managementUrl = await listen(management, managementOn);
    } catch (error) {
      await apollo.stop();
      throw error;
    }
  }
  return {
    url,
    server,
    managementUrl,
    beginDraining: () => {
      draining = true;
    },
    stop: async () => {
      await apollo.stop();
      if (management !== null) {
        management.closeAllConnections();
        await new Promise<void>((resolve) =>
          management.close(() => {
            resolve();
          }),
        );
      }
    },
  };
}

/** Listens on `host:port` and answers with the server's `http://host:port`. */
async function listen(server: Server, on: ListenOn): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(on.port, on.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return `http://${host}:${port}`;
}

/** The path of a request target, without its query string. */
function pathOf(target: string | undefined): string {
  if (target === undefined) return '/';
  const queryAt = target.indexOf('?');
  return queryAt === -1 ? target : target.slice(0, queryAt);
}

/** A server span for the request, child of the caller's `traceparent` when it sent one. */
function traced(
  tracer: Tracer,
  req: IncomingMessage,
  record: RequestRecord,
  res: ServerResponse,
  execute: () => Promise<void>,
): Promise<void> {
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  return tracer.startActiveSpan('POST /graphql', { kind: SpanKind.SERVER }, parent, async (span) => {
    try {
      await execute();
    } finally {
      if (record.operationType !== null) {
        span.updateName(`${record.operationType} ${record.operationName ?? ''}`.trim());
        span.setAttribute('graphql.operation.type', record.operationType);
      }
      if (record.operationName !== null) span.setAttribute('graphql.operation.name', record.operationName);
      span.setAttribute('http.response.status_code', res.statusCode);
      span.end();
    }
  });
}

/** A caller's request id is echoed and logged only when it is short and printable. */
function validRequestId(value: string | undefined): string | undefined {
  return value !== undefined && /^[\w.:@/+=-]{1,128}$/.test(value) ? value : undefined;
}

function originAllowed(allowed: Config['corsOrigins'], origin: string): boolean {
  return allowed === 'any' || allowed.includes(origin);
}

function isJson(contentType: string | undefined): boolean {
  return contentType !== undefined && /^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType.trim());
}

function singleHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** One `writeHead` with a Content-Length, so the answer goes out in one write, not chunked. */
async function send(res: ServerResponse, response: HTTPGraphQLResponse): Promise<void> {
  const status = response.status ?? 200;
  if (response.body.kind === 'complete') {
    const headers: Record<string, string | number> = Object.fromEntries(response.headers);
    headers['content-length'] = Buffer.byteLength(response.body.string);
    res.writeHead(status, headers).end(response.body.string);
    return;
  }
  res.writeHead(status, Object.fromEntries(response.headers));
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

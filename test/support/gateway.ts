import type { Tracer } from '@opentelemetry/api';
import { request } from 'undici';
import { UndiciCapillaryClient, type CapillaryClient } from '../../src/capillary/client.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startGateway, type RunningGateway } from '../../src/http/server.js';
import { loadTrustedDocuments } from '../../src/http/trustedDocuments.js';
import { createLogger } from '../../src/observability/logger.js';
import { Metrics } from '../../src/observability/metrics.js';
import { CapturedLogs } from './logs.js';

export interface TestGateway {
  readonly url: string;
  readonly gateway: RunningGateway;
  /** Everything the gateway logged. */
  readonly logs: CapturedLogs;
  readonly metrics: Metrics;
  /** POSTs a GraphQL operation over a real socket and returns status, headers and parsed body. */
  graphql(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLHttpResponse>;
  stop(): Promise<void>;
}

export interface GraphQLHttpResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: GraphQLBody;
}

export interface GraphQLBody {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** The gateway on 127.0.0.1:0, wired to `upstreamUrl`, with settings from `env`. */
export async function startTestGateway(
  upstreamUrl: string,
  env: Record<string, string> = {},
  tracer?: Tracer,
): Promise<TestGateway> {
  const config = loadConfig({ CAPILLARY_BASE_URL: upstreamUrl, LOG_LEVEL: 'debug', ...env });
  const metrics = new Metrics();
  const capillary = new UndiciCapillaryClient({
    baseUrl: new URL(upstreamUrl),
    timeoutMs: config.capillaryTimeoutMs,
    maxResponseBytes: config.capillaryMaxResponseBytes,
    onAttempt: (attempt) => {
      metrics.upstreamAttempt(attempt);
    },
    ...(tracer === undefined ? {} : { tracer }),
  });
  return serve(config, capillary, metrics, tracer, () => capillary.close());
}

/** The gateway on 127.0.0.1:0 in front of a fake Capillary client (support/fakeCapillary.ts). */
export function startGatewayWithFake(
  capillary: CapillaryClient,
  env: Record<string, string> = {},
): Promise<TestGateway> {
  const config = loadConfig({ CAPILLARY_BASE_URL: 'http://127.0.0.1:1', LOG_LEVEL: 'debug', ...env });
  return serve(config, capillary, new Metrics(), undefined, () => Promise.resolve());
}

async function serve(
  config: Config,
  capillary: CapillaryClient,
  metrics: Metrics,
  tracer: Tracer | undefined,
  close: () => Promise<void>,
): Promise<TestGateway> {
  const logs = new CapturedLogs();
  const logger = await createLogger({
    level: config.logLevel,
    production: config.production,
    destination: logs,
  });
  const gateway = await startGateway(
    {
      config,
      capillary,
      logger,
      metrics,
      ...(tracer === undefined ? {} : { tracer }),
      ...(config.trustedDocuments === null
        ? {}
        : { trustedDocuments: loadTrustedDocuments(config.trustedDocuments) }),
    },
    { host: '127.0.0.1', port: 0 },
  );
  return {
    url: gateway.url,
    gateway,
    logs,
    metrics,
    async graphql(query, variables = {}, headers = {}) {
      const response = await request(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return {
        status: response.statusCode,
        headers: response.headers,
        body: (await response.body.json()) as GraphQLBody,
      };
    },
    async stop() {
      await gateway.stop();
      await close();
    },
  };
}

export const BASIC = 'Basic c3RvcmUxMjM6YmRjODdiOWM4OTRkYTUxNjgwNTllMDBlYmZmYjkwNzc=';

export const CREATE = /* GraphQL */ `
  mutation Create($input: CreateBadgeOrgMetaInput!) {
    createBadgeOrgMeta(input: $input) {
      __typename
      ... on CreateBadgeOrgMetaSuccess {
        orgMeta {
          id
          orgId
          tags {
            key
            dataType
            description
            mandatory
          }
          createdOn
          createdBy
          lastUpdatedOn
          lastUpdatedBy
        }
        warnings {
          code
          message
        }
      }
      ... on BadgesError {
        message
        requestId
        upstreamErrors {
          code
          message
          reference
        }
      }
      ... on InvalidOrgMetaInput {
        problems {
          path
          message
        }
      }
      ... on BadgesUpstreamFailure {
        status
        retryable
        retryAfterSeconds
      }
    }
  }
`;

export const categoryInput = {
  orgId: 100458,
  tags: [{ key: 'Category', dataType: 'string', description: 'Type of badge', mandatory: false }],
};

/** Gateway settings, read once from the environment at start-up. */
export interface Config {
  readonly production: boolean;
  readonly host: string;
  readonly port: number;
  /**
   * When set, /metrics, /health and /ready are served on this port (bound to
   * `managementHost`), and /metrics is no longer served on `port`.
   */
  readonly managementPort: number | null;
  readonly managementHost: string;
  /** Null: start the embedded Badges emulator and send upstream calls there. */
  readonly capillaryBaseUrl: URL | null;
  readonly capillaryTimeoutMs: number;
  readonly capillaryMaxResponseBytes: number;
  /** Browser origins allowed by CORS; `'any'` reflects every origin. */
  readonly corsOrigins: 'any' | readonly string[];
  readonly maxRequestBytes: number;
  /** Time a client has to send a whole request (headers within 10 s of it). */
  readonly httpRequestTimeoutMs: number;
  /** Upstream-calling fields (aliases counted) allowed in one operation. */
  readonly maxUpstreamFields: number;
  /** Calls to Capillary per GraphQL request, counted as they are made (entity references, list items). */
  readonly maxUpstreamCalls: number;
  /** Field selections per operation with every fragment spread expanded: bounds execution's work. */
  readonly maxFields: number;
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  /**
   * `jit`: operations compiled by graphql-jit (faster; no federated tracing).
   * `graphql-js`: the reference executor, with federated tracing (ftv1) for a Router that asks.
   */
  readonly graphqlExecutor: 'jit' | 'graphql-js';
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  readonly logLevel: string;
  /** OTLP/HTTP endpoint for traces; null: tracing off, at no cost. */
  readonly otlpEndpoint: URL | null;
  /** Schema introspection; on outside production, or with the sandbox. */
  readonly introspection: boolean;
  /** The Apollo Sandbox landing page on GET /graphql; on outside production. */
  readonly sandbox: boolean;
  /** `_service { sdl }` (the documented subgraph schema); as `introspection` unless set. */
  readonly subgraphSdl: boolean;
  /** A manifest of the only documents to run (`{ "<sha256>": "<document>" }`); null: any document. */
  readonly trustedDocuments: string | null;
  /** Bytes of parsed documents kept for requests that send the same query again. */
  readonly documentCacheBytes: number;
  /** Bytes (estimated) of operations compiled by graphql-jit kept for their next use. */
  readonly compiledCacheBytes: number;
}

/** A setting that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

export function loadConfig(env: Env): Config {
  const production = env.NODE_ENV === 'production';
  const sandbox = flag(env, 'GRAPHQL_SANDBOX', !production);
  const introspection = flag(env, 'GRAPHQL_INTROSPECTION', sandbox);
  return {
    production,
    host: text(env, 'HOST') ?? '0.0.0.0',
    port: integer(env, 'PORT', 4000, 0, 65_535),
    managementPort:
      text(env, 'MANAGEMENT_PORT') === undefined ? null : integer(env, 'MANAGEMENT_PORT', 0, 0, 65_535),
    managementHost: text(env, 'MANAGEMENT_HOST') ?? '0.0.0.0',
    capillaryBaseUrl: requiredInProduction(
      production,
      baseUrl(env, 'CAPILLARY_BASE_URL'),
      'CAPILLARY_BASE_URL',
    ),
    capillaryTimeoutMs: integer(env, 'CAPILLARY_TIMEOUT_MS', 10_000, 1, 600_000),
    capillaryMaxResponseBytes: integer(env, 'CAPILLARY_MAX_RESPONSE_BYTES', 1_048_576, 1, 1_073_741_824),
    corsOrigins: origins(env, 'CORS_ORIGINS', production),
    maxRequestBytes: integer(env, 'MAX_REQUEST_BYTES', 1_048_576, 1_024, 1_073_741_824),
    httpRequestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000),
    maxUpstreamFields: integer(env, 'MAX_UPSTREAM_FIELDS', 5, 1, 1_000),
    maxUpstreamCalls: integer(env, 'MAX_UPSTREAM_CALLS', 50, 1, 10_000),
    maxFields: integer(env, 'MAX_FIELDS', 2_000, 1, 1_000_000),
    maxDepth: integer(env, 'MAX_DEPTH', 10, 1, 1_000),
    maxAliases: integer(env, 'MAX_ALIASES', 15, 0, 10_000),
    maxTokens: integer(env, 'MAX_TOKENS', 1_000, 10, 1_000_000),
    maxDirectives: integer(env, 'MAX_DIRECTIVES', 50, 0, 10_000),
    graphqlExecutor: oneOf(env, 'GRAPHQL_EXECUTOR', EXECUTORS, 'jit') === 'jit' ? 'jit' : 'graphql-js',
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    otlpEndpoint: httpUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT'),
    introspection,
    sandbox,
    subgraphSdl: flag(env, 'SUBGRAPH_SDL', introspection),
    trustedDocuments: text(env, 'TRUSTED_DOCUMENTS') ?? null,
    documentCacheBytes: integer(env, 'DOCUMENT_CACHE_BYTES', 8_388_608, 0, 1_073_741_824),
    compiledCacheBytes: integer(env, 'COMPILED_CACHE_BYTES', 33_554_432, 0, 1_073_741_824),
  };
}

/** The embedded emulator accepts any credential and forgets every write: never in production. */
function requiredInProduction(production: boolean, url: URL | null, name: string): URL | null {
  if (production && url === null) {
    throw new ConfigError(
      name,
      'must be set when NODE_ENV=production: the embedded emulator is for development only',
    );
  }
  return url;
}

/** Whether a URL's host is this machine (a clear-text connection to it never leaves it). */
export function isLoopback(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function text(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

const EXECUTORS = ['jit', 'graphql-js'] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function oneOf(env: Env, name: string, allowed: readonly string[], fallback: string): string {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (!allowed.includes(value))
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, not "${value}"`);
  return value;
}

function httpUrl(env: Env, name: string): URL | null {
  const value = text(env, name);
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `must be an absolute http(s) URL such as https://host:443, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must use http or https, not ${url.protocol}`);
  }
  return url;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const value = text(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigError(name, `must be true or false, not "${value}"`);
}

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = text(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return Number(value);
}

/** An http(s) URL of scheme, host, port and an optional path only (never credentials). */
function baseUrl(env: Env, name: string): URL | null {
  const url = httpUrl(env, name);
  if (url !== null && (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '')) {
    throw new ConfigError(
      name,
      'must hold only scheme, host, port and an optional path: no credentials, query or fragment',
    );
  }
  return url;
}

function origins(env: Env, name: string, production: boolean): Config['corsOrigins'] {
  const value = text(env, name);
  if (value === undefined) return production ? [] : 'any';
  if (value === '*') return 'any';
  const list = value
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (parsed?.origin !== origin) {
      throw new ConfigError(
        name,
        `must list origins such as https://app.example.com (scheme, host, optional port), not "${origin}"`,
      );
    }
  }
  return list;
}

import { context, propagation, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { Pool, type Dispatcher } from 'undici';
import type { OrgMetaInput } from './domain.js';

/** The caller's headers that carry Capillary credentials; at least one must be present. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-cap-api-oauth-token'] as const;

/** Every header of the caller's that is forwarded to Capillary, verbatim; nothing else is. */
export const FORWARDED_HEADERS = [
  ...CREDENTIAL_HEADERS,
  'x-cap-api-attribution-entity-type',
  'x-cap-api-attribution-entity-code',
] as const;

type ForwardedHeader = (typeof FORWARDED_HEADERS)[number];

/** One caller's Capillary credentials: the forwarded headers it sent, lower-case names. */
export interface Credentials {
  readonly headers: Readonly<Partial<Record<ForwardedHeader, string>>>;
}

/**
 * Picks the forwarded headers out of a request's headers. Null when the request
 * carries no credential header at all (blank values count as absent).
 */
export function credentialsFrom(header: (name: string) => string | undefined): Credentials | null {
  const headers: Partial<Record<ForwardedHeader, string>> = {};
  for (const name of FORWARDED_HEADERS) {
    const value = header(name);
    if (value !== undefined && value.trim() !== '') headers[name] = value;
  }
  return CREDENTIAL_HEADERS.some((name) => name in headers) ? { headers } : null;
}

/** Everything that can come of one call to Capillary. The client never throws. */
export type UpstreamOutcome =
  | {
      readonly kind: 'answered';
      readonly status: number;
      readonly body: string;
      /** Capillary's `X-Cap-Requestid`, when it sent one. */
      readonly requestId: string | null;
      /** `Retry-After` in whole seconds, when sent and readable. */
      readonly retryAfterSeconds: number | null;
    }
  | { readonly kind: 'timeout'; readonly timeoutMs: number }
  | { readonly kind: 'unreachable'; readonly reason: UnreachableReason }
  | {
      readonly kind: 'oversized';
      readonly status: number;
      readonly limitBytes: number;
      readonly requestId: string | null;
    };

export type UnreachableReason = 'refused' | 'reset' | 'dns' | 'other';

/**
 * When the calls made for one GraphQL field must be done by, in
 * `performance.now()` milliseconds. Calls that share one share the time.
 */
export interface Deadline {
  readonly expiresAt: number;
  /** Told of each attempt made within this deadline (the GraphQL request's log line). */
  readonly onAttempt?: (attempt: AttemptRecord) => void;
}

/** Capillary's Badges org meta endpoints, as seen by the resolvers. */
export interface BadgesClient {
  /** A fresh deadline, `CAPILLARY_TIMEOUT_MS` from now. */
  startDeadline(): Deadline;
  /** `POST api_gateway/v1/badges/orgMeta`. */
  createOrgMeta(input: OrgMetaInput, credentials: Credentials, deadline: Deadline): Promise<UpstreamOutcome>;
  /** `GET api_gateway/v1/badges/orgMeta`: the org comes from the credentials. */
  readOrgMeta(credentials: Credentials, deadline: Deadline): Promise<UpstreamOutcome>;
  /** `PUT api_gateway/v1/badges/orgMeta`: replaces the whole tag list. */
  updateOrgMeta(input: OrgMetaInput, credentials: Credentials, deadline: Deadline): Promise<UpstreamOutcome>;
}

export interface UndiciBadgesClientOptions {
  /** Scheme, host and port of the Capillary cluster (a path prefix is kept). */
  readonly baseUrl: URL;
  /** One total deadline per call: connecting, sending, and reading the whole answer. */
  readonly timeoutMs: number;
  /** Bodies larger than this are cut off and reported as `oversized`. */
  readonly maxResponseBytes: number;
  /** Told of every attempt, for logs and metrics. */
  readonly onAttempt?: (attempt: AttemptRecord) => void;
  /** When tracing is on: a span per attempt, and `traceparent` sent upstream. */
  readonly tracer?: Tracer;
}

/** One attempt at a call, as it went. */
export interface AttemptRecord {
  readonly method: string;
  readonly endpoint: string;
  readonly status: number | null;
  /** `answered`, `timeout`, `oversized`, or why the connection failed (`refused`, `reset`, `dns`, `other`). */
  readonly outcome: string;
  readonly durationMs: number;
  readonly capRequestId: string | null;
}

const ORG_META_PATH = 'api_gateway/v1/badges/orgMeta';

export class UndiciBadgesClient implements BadgesClient {
  readonly #dispatcher: Pool;
  readonly #origin: string;
  readonly #pathPrefix: string;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  readonly #onAttempt: ((attempt: AttemptRecord) => void) | undefined;
  readonly #tracer: Tracer | undefined;

  constructor(options: UndiciBadgesClientOptions) {
    this.#origin = options.baseUrl.origin;
    this.#pathPrefix = options.baseUrl.pathname.replace(/\/*$/, '/');
    this.#timeoutMs = options.timeoutMs;
    this.#maxResponseBytes = options.maxResponseBytes;
    this.#onAttempt = options.onAttempt;
    this.#tracer = options.tracer;
    this.#dispatcher = new Pool(this.#origin, {
      connections: 128,
      pipelining: 1,
      // undici's default; it also honours the upstream's own `Keep-Alive: timeout=` hint.
      keepAliveTimeout: 4_000,
      connectTimeout: Math.min(options.timeoutMs, 5_000),
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });
  }

  startDeadline(): Deadline {
    return { expiresAt: performance.now() + this.#timeoutMs };
  }

  createOrgMeta(input: OrgMetaInput, credentials: Credentials, deadline: Deadline): Promise<UpstreamOutcome> {
    return this.#send('POST', ORG_META_PATH, credentials, deadline, orgMetaBody(input));
  }

  readOrgMeta(credentials: Credentials, deadline: Deadline): Promise<UpstreamOutcome> {
    return this.#send('GET', ORG_META_PATH, credentials, deadline);
  }

  updateOrgMeta(input: OrgMetaInput, credentials: Credentials, deadline: Deadline): Promise<UpstreamOutcome> {
    return this.#send('PUT', ORG_META_PATH, credentials, deadline, orgMetaBody(input));
  }

  /** Closes the pool's connections once in-flight calls are done. */
  async close(): Promise<void> {
    await this.#dispatcher.close();
  }

  /**
   * One call, retried only where that cannot apply a change twice: any method
   * once when the connection was refused (nothing was sent), and GET also on
   * 429, 502, 503, 504 and broken connections, with backoff or `Retry-After`.
   * Every attempt and wait stays within the one deadline.
   */
  async #send(
    method: Dispatcher.HttpMethod,
    path: string,
    credentials: Credentials,
    deadline: Deadline,
    body?: string,
  ): Promise<UpstreamOutcome> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#observedAttempt(method, path, credentials, deadline, body);
      const delayMs = retryDelayMs(method, outcome, attempt);
      if (delayMs === null || performance.now() + delayMs + MIN_ATTEMPT_MS > deadline.expiresAt)
        return outcome;
      await sleep(delayMs);
    }
  }

  async #observedAttempt(
    method: Dispatcher.HttpMethod,
    path: string,
    credentials: Credentials,
    deadline: Deadline,
    body?: string,
  ): Promise<UpstreamOutcome> {
    const tracer = this.#tracer;
    if (tracer === undefined && this.#onAttempt === undefined && deadline.onAttempt === undefined) {
      return this.#attempt(method, path, credentials, deadline, body, undefined);
    }
    const started = performance.now();
    const endpoint = path.slice(path.lastIndexOf('/') + 1);
    const outcome =
      tracer === undefined
        ? await this.#attempt(method, path, credentials, deadline, body, undefined)
        : await tracer.startActiveSpan(
            `${method} ${endpoint}`,
            {
              kind: SpanKind.CLIENT,
              attributes: {
                'http.request.method': method,
                'url.full': `${this.#origin}${this.#pathPrefix}${path}`,
              },
            },
            async (span) => {
              const traceHeaders: Record<string, string> = {};
              propagation.inject(context.active(), traceHeaders);
              const result = await this.#attempt(method, path, credentials, deadline, body, traceHeaders);
              if (result.kind === 'answered' || result.kind === 'oversized') {
                span.setAttribute('http.response.status_code', result.status);
              }
              if (result.kind !== 'answered' || result.status >= 500)
                span.setStatus({ code: SpanStatusCode.ERROR });
              span.end();
              return result;
            },
          );
    const record: AttemptRecord = {
      method,
      endpoint,
      status: outcome.kind === 'answered' || outcome.kind === 'oversized' ? outcome.status : null,
      outcome: outcome.kind === 'unreachable' ? outcome.reason : outcome.kind,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      capRequestId: outcome.kind === 'answered' || outcome.kind === 'oversized' ? outcome.requestId : null,
    };
    this.#onAttempt?.(record);
    deadline.onAttempt?.(record);
    return outcome;
  }

  /**
   * One attempt, through undici's `dispatch` (no response stream, no
   * AbortSignal): the body is gathered chunk by chunk up to the size cap, and
   * the deadline's timer aborts the request wherever it is.
   */
  #attempt(
    method: Dispatcher.HttpMethod,
    path: string,
    credentials: Credentials,
    deadline: Deadline,
    body: string | undefined,
    traceHeaders: Record<string, string> | undefined,
  ): Promise<UpstreamOutcome> {
    const remainingMs = deadline.expiresAt - performance.now();
    const timeout: UpstreamOutcome = { kind: 'timeout', timeoutMs: this.#timeoutMs };
    if (remainingMs <= 0) return Promise.resolve(timeout);
    const maxBytes = this.#maxResponseBytes;
    return new Promise((resolve) => {
      let controller: Dispatcher.DispatchController | undefined;
      let expired = false;
      let settled = false;
      let status = 0;
      let requestId: string | null = null;
      let retryAfterSeconds: number | null = null;
      const chunks: Buffer[] = [];
      let received = 0;
      const settle = (outcome: UpstreamOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      const stop = (outcome: UpstreamOutcome) => {
        settle(outcome);
        controller?.abort(new Error(outcome.kind));
      };
      const timer = setTimeout(() => {
        expired = true;
        stop(timeout);
      }, remainingMs);
      const oversized = (): UpstreamOutcome => ({
        kind: 'oversized',
        status,
        limitBytes: maxBytes,
        requestId,
      });
      try {
        this.#dispatcher.dispatch(
          {
            origin: this.#origin,
            path: this.#pathPrefix + path,
            method,
            headers: {
              accept: 'application/json',
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
              ...traceHeaders,
              ...credentials.headers,
            },
            body,
          },
          {
            onRequestStart(started) {
              controller = started;
              // The deadline passed while the request waited for a connection: never send it.
              if (expired) started.abort(new Error('timeout'));
            },
            onResponseStart(_controller, statusCode, headers) {
              status = statusCode;
              requestId = headerValue(headers['x-cap-requestid']);
              retryAfterSeconds = parseRetryAfter(headerValue(headers['retry-after']), Date.now());
              if (Number(headerValue(headers['content-length']) ?? 0) > maxBytes) stop(oversized());
            },
            onResponseData(_controller, chunk) {
              received += chunk.length;
              if (received > maxBytes) stop(oversized());
              else chunks.push(chunk);
            },
            onResponseEnd() {
              settle({
                kind: 'answered',
                status,
                body: Buffer.concat(chunks, received).toString('utf8'),
                requestId,
                retryAfterSeconds,
              });
            },
            onResponseError: (_controller, error) => {
              settle(expired ? timeout : classifyFailure(error, this.#timeoutMs));
            },
          },
        );
      } catch (error) {
        settle(classifyFailure(error, this.#timeoutMs));
      }
    });
  }
}

/** Exactly `orgId` and `tags`; optional tag fields are left out when absent. */
export function orgMetaBody(input: OrgMetaInput): string {
  return JSON.stringify({
    orgId: input.orgId,
    tags: input.tags.map((tag) => ({
      key: tag.key,
      dataType: tag.dataType,
      ...(tag.description == null ? {} : { description: tag.description }),
      ...(tag.mandatory == null ? {} : { mandatory: tag.mandatory }),
    })),
  });
}

/** Retries never start when less than this is left of the deadline. */
const MIN_ATTEMPT_MS = 50;
const GET_ATTEMPTS = 3;
const RETRYABLE_GET_STATUSES = new Set([429, 502, 503, 504]);

/** How long to wait before the next attempt, or null for no further attempt. */
export function retryDelayMs(method: string, outcome: UpstreamOutcome, attempt: number): number | null {
  if (outcome.kind === 'unreachable' && outcome.reason === 'refused' && attempt === 1) return 0;
  if (method !== 'GET' || attempt >= GET_ATTEMPTS) return null;
  const backoffMs = 100 * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
  if (outcome.kind === 'unreachable') return backoffMs;
  if (outcome.kind !== 'answered' || !RETRYABLE_GET_STATUSES.has(outcome.status)) return null;
  return outcome.retryAfterSeconds === null ? backoffMs : outcome.retryAfterSeconds * 1000;
}

/** `Retry-After` as whole seconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!HTTP_DATE.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** RFC 9110's IMF-fixdate, the one form of HTTP date senders must use. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function headerValue(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function classifyFailure(error: unknown, timeoutMs: number): UpstreamOutcome {
  const code = errorCode(error);
  if (code !== undefined && TIMEOUT_CODES.has(code)) return { kind: 'timeout', timeoutMs };
  if (code === 'ECONNREFUSED') return { kind: 'unreachable', reason: 'refused' };
  if (code !== undefined && RESET_CODES.has(code)) return { kind: 'unreachable', reason: 'reset' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'unreachable', reason: 'dns' };
  return { kind: 'unreachable', reason: 'other' };
}

function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth++) {
    if ('code' in current && typeof current.code === 'string') return current.code;
    current = current.cause;
  }
  return undefined;
}

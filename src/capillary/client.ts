import { context, propagation, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { Pool, type Dispatcher } from 'undici';
import type { Credentials } from './credentials.js';
import { MIN_ATTEMPT_MS, parseRetryAfter, retryDelayMs } from './retryPolicy.js';

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

/** Every Badges endpoint sits below this path of a Capillary cluster. */
export const BADGES_API_PATH = 'api_gateway/v1/badges/';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** What the client needs of an operation's declaration to make its call (src/capillary/operation.ts). */
export interface Endpoint<A> {
  readonly method: HttpMethod;
  /** Below `BADGES_API_PATH`, with `{name}` placeholders filled from `pathParams`. */
  readonly path: string;
  readonly pathParams?: (args: A) => Readonly<Record<string, string>>;
  /** Query parameters; null and undefined values are left out. */
  readonly query?: (args: A) => Readonly<Record<string, string | number | boolean | null | undefined>>;
  /** Headers of the operation's own (the caller's credentials are added to them). */
  readonly headers?: (args: A) => Readonly<Record<string, string>>;
  /** The JSON body, for POST and PUT. */
  readonly body?: (args: A) => unknown;
  /** The endpoint's label in metrics, logs and spans: `path` (bounded: no values). */
  readonly endpoint: string;
}

/** Capillary's Badges API, as the operations use it: one call for every endpoint. */
export interface CapillaryClient {
  /** A fresh deadline, `CAPILLARY_TIMEOUT_MS` from now. */
  startDeadline(): Deadline;
  /** One call of `endpoint` with the operation's `args`. Whatever Capillary or the network does, it resolves. */
  call<A>(
    endpoint: Endpoint<A>,
    args: A,
    credentials: Credentials,
    deadline: Deadline,
  ): Promise<UpstreamOutcome>;
}

export interface UndiciCapillaryClientOptions {
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

export class UndiciCapillaryClient implements CapillaryClient {
  readonly #dispatcher: Pool;
  readonly #origin: string;
  readonly #host: string;
  readonly #pathPrefix: string;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  readonly #onAttempt: ((attempt: AttemptRecord) => void) | undefined;
  readonly #tracer: Tracer | undefined;

  constructor(options: UndiciCapillaryClientOptions) {
    this.#origin = options.baseUrl.origin;
    this.#host = options.baseUrl.hostname;
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

  call<A>(
    endpoint: Endpoint<A>,
    args: A,
    credentials: Credentials,
    deadline: Deadline,
  ): Promise<UpstreamOutcome> {
    const body = endpoint.body?.(args);
    return this.#send(
      endpoint.method,
      endpoint.endpoint,
      requestTarget(endpoint, args),
      { ...endpoint.headers?.(args), ...credentials.headers },
      deadline,
      body === undefined ? undefined : JSON.stringify(body),
    );
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
    method: HttpMethod,
    endpoint: string,
    path: string,
    headers: Readonly<Record<string, string>>,
    deadline: Deadline,
    body?: string,
  ): Promise<UpstreamOutcome> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.#observedAttempt(method, endpoint, path, headers, deadline, body);
      const delayMs = retryDelayMs(method, outcome, attempt);
      if (delayMs === null || performance.now() + delayMs + MIN_ATTEMPT_MS > deadline.expiresAt)
        return outcome;
      await sleep(delayMs);
    }
  }

  async #observedAttempt(
    method: HttpMethod,
    endpoint: string,
    path: string,
    headers: Readonly<Record<string, string>>,
    deadline: Deadline,
    body?: string,
  ): Promise<UpstreamOutcome> {
    const tracer = this.#tracer;
    if (tracer === undefined && this.#onAttempt === undefined && deadline.onAttempt === undefined) {
      return this.#attempt(method, path, headers, deadline, body, undefined);
    }
    const started = performance.now();
    const outcome =
      tracer === undefined
        ? await this.#attempt(method, path, headers, deadline, body, undefined)
        : await tracer.startActiveSpan(
            `${method} ${endpoint}`,
            {
              kind: SpanKind.CLIENT,
              attributes: {
                'http.request.method': method,
                // The path's template, not its values: a customer's email or mobile number never reaches a span.
                'server.address': this.#host,
                'url.template': `${this.#pathPrefix}${BADGES_API_PATH}${endpoint}`,
              },
            },
            async (span) => {
              const traceHeaders: Record<string, string> = {};
              propagation.inject(context.active(), traceHeaders);
              const result = await this.#attempt(method, path, headers, deadline, body, traceHeaders);
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
    method: HttpMethod,
    path: string,
    headers: Readonly<Record<string, string>>,
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
              ...headers,
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

/** The path below the base URL, placeholders filled and query parameters appended, each encoded. */
/**
 * What a path parameter may be: an id, or a customer identifier (an email, a
 * mobile number…), percent-encoded; never a separator, a control character, a
 * lone surrogate (which cannot be encoded) or a dot segment.
 */
const PATH_SEGMENT = /^[^/\\\p{Cc}\p{Cs}]{1,128}$/u;

export function requestTarget<A>(endpoint: Endpoint<A>, args: A): string {
  const params = endpoint.pathParams?.(args) ?? {};
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
    const value = params[name];
    // The operations' checks refuse such values before any call; a path must never leave its endpoint.
    if (value === undefined || !PATH_SEGMENT.test(value) || value === '.' || value === '..') {
      throw new Error(`${endpoint.endpoint}: path parameter ${name} is missing or not one plain segment`);
    }
    return encodeURIComponent(value);
  });
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(endpoint.query?.(args) ?? {})) {
    if (value !== null && value !== undefined) query.append(name, String(value));
  }
  const search = query.toString();
  return `${BADGES_API_PATH}${path}${search === '' ? '' : `?${search}`}`;
}

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

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AttemptRecord } from '../capillary/client.js';

/**
 * The gateway's Prometheus metrics, in a registry of their own. Per request,
 * counts go to plain numbers, handed to prom-client when /metrics is scraped:
 * prom-client validates and hashes the labels on every call otherwise.
 */
export class Metrics {
  readonly registry = new Registry();

  #inFlightNow = 0;
  readonly #inFlight: Gauge = new Gauge({
    name: 'badges_gateway_http_requests_in_flight',
    help: 'HTTP requests being served.',
    registers: [this.registry],
    collect: () => {
      this.#inFlight.set(this.#inFlightNow);
    },
  });

  readonly #operations = new PendingCounts(
    this.registry,
    'badges_gateway_graphql_results_total',
    'Results of GraphQL fields that call Capillary, by field and union member (or "error").',
    ['field', 'result'],
  );

  readonly #requests = new PendingCounts(
    this.registry,
    'badges_gateway_graphql_requests_total',
    'GraphQL requests, by operation type and whether they ended with GraphQL errors.',
    ['operation_type', 'outcome'],
  );

  readonly #upstreamDuration = new Histogram({
    name: 'badges_gateway_upstream_duration_seconds',
    help: 'Duration of each attempt at a call to Capillary, by endpoint, method and status class.',
    labelNames: ['endpoint', 'method', 'status_class'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  // Label children are looked up once per combination: prom-client hashes the labels on every call otherwise.
  readonly #upstreamDurationChildren = new Map<
    string,
    Histogram.Internal<'endpoint' | 'method' | 'status_class'>
  >();

  readonly #upstreamFailures = new Counter({
    name: 'badges_gateway_upstream_failures_total',
    help: 'Attempts at calls to Capillary that got no usable answer, by kind: timeout, refused, reset, dns, other, oversized, malformed.',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  requestStarted(): () => void {
    this.#inFlightNow++;
    return () => {
      this.#inFlightNow--;
    };
  }

  graphqlRequest(operationType: string | null, hadErrors: boolean): void {
    this.#requests.add(operationType ?? 'none', hadErrors ? 'errors' : 'ok');
  }

  fieldResult(field: string, result: string): void {
    this.#operations.add(field, result);
  }

  upstreamAttempt(attempt: AttemptRecord): void {
    const statusClass = attempt.status === null ? 'none' : `${Math.floor(attempt.status / 100)}xx`;
    child(this.#upstreamDurationChildren, `${attempt.endpoint} ${attempt.method} ${statusClass}`, () =>
      this.#upstreamDuration.labels(attempt.endpoint, attempt.method, statusClass),
    ).observe(attempt.durationMs / 1000);
    if (attempt.outcome !== 'answered') this.#upstreamFailures.inc({ kind: attempt.outcome });
  }

  /** An answer that arrived but broke Capillary's contract (counted where it is read). */
  malformedAnswer(): void {
    this.#upstreamFailures.inc({ kind: 'malformed' });
  }

  render(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * A counter of two labels whose increments wait in plain numbers until the
 * registry is scraped (prom-client's `collect`), then go to prom-client at once.
 */
class PendingCounts {
  readonly #counter: Counter;
  readonly #pending = new Map<string, { readonly child: Counter.Internal; count: number }>();

  constructor(registry: Registry, name: string, help: string, labelNames: readonly [string, string]) {
    const pending = this.#pending;
    this.#counter = new Counter({
      name,
      help,
      labelNames,
      registers: [registry],
      collect() {
        for (const entry of pending.values()) {
          if (entry.count > 0) entry.child.inc(entry.count);
          entry.count = 0;
        }
      },
    });
  }

  add(first: string, second: string): void {
    const entry = child(this.#pending, `${first} ${second}`, () => ({
      child: this.#counter.labels(first, second),
      count: 0,
    }));
    entry.count++;
  }
}

function child<T>(children: Map<string, T>, key: string, create: () => T): T {
  let found = children.get(key);
  if (found === undefined) {
    found = create();
    children.set(key, found);
  }
  return found;
}

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AttemptRecord } from '../badges/client.js';

/** The gateway's Prometheus metrics, in a registry of their own. */
export class Metrics {
  readonly registry = new Registry();

  readonly #inFlight = new Gauge({
    name: 'badges_gateway_http_requests_in_flight',
    help: 'HTTP requests being served.',
    registers: [this.registry],
  });

  readonly #operations = new Counter({
    name: 'badges_gateway_graphql_results_total',
    help: 'Results of GraphQL fields that call Capillary, by field and union member (or "error").',
    labelNames: ['field', 'result'] as const,
    registers: [this.registry],
  });

  readonly #requests = new Counter({
    name: 'badges_gateway_graphql_requests_total',
    help: 'GraphQL requests, by operation type and whether they ended with GraphQL errors.',
    labelNames: ['operation_type', 'outcome'] as const,
    registers: [this.registry],
  });

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
  readonly #operationChildren = new Map<string, Counter.Internal>();
  readonly #requestChildren = new Map<string, Counter.Internal>();

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
    this.#inFlight.inc();
    return () => {
      this.#inFlight.dec();
    };
  }

  graphqlRequest(operationType: string | null, hadErrors: boolean): void {
    const type = operationType ?? 'none';
    const outcome = hadErrors ? 'errors' : 'ok';
    child(this.#requestChildren, `${type} ${outcome}`, () => this.#requests.labels(type, outcome)).inc();
  }

  fieldResult(field: string, result: string): void {
    child(this.#operationChildren, `${field} ${result}`, () => this.#operations.labels(field, result)).inc();
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

function child<T>(children: Map<string, T>, key: string, create: () => T): T {
  let found = children.get(key);
  if (found === undefined) {
    found = create();
    children.set(key, found);
  }
  return found;
}

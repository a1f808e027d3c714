import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface Tracing {
  readonly tracer: Tracer;
  /** Exports what is buffered, then stops. */
  shutdown(): Promise<void>;
}

/**
 * Registers W3C trace-context propagation and an async-context manager, and
 * returns a tracer whose spans go to `processor`. Called only when tracing is
 * configured: otherwise nothing of OpenTelemetry runs.
 */
export function startTracing(processor: SpanProcessor, serviceName = 'badges-graphql-gateway'): Tracing {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [processor],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return { tracer: provider.getTracer('badges-graphql-gateway'), shutdown: () => provider.shutdown() };
}

/** Spans batched to an OTLP/HTTP collector at `endpoint` (the standard OTEL_EXPORTER_OTLP_ENDPOINT). */
export function otlpProcessor(endpoint: URL): SpanProcessor {
  const url = new URL('v1/traces', endpoint.href.endsWith('/') ? endpoint : `${endpoint.href}/`);
  return new BatchSpanProcessor(new OTLPTraceExporter({ url: url.href }));
}

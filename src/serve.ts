import { UndiciCapillaryClient } from './capillary/client.js';
import { ConfigError, isLoopback, loadConfig, type Config } from './config.js';
import type { RunningEmulator } from './emulator/emulator.js';
import { startGateway, type RunningGateway } from './http/server.js';
import { loadTrustedDocuments, type TrustedDocuments } from './http/trustedDocuments.js';
import { createLogger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import type { Tracing } from './observability/tracing.js';

function configOrExit(): { config: Config; trustedDocuments?: TrustedDocuments } {
  try {
    const config = loadConfig(process.env);
    return config.trustedDocuments === null
      ? { config }
      : { config, trustedDocuments: loadTrustedDocuments(config.trustedDocuments) };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Invalid configuration: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

/** How the entry (src/main.ts) started the process, for the ready log line. */
export interface Startup {
  /** Node's module compile cache: `ENABLED`, `ALREADY_ENABLED`, `FAILED` or `DISABLED`. */
  readonly compileCache: string;
}

/** Starts everything; the process ends on SIGINT/SIGTERM after draining. */
export async function serve(startup: Startup): Promise<void> {
  const { config, trustedDocuments } = configOrExit();
  const logger = await createLogger({
    level: config.logLevel,
    production: config.production,
  });
  const metrics = new Metrics();

  let tracing: Tracing | null = null;
  if (config.otlpEndpoint !== null) {
    // Loaded only when configured: with tracing off, no OpenTelemetry code runs at all.
    const { otlpProcessor, startTracing } = await import('./observability/tracing.js');
    tracing = startTracing(
      otlpProcessor(config.otlpEndpoint),
      process.env.OTEL_SERVICE_NAME?.trim() || undefined,
    );
    logger.info({ endpoint: config.otlpEndpoint.origin }, 'tracing to an OTLP/HTTP collector');
  }

  if (config.capillaryBaseUrl?.protocol === 'http:' && !isLoopback(config.capillaryBaseUrl)) {
    logger.warn(
      { upstream: config.capillaryBaseUrl.origin },
      'CAPILLARY_BASE_URL uses http:// to another host: credentials would travel in clear text; use https://',
    );
  }

  let emulator: RunningEmulator | null = null;
  let upstream = config.capillaryBaseUrl;
  if (upstream === null) {
    // Loaded only here: outside production, without a Capillary URL (config.ts refuses it in production).
    const { startEmulator } = await import('./emulator/emulator.js');
    emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
    upstream = new URL(emulator.url);
    logger.warn(
      { emulator: emulator.url },
      `CAPILLARY_BASE_URL is not set: using the embedded Badges emulator at ${emulator.url} (in-memory, for development only)`,
    );
  }

  const capillary = new UndiciCapillaryClient({
    baseUrl: upstream,
    timeoutMs: config.capillaryTimeoutMs,
    maxResponseBytes: config.capillaryMaxResponseBytes,
    onAttempt: (attempt) => {
      metrics.upstreamAttempt(attempt);
    },
    ...(tracing === null ? {} : { tracer: tracing.tracer }),
  });

  let gateway: RunningGateway;
  try {
    gateway = await startGateway(
      {
        config,
        capillary,
        logger,
        metrics,
        ...(tracing === null ? {} : { tracer: tracing.tracer }),
        ...(trustedDocuments === undefined ? {} : { trustedDocuments }),
      },
      { host: config.host, port: config.port },
      config.managementPort === null ? null : { host: config.managementHost, port: config.managementPort },
    );
  } catch (error) {
    logger.fatal(
      { err: error },
      `Cannot listen on ${config.host}:${config.port} (HOST/PORT) or on the management port (MANAGEMENT_HOST/MANAGEMENT_PORT)`,
    );
    await flushed();
    process.exit(1);
  }

  function flushed(): Promise<void> {
    return new Promise((resolve) => {
      logger.flush(() => {
        resolve();
      });
    });
  }

  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'draining: finishing in-flight requests, then stopping');
      gateway.beginDraining();
      void (async () => {
        await gateway.stop();
        await capillary.close();
        await emulator?.stop();
        await tracing?.shutdown();
        logger.info('stopped');
        await flushed();
        process.exit(0);
      })();
    });
  }

  // Announced once SIGTERM drains: a supervisor that stops the process at once gets a clean stop.
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const { port } = new URL(gateway.url);
  const graphqlUrl = `http://${shownHost}:${port}/graphql`;
  logger.info(
    {
      url: graphqlUrl,
      upstream: upstream.origin,
      node: process.version,
      compileCache: startup.compileCache,
      ...(gateway.managementUrl === null ? {} : { management: gateway.managementUrl }),
      ...(trustedDocuments === undefined ? {} : { trustedDocuments: trustedDocuments.size }),
    },
    `Badges GraphQL gateway ready at ${graphqlUrl}`,
  );
}

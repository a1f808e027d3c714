/**
 * Fills Node's module compile cache ahead of the first start, e.g. while a container image is
 * built (`node dist/src/tools/warmCompileCache.js`, after `npm run build`), so that even a
 * fresh container's first start reads compiled code instead of compiling every module, and a
 * read-only root filesystem, where a start could not write the cache, loses nothing.
 *
 * The directory is the one src/main.ts uses: `NODE_COMPILE_CACHE` when set (Node has then
 * enabled the cache before this runs), otherwise `dist/.compile-cache` beside the build. Run
 * it with the node binary, flags and environment the gateway runs with: V8 rejects a cache made
 * under other flags, and NODE_ENV=production picks other files of some packages (graphql-armor).
 *
 * The modules are only imported: no server starts, no configuration is read. Besides
 * everything a start loads, it warms what only some settings load (tracing with
 * OTEL_EXPORTER_OTLP_ENDPOINT, Apollo's inline trace with GRAPHQL_EXECUTOR=graphql-js): they
 * cost ~0.1 s here and nothing at a start that does not load them. It leaves out the emulator,
 * which production never loads, and pino-pretty, which only a terminal gets.
 */
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const { status, directory } = module.enableCompileCache(
  process.env.NODE_COMPILE_CACHE === undefined
    ? fileURLToPath(new URL('../../.compile-cache', import.meta.url))
    : undefined,
);
const { ENABLED, ALREADY_ENABLED } = module.constants.compileCacheStatus;
if (status !== ENABLED && status !== ALREADY_ENABLED) {
  console.error(`Node's compile cache could not be enabled in ${directory ?? 'its directory'}`);
  process.exit(1);
}

// serve.js statically imports every module a start loads with the default settings (the HTTP
// server, GraphQL, Capillary client, logging, metrics); test/integration/dockerfile.test.ts checks
// that a start compiles nothing more.
await import('../serve.js');
await import('../observability/tracing.js');
await import('@apollo/server/plugin/inlineTrace');

module.flushCompileCache();
console.log(`Warmed Node's compile cache in ${directory ?? '(unknown)'}`);

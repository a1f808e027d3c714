/**
 * What `npm start` runs (`node dist/src/main.js`). Node's module compile cache is
 * switched on before the gateway's modules load, so that a start after the first
 * reads their compiled code instead of compiling it again. Its directory is
 * `NODE_COMPILE_CACHE` when set, otherwise `dist/.compile-cache` beside the build.
 */
import module from 'node:module';
import { fileURLToPath } from 'node:url';

const compileCache = module.enableCompileCache(
  process.env.NODE_COMPILE_CACHE === undefined
    ? fileURLToPath(new URL('../.compile-cache', import.meta.url))
    : undefined,
);
const statusName = Object.entries(module.constants.compileCacheStatus).find(
  ([, value]) => value === compileCache.status,
)?.[0];
const { serve } = await import('./serve.js');
await serve({ compileCache: statusName ?? String(compileCache.status) });

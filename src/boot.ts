/**
 * How `npm start` (src/start.ts) loads the bundled gateway (`dist/bundle/gateway.cjs`,
 * made by `npm run build`): through V8's code cache. Node 20 has no module compile
 * cache, and parsing and compiling the bundle's code was half of the start-up time.
 *
 * The cache (`gateway.cjs.cache`) is written by the build, from a training run of
 * the gateway that answered typical requests (src/tools/bundle.ts), so it holds the
 * compiled code of both start-up and request handling. It is used only when the
 * SHA-256 of the bundle recorded with it matches the bundle being loaded (V8 itself
 * checks no more than the source's length) and when V8 accepts it (same Node.js
 * version and flags); otherwise the gateway starts as fast as plain Node allows.
 * The ready log line says which (`codeCache`: used, absent, stale or rejected).
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

export type CodeCacheStatus = 'used' | 'absent' | 'stale' | 'rejected';

/** Where the gateway reads how it was loaded (see `codeCacheStatus` in main.ts). */
export const CODE_CACHE_STATUS = Symbol.for('badges-gateway.codeCache');

export const BUNDLE = join(dirname(fileURLToPath(import.meta.url)), '..', 'bundle', 'gateway.cjs');

/** The code cache kept beside a bundle, and the SHA-256 (hex) of the bundle it was made from. */
export function cacheFiles(bundle: string): { readonly data: string; readonly sourceHash: string } {
  return { data: `${bundle}.cache`, sourceHash: `${bundle}.cache.sha256` };
}

export interface LoadedBundle {
  readonly codeCache: CodeCacheStatus;
  /** What the bundle put in `module.exports`. */
  readonly exports: unknown;
  /** Writes the code cache of everything compiled so far (the training run calls it on exit). */
  writeCodeCache(): void;
}

/**
 * Runs a CommonJS bundle as Node would run it as a module, compiled from its
 * code cache when there is a valid one (`codeCache: 'used'`).
 */
export function loadBundle(bundle: string): LoadedBundle {
  const source = readFileSync(bundle, 'utf8');
  const hash = createHash('sha256').update(source).digest('hex');
  const files = cacheFiles(bundle);
  const cache = readCache(files, hash);
  const script = new Script(Module.wrap(source), {
    filename: bundle,
    ...(cache.data === undefined ? {} : { cachedData: cache.data }),
  });
  const codeCache =
    cache.data !== undefined && script.cachedDataRejected === true ? 'rejected' : cache.status;
  (globalThis as Record<symbol, unknown>)[CODE_CACHE_STATUS] = codeCache;

  const bundleModule = new Module(bundle);
  bundleModule.filename = bundle;
  const run = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  run.call(
    bundleModule.exports,
    bundleModule.exports,
    createRequire(bundle),
    bundleModule,
    bundle,
    dirname(bundle),
  );

  return {
    codeCache,
    exports: bundleModule.exports,
    writeCodeCache() {
      // Each file is renamed into place whole; the hash last, so a half-written pair reads as stale.
      writeFileSync(`${files.data}.tmp`, script.createCachedData());
      renameSync(`${files.data}.tmp`, files.data);
      writeFileSync(`${files.sourceHash}.tmp`, `${hash}\n`);
      renameSync(`${files.sourceHash}.tmp`, files.sourceHash);
    },
  };
}

function readCache(
  files: ReturnType<typeof cacheFiles>,
  hash: string,
): { readonly data?: Buffer; readonly status: CodeCacheStatus } {
  let recorded: string;
  try {
    recorded = readFileSync(files.sourceHash, 'utf8').trim();
  } catch {
    return { status: 'absent' };
  }
  if (recorded !== hash) return { status: 'stale' };
  try {
    return { data: readFileSync(files.data), status: 'used' };
  } catch {
    return { status: 'absent' };
  }
}

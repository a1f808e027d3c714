/**
 * `npm run build` bundles the compiled gateway into one CommonJS file,
 * `dist/bundle/gateway.cjs`, then makes V8's code cache for it from a training
 * run (src/tools/codeCache.ts). `npm start` runs `dist/src/start.js`, which loads
 * the bundle through that cache: on Node 20, which has no module compile cache,
 * hundreds of modules took ~930 ms to a first answer, one bundle ~650 ms, the
 * bundle with its code cache ~340 ms.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { writeCodeCache } from './codeCache.js';

/** The compiled stand-ins (src/standins/) bundled in place of three dependencies. */
const STANDINS = fileURLToPath(new URL('../standins/', import.meta.url));

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  input: 'dist/src/main.js',
  platform: 'node',
  // Optional, development-only (pretty logs in a terminal): required at run time when installed.
  external: ['pino-pretty'],
  // Node loads graphql's CommonJS build for every importer; the bundle must hold that one copy only.
  resolve: {
    mainFields: ['main', 'module'],
    // Bundled in place of three dependencies, each for the reason given in its file.
    alias: {
      '@apollo/utils.createhash': `${STANDINS}createHash.js`,
      'fast-json-stringify': `${STANDINS}fastJsonStringify.js`,
      negotiator: `${STANDINS}negotiator.js`,
    },
  },
  output: {
    file: 'dist/bundle/gateway.cjs',
    format: 'cjs',
    // One file, one script for the code cache; what is imported lazily is still evaluated lazily.
    codeSplitting: false,
    // `import()` becomes `require()`: code run from a vm.Script (src/boot.ts) has no ESM loader.
    dynamicImportInCjs: false,
    // ASCII only: one non-ASCII character would make V8 hold the whole source as two bytes a character.
    charset: 'ascii',
    // V8 keeps the bundle's source in memory for lazy compilation: comments would only weigh on it.
    comments: false,
    sourcemap: true,
  },
  logLevel: 'warn',
});
await writeCodeCache();

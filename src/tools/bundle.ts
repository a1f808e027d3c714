/**
 * `npm run build` bundles the compiled gateway into one CommonJS file,
 * `dist/bundle/gateway.cjs`, then makes V8's code cache for it from a training
 * run (src/tools/codeCache.ts). `npm start` runs `dist/src/boot.js`, which loads
 * the bundle through that cache: on Node 20, which has no module compile cache,
 * hundreds of modules took ~930 ms to a first answer, one bundle ~650 ms, the
 * bundle with its code cache ~330 ms.
 */
import { rmSync } from 'node:fs';
import { build } from 'rolldown';
import { writeCodeCache } from './codeCache.js';

rmSync('dist/bundle', { recursive: true, force: true });
await build({
  input: 'dist/src/main.js',
  platform: 'node',
  // Optional, development-only (pretty logs in a terminal): resolved at run time when installed.
  external: ['pino-pretty'],
  // Node loads graphql's CommonJS build for every importer; the bundle must hold that one copy only.
  resolve: { mainFields: ['main', 'module'] },
  output: {
    file: 'dist/bundle/gateway.cjs',
    format: 'cjs',
    // One file, one script for the code cache; what is imported lazily is still evaluated lazily.
    codeSplitting: false,
    // `import()` becomes `require()`: code run from a vm.Script (src/boot.ts) has no ESM loader.
    dynamicImportInCjs: false,
    sourcemap: true,
  },
  logLevel: 'warn',
});
await writeCodeCache();

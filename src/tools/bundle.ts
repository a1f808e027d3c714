/**
 * `npm run build` bundles the compiled gateway into `dist/bundle/gateway.mjs`,
 * which `npm start` runs: one file loads in about two thirds of the time that
 * hundreds of modules take on Node 20, which has no module compile cache.
 */
import { build } from 'rolldown';

await build({
  input: 'dist/src/main.js',
  platform: 'node',
  // Optional, development-only (pretty logs in a terminal): resolved at run time when installed.
  external: ['pino-pretty'],
  // Node loads graphql's CommonJS build for every importer; the bundle must hold that one copy only.
  resolve: { mainFields: ['main', 'module'] },
  output: {
    dir: 'dist/bundle',
    format: 'esm',
    entryFileNames: 'gateway.mjs',
    chunkFileNames: '[name]-[hash].mjs',
    sourcemap: true,
  },
  logLevel: 'warn',
});

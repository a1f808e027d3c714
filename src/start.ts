/**
 * What `npm start` runs: the bundled gateway, loaded through its code cache (src/boot.ts).
 * `--write-code-cache` (the build's training run only, src/tools/codeCache.ts): on exit,
 * write the cache of all the code the run compiled.
 */
import { BUNDLE, loadBundle } from './boot.js';

const loaded = loadBundle(BUNDLE);
if (process.argv.includes('--write-code-cache')) {
  process.once('exit', () => {
    loaded.writeCodeCache();
  });
}

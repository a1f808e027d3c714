import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../packageRoot.js';

/**
 * What `npm start` runs, read from package.json's start script (`node [flags] dist/src/main.js`),
 * so that the benchmark, the load test and the process tests start the gateway exactly as it does.
 */
export interface StartCommand {
  readonly nodeFlags: readonly string[];
  /** Absolute path of the script `npm start` runs. */
  readonly script: string;
}

export function startCommand(): StartCommand {
  const root = packageRoot();
  const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts?: { start?: string };
  };
  const words = scripts?.start?.trim().split(/\s+/) ?? [];
  const script = words.at(-1);
  const nodeFlags = words.slice(1, -1);
  if (words[0] !== 'node' || script === undefined || nodeFlags.some((flag) => !flag.startsWith('--'))) {
    throw new Error(
      `package.json's start script must read "node [--flags] <script>", not "${scripts?.start}"`,
    );
  }
  return { nodeFlags, script: join(root, script) };
}

import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { startCommand } from '../../src/tools/startCommand.js';

// `npm test` builds first (pretest), so this runs what `npm start` runs, with its node flags.
const START = startCommand();
const REPORT_MODULES = new URL('./reportModules.mjs', import.meta.url).href;

export type Child = ChildProcessByStdio<null, Readable, Readable>;

export interface GatewayProcess {
  readonly child: Child;
  /** Everything it wrote so far, stdout and stderr. */
  readonly output: () => string;
}

const started: Child[] = [];

/**
 * The gateway as `npm start` runs it, with only `env` (and PATH) in its environment.
 * `reportModules`: every module it resolves is named on stderr (support/reportModules.mjs).
 */
export function startGatewayProcess(
  env: Record<string, string>,
  options: { readonly reportModules?: boolean } = {},
): GatewayProcess {
  const preload = options.reportModules === true ? ['--import', REPORT_MODULES] : [];
  const child = spawn(process.execPath, [...START.nodeFlags, ...preload, START.script], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** For `afterEach`: kills every gateway process a test left running. */
export function killGatewayProcesses(): void {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}

export function exitCode(child: Child): Promise<number | null> {
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      resolve(code);
    }),
  );
}

/** The base URL from the ready line, as soon as the process writes it (rejects if it exits first). */
export function readyUrl({ child, output }: GatewayProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = /ready at (http:\/\/\S+)\/graphql/.exec(output());
      if (match?.[1] === undefined) return;
      child.stdout.off('data', check);
      child.off('exit', exited);
      resolve(match[1]);
    };
    const exited = () => {
      reject(new Error(`the gateway exited before it was ready:\n${output()}`));
    };
    child.stdout.on('data', check);
    child.once('exit', exited);
    check();
  });
}

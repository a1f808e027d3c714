import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { startCommand } from '../src/tools/startCommand.js';

/** Shared by the load test, the benchmark and its profile: what runs, where, and what it costs. */

/** What `npm start` runs (`node dist/src/main.js`), node flags included. */
export const GATEWAY = startCommand();

/** Where the benchmark and its profile write their results: BENCH_OUT, or bench/results/. */
export function resultsDir(): string {
  const out = process.env.BENCH_OUT?.trim();
  return out === undefined || out === ''
    ? fileURLToPath(new URL('../../bench/results/', import.meta.url))
    : out;
}

/** Every server still running: killed should this process end before stopping them (a failed run). */
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A free loopback port, found by binding to port 0 and letting go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

export interface ChildServer {
  readonly process: ChildProcess;
  readonly url: string;
  /** Milliseconds from spawn to the first successful answer. */
  readonly startupMs: number;
  stop(): Promise<void>;
}

/** Spawns `node script` on a free port and waits until `probe` answers 2xx. */
export async function spawnServer(
  script: string,
  env: Record<string, string>,
  probe: (url: string) => Promise<boolean>,
  nodeArgs: readonly string[] = [],
): Promise<ChildServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => {
    running.delete(child);
  });
  for (let attempt = 0; attempt < 2_000; attempt++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (await probe(url).catch(() => false)) {
      const startupMs = performance.now() - started;
      return {
        process: child,
        url,
        startupMs,
        stop: () =>
          new Promise((resolve) => {
            child.once('exit', () => {
              resolve();
            });
            child.kill('SIGTERM');
          }),
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  child.kill('SIGKILL');
  throw new Error(`${script} did not answer within 10 s`);
}

/** Resident set size of a process, from /proc (Linux). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match?.[1] === undefined ? Number.NaN : Number(match[1]) * 1024;
}

/** User + system CPU time of a process in milliseconds, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

export function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** A Basic credential the emulator accepts, unique per `n`. */
export function basicFor(n: number): string {
  return `Basic ${Buffer.from(`load-${n}:0123456789abcdef0123456789abcdef`).toString('base64')}`;
}

/** The benchmark's fixed-answer upstream (bench/upstream.ts), as a child process. */
export function startFixedUpstream(): Promise<ChildServer> {
  return spawnServer(fileURLToPath(new URL('./upstream.js', import.meta.url)), {}, async (url) => {
    const response = await request(url, { method: 'POST', body: '{}' });
    await response.body.dump();
    return response.statusCode === 200;
  });
}

/** POSTs a JSON `body` to `url` with `authorization`: the status and the whole answer. */
export async function post(
  url: string,
  body: string,
  authorization: string,
): Promise<{ statusCode: number; text: string }> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization },
    body,
  });
  return { statusCode: response.statusCode, text: await response.body.text() };
}

/**
 * A readiness probe: POST `body` to `path` with `authorization`; ready on a 200
 * that, from a GraphQL server (`/graphql`), is a created org meta.
 */
export function answersPost(path: string, body: string, authorization: string) {
  return async (url: string): Promise<boolean> => {
    const { statusCode, text } = await post(`${url}${path}`, body, authorization);
    return statusCode === 200 && (path !== '/graphql' || text.includes('CreateBadgeOrgMetaSuccess'));
  };
}

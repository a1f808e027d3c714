/**
 * `npm run bench:profile`: where the gateway's CPU goes under the benchmark's
 * load. Runs the gateway as `npm start` does (`node dist/src/main.js`), plus
 * `--cpu-prof`, in front of the benchmark's fixed-answer upstream (127.0.0.1 only),
 * loads it with autocannon (32 connections, 1 tag; PROFILE_SECONDS, 10 by default,
 * after 3 s of warm-up), stops it, and sums the profile's self time by package (by
 * the file each function is in) into bench/results/profile.md (BENCH_OUT: another
 * directory). The profiler itself costs a little throughput: use `npm run bench`
 * for figures, this for where they come from.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import autocannon from 'autocannon';
import { graphqlBody } from './payloads.js';
import { answersPost, basicFor, GATEWAY, resultsDir, spawnServer, startFixedUpstream } from './processes.js';

const SECONDS = Number(process.env.PROFILE_SECONDS ?? 10);
const AUTHORIZATION = basicFor(1);

interface CpuProfile {
  readonly nodes: ReadonlyArray<{
    readonly id: number;
    readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  }>;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const upstream = await startFixedUpstream();
const profiles = mkdtempSync(join(tmpdir(), 'gateway-profile-'));
const gateway = await spawnServer(
  GATEWAY.script,
  { NODE_ENV: 'production', CAPILLARY_BASE_URL: upstream.url, LOG_LEVEL: 'info' },
  answersPost('/graphql', graphqlBody(1), AUTHORIZATION),
  [...GATEWAY.nodeFlags, '--cpu-prof', `--cpu-prof-dir=${profiles}`],
);

function load(seconds: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${gateway.url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
        body: graphqlBody(1),
        connections: 32,
        duration: seconds,
      },
      (error, result) => {
        if (error === null) resolve(result);
        else reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

await load(3);
const result = await load(SECONDS);
await gateway.stop();
await upstream.stop();

const [file] = readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile'));
if (file === undefined) throw new Error('the gateway wrote no CPU profile');
const profile = JSON.parse(readFileSync(join(profiles, file), 'utf8')) as CpuProfile;
rmSync(profiles, { recursive: true, force: true });

/** The package (or the gateway's own module) a profiled file belongs to. */
function moduleOf(url: string): string {
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const inPackage = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (inPackage?.[1] !== undefined) return inPackage[1];
  const own = /\/dist\/((?:src|bench)\/.+)$/.exec(path);
  return own?.[1] ?? path;
}

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfMs = new Map<string, number>();
let totalMs = 0;
profile.samples.forEach((id, index) => {
  const frame = byId.get(id)?.callFrame;
  const ms = (profile.timeDeltas[index] ?? 0) / 1000;
  totalMs += ms;
  let where: string;
  if (frame === undefined) where = '(unknown)';
  else if (frame.url.startsWith('node:')) where = `Node.js ${frame.url.slice(5)}`;
  else if (frame.url.startsWith('wasm://')) where = 'llhttp (undici, WebAssembly)';
  else if (frame.url === '')
    where = frame.functionName.startsWith('(')
      ? frame.functionName
      : `native: ${frame.functionName || '(anonymous)'}`;
  else where = moduleOf(frame.url);
  selfMs.set(where, (selfMs.get(where) ?? 0) + ms);
});

const rows = [...selfMs].sort((a, b) => b[1] - a[1]).slice(0, 30);
const md = [
  '# Where the gateway’s CPU goes',
  '',
  `\`npm run bench:profile\` on ${new Date().toISOString()}: \`node ${[...GATEWAY.nodeFlags, '--cpu-prof', relative(process.cwd(), GATEWAY.script)].join(' ')}\`,`,
  `32 connections, 1 tag, ${SECONDS} s after 3 s of warm-up: ${Math.round(result.requests.average)} req/s`,
  `(under the profiler), ${Math.round(totalMs)} ms of samples. Self time by package or module; "writev" is`,
  'the kernel sending responses and upstream requests, "(idle)" the event loop waiting.',
  '',
  '| self ms | share | where |',
  '|---:|---:|---|',
  ...rows.map(([where, ms]) => `| ${ms.toFixed(0)} | ${((100 * ms) / totalMs).toFixed(1)} % | ${where} |`),
  '',
];
const out = resultsDir();
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'profile.md'), md.join('\n'));
console.log(md.join('\n'));

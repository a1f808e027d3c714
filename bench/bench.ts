/**
 * `npm run bench`: what the gateway costs, against two references measured in the
 * same run, in front of the same fixed-answer upstream (bench/upstream.ts), all on
 * 127.0.0.1:
 * - proxy: the floor, a bare pass-through proxy (bench/proxy.ts);
 * - plainApollo: Apollo Server 5 with one forwarding resolver and nothing else
 *   (bench/plainApollo.ts), answering the same document with the same bytes;
 * - gateway: exactly as `npm start` starts it (`node dist/src/main.js` with the
 *   start script's flags), NODE_ENV=production, logs at info, metrics, every limit.
 * One start of each warms the compile caches first. Then every round starts every
 * target afresh (start-up: spawn to the first 200 answer of a real POST), warms it,
 * loads the targets one after the other in an order that rotates each round, and
 * reads their RSS after the load. Ratios are taken within a round; bench/report.ts
 * gives their median and spread over the rounds, against the targets the gateway must
 * meet, in bench/results/latest.md and latest.json. About 5 minutes with the defaults:
 * BENCH_ROUNDS (5), BENCH_SECONDS (5, per target and load) and BENCH_OUT (bench/results/)
 * override them. A/B: BENCH_GATEWAY_B_ENV ('NAME=value …') and/or
 * BENCH_GATEWAY_B_FLAGS ('--v8-flag …') add gatewayB, the gateway with them, interleaved
 * with the others, and report gatewayB ÷ gateway: whether the lever earns ≥ 5 %.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { graphqlBody, restBody } from './payloads.js';
import {
  answersPost,
  basicFor,
  cpuMs,
  GATEWAY,
  post,
  resultsDir,
  rssBytes,
  spawnServer,
  startFixedUpstream,
  type ChildServer,
} from './processes.js';
import { report, type Measurement, type Start } from './report.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const WARMUP_SECONDS = Math.min(2, SECONDS);
const TAG_COUNTS = [1, 100] as const;
/** What each round measures of every target, in this order. */
const LOADS = [
  { tags: 1, connections: 32 },
  { tags: 1, connections: 1 },
  { tags: 100, connections: 32 },
] as const;
const AUTHORIZATION = basicFor(1);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

/** Whitespace-separated words of an environment variable. */
function words(name: string): string[] {
  return (process.env[name] ?? '').split(/\s+/).filter((word) => word !== '');
}

/** `NAME=value` words of an environment variable, as an environment. */
function assignments(name: string): Record<string, string> {
  return Object.fromEntries(
    words(name).map((word) => {
      const at = word.indexOf('=');
      if (at < 1) throw new Error(`${name}: "${word}" is not NAME=value`);
      return [word.slice(0, at), word.slice(at + 1)];
    }),
  );
}

const VARIANT = { env: assignments('BENCH_GATEWAY_B_ENV'), nodeFlags: words('BENCH_GATEWAY_B_FLAGS') };
const AB = Object.keys(VARIANT.env).length > 0 || VARIANT.nodeFlags.length > 0;

interface Target {
  readonly name: string;
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  readonly nodeFlags: readonly string[];
  readonly path: '/proxy' | '/graphql';
  readonly body: (tags: number) => string;
}

const upstream = await startFixedUpstream();
// The references get what the gateway's entry gives itself: Node's module compile cache, warm.
const compileCache = mkdtempSync(join(tmpdir(), 'bench-compile-cache-'));
const referenceEnv = { NODE_ENV: 'production', UPSTREAM_URL: upstream.url, NODE_COMPILE_CACHE: compileCache };
const gatewayEnv = { NODE_ENV: 'production', CAPILLARY_BASE_URL: upstream.url, LOG_LEVEL: 'info' };
const gatewayRun = { script: GATEWAY.script, path: '/graphql', body: graphqlBody } as const;

const TARGETS: readonly Target[] = [
  {
    name: 'proxy',
    script: here('./proxy.js'),
    env: referenceEnv,
    nodeFlags: [],
    path: '/proxy',
    body: restBody,
  },
  {
    name: 'plainApollo',
    script: here('./plainApollo.js'),
    env: referenceEnv,
    nodeFlags: [],
    path: '/graphql',
    body: graphqlBody,
  },
  { name: 'gateway', env: gatewayEnv, nodeFlags: GATEWAY.nodeFlags, ...gatewayRun },
  ...(AB
    ? [
        {
          name: 'gatewayB',
          env: { ...gatewayEnv, ...VARIANT.env },
          nodeFlags: [...GATEWAY.nodeFlags, ...VARIANT.nodeFlags],
          ...gatewayRun,
        },
      ]
    : []),
];

function start(target: Target): Promise<ChildServer> {
  return spawnServer(
    target.script,
    target.env,
    answersPost(target.path, target.body(1), AUTHORIZATION),
    target.nodeFlags,
  );
}

/** The exact answer a target gives `tags` tags: what every answer under load must equal. */
const expected = new Map<string, string>();
const expectedKey = (target: string, tags: number) => `${target} ${tags}`;

async function recordAnswers(target: Target, server: ChildServer): Promise<void> {
  for (const tags of TAG_COUNTS) {
    const { statusCode, text } = await post(`${server.url}${target.path}`, target.body(tags), AUTHORIZATION);
    if (statusCode !== 200) throw new Error(`${target.name} answered ${statusCode}: ${text.slice(0, 200)}`);
    expected.set(expectedKey(target.name, tags), text);
  }
}

/** The references are honest only if they answer the gateway's document with the gateway's bytes. */
function checkSameAnswers(): void {
  for (const target of TARGETS.filter((t) => t.path === '/graphql' && t.name !== 'gateway')) {
    for (const tags of TAG_COUNTS) {
      const theirs = expected.get(expectedKey(target.name, tags));
      const ours = expected.get(expectedKey('gateway', tags));
      if (theirs !== ours) {
        throw new Error(
          `${target.name} answers ${tags} tag(s) otherwise than the gateway:\n${theirs?.slice(0, 300)}\n${ours?.slice(0, 300)}`,
        );
      }
    }
  }
}

async function load(
  target: Target,
  server: ChildServer,
  tags: number,
  connections: number,
  seconds: number,
  round: number,
): Promise<Measurement> {
  const pid = server.process.pid ?? 0;
  const times: number[] = [];
  let unexpected = 0;
  const cpuBefore = cpuMs(pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.url}${target.path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
        body: target.body(tags),
        connections,
        duration: seconds,
        expectBody: expected.get(expectedKey(target.name, tags)) ?? '',
      },
      (error, finished) => {
        if (error === null) resolve(finished);
        else reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) times.push(responseTime);
      else unexpected++;
    });
  });
  const cpuUsed = cpuMs(pid) - cpuBefore;
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN;
  return {
    target: target.name,
    tags,
    connections,
    round,
    requestsPerSecond: times.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    cpuMsPerRequest: cpuUsed / Math.max(1, times.length),
    responses: times.length,
    unexpected: unexpected + result.mismatches + result.errors,
  };
}

function logged(m: Measurement): Measurement {
  console.error(
    `round ${m.round} ${m.target.padEnd(11)} tags=${String(m.tags).padStart(3)} conns=${String(m.connections).padStart(2)}: ` +
      `${m.requestsPerSecond.toFixed(0)} req/s, p50 ${m.p50Ms.toFixed(3)} ms, p99 ${m.p99Ms.toFixed(3)} ms, ` +
      `CPU ${m.cpuMsPerRequest.toFixed(3)} ms/req${m.unexpected > 0 ? `, ${m.unexpected} UNEXPECTED` : ''}`,
  );
  return m;
}

/** One round: every target started afresh, warmed, loaded in turn (`order`), its RSS read. */
async function runRound(round: number, order: readonly Target[]): Promise<void> {
  const servers: Array<{ target: Target; server: ChildServer }> = [];
  for (const target of order) servers.push({ target, server: await start(target) });
  for (const { target, server } of servers) {
    for (const tags of TAG_COUNTS) await load(target, server, tags, 32, WARMUP_SECONDS, round);
  }
  for (const { tags, connections } of LOADS) {
    for (const { target, server } of servers) {
      measurements.push(logged(await load(target, server, tags, connections, SECONDS, round)));
    }
  }
  for (const { target, server } of servers) {
    starts.push({
      target: target.name,
      round,
      startupMs: server.startupMs,
      rssAfterLoadMiB: rssBytes(server.process.pid ?? 0) / 2 ** 20,
    });
  }
  await Promise.all(servers.map(({ server }) => server.stop()));
}

const measurements: Measurement[] = [];
const starts: Start[] = [];
for (const target of TARGETS) {
  const server = await start(target);
  await recordAnswers(target, server);
  await server.stop();
}
checkSameAnswers();
for (let round = 1; round <= ROUNDS; round++) {
  const turn = (round - 1) % TARGETS.length;
  await runRound(round, [...TARGETS.slice(turn), ...TARGETS.slice(0, turn)]);
}
await upstream.stop();
rmSync(compileCache, { recursive: true, force: true });

const commandOf = (target: Target) =>
  ['node', ...target.nodeFlags, relative(process.cwd(), target.script)].join(' ');
const { json, md } = report({
  date: new Date().toISOString(),
  rounds: ROUNDS,
  seconds: SECONDS,
  warmupSeconds: WARMUP_SECONDS,
  loads: LOADS,
  targets: TARGETS.map((t) => ({ name: t.name, command: commandOf(t), env: t.env })),
  variant: AB ? VARIANT : null,
  measurements,
  starts,
});
const out = resultsDir();
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
writeFileSync(join(out, 'latest.md'), md);
console.log(md);
if (measurements.some((m) => m.unexpected > 0)) process.exitCode = 1;

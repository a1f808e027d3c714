/**
 * `npm run bench`: what the gateway costs on top of the upstream call, measured
 * against a bare pass-through proxy through the same undici pool settings.
 * Everything runs on 127.0.0.1: a fixed-answer upstream, the proxy, and the
 * gateway exactly as in production (NODE_ENV=production, logs at info, metrics,
 * every limit). Rounds interleave proxy and gateway so that noise hits both.
 * BENCH_SECONDS (10), BENCH_ROUNDS (3) and GRAPHQL_EXECUTOR (jit) override the defaults.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { request } from 'undici';
import { graphqlBody, restBody } from './payloads.js';
import {
  answersPost,
  basicFor,
  cpuMs,
  GATEWAY,
  rssBytes,
  spawnServer,
  startFixedUpstream,
  type ChildServer,
} from './processes.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
/** The gateway's GRAPHQL_EXECUTOR, `jit` as in production by default. */
const EXECUTOR = process.env.GRAPHQL_EXECUTOR ?? 'jit';
const TAG_COUNTS = [1, 100] as const;
const CONNECTIONS = [32, 1] as const;
const AUTHORIZATION = basicFor(1);
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

type Target = 'proxy' | 'gateway';

interface Measurement {
  readonly target: Target;
  readonly tags: number;
  readonly connections: number;
  readonly round: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMsPerRequest: number;
  readonly rssMiB: number;
  readonly responses: number;
  readonly unexpected: number;
}

const upstream = await startFixedUpstream();

const servers: Record<Target, ChildServer> = {
  proxy: await spawnServer(
    here('./proxy.js'),
    { UPSTREAM_URL: upstream.url },
    answersPost('/proxy', restBody(1), AUTHORIZATION),
  ),
  gateway: await spawnServer(
    GATEWAY.script,
    {
      NODE_ENV: 'production',
      CAPILLARY_BASE_URL: upstream.url,
      LOG_LEVEL: 'info',
      GRAPHQL_EXECUTOR: EXECUTOR,
    },
    answersPost('/graphql', graphqlBody(1), AUTHORIZATION),
    GATEWAY.nodeFlags,
  ),
};

function requestFor(target: Target, tags: number) {
  return target === 'proxy'
    ? { path: '/proxy', body: restBody(tags) }
    : { path: '/graphql', body: graphqlBody(tags) };
}

async function expectedBody(target: Target, tags: number): Promise<string> {
  const { path, body } = requestFor(target, tags);
  const response = await request(`${servers[target].url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
    body,
  });
  const text = await response.body.text();
  if (response.statusCode !== 200 || (target === 'gateway' && !text.includes('CreateBadgeOrgMetaSuccess'))) {
    throw new Error(`${target} did not succeed: ${response.statusCode} ${text.slice(0, 200)}`);
  }
  return text;
}

async function load(
  target: Target,
  tags: number,
  connections: number,
  seconds: number,
  round: number,
): Promise<Measurement> {
  const server = servers[target];
  const pid = server.process.pid ?? 0;
  const { path, body } = requestFor(target, tags);
  const expected = await expectedBody(target, tags);
  const times: number[] = [];
  let unexpected = 0;
  const cpuBefore = cpuMs(pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${server.url}${path}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: AUTHORIZATION },
        body,
        connections,
        duration: seconds,
        expectBody: expected,
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
    target,
    tags,
    connections,
    round,
    requestsPerSecond: times.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    cpuMsPerRequest: cpuUsed / Math.max(1, times.length),
    rssMiB: rssBytes(pid) / 1024 / 1024,
    responses: times.length,
    unexpected: unexpected + result.mismatches + result.errors,
  };
}

const measurements: Measurement[] = [];
for (const tags of TAG_COUNTS) {
  for (const target of ['proxy', 'gateway'] as const) await load(target, tags, 32, Math.min(3, SECONDS), 0);
  for (const connections of CONNECTIONS) {
    for (let round = 1; round <= ROUNDS; round++) {
      for (const target of ['proxy', 'gateway'] as const) {
        const measured = await load(target, tags, connections, SECONDS, round);
        measurements.push(measured);
        console.error(
          `${target.padEnd(7)} tags=${String(tags).padStart(3)} conns=${String(connections).padStart(2)} round ${round}: ` +
            `${measured.requestsPerSecond.toFixed(0)} req/s, p50 ${measured.p50Ms.toFixed(3)} ms, ` +
            `p99 ${measured.p99Ms.toFixed(3)} ms, CPU ${measured.cpuMsPerRequest.toFixed(3)} ms/req`,
        );
      }
    }
  }
}

const startup = { proxyMs: servers.proxy.startupMs, gatewayMs: servers.gateway.startupMs };
const rssAfterLoadMiB = {
  proxy: rssBytes(servers.proxy.process.pid ?? 0) / 2 ** 20,
  gateway: rssBytes(servers.gateway.process.pid ?? 0) / 2 ** 20,
};
await Promise.all([servers.gateway.stop(), servers.proxy.stop(), upstream.stop()]);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

interface Comparison {
  readonly tags: number;
  readonly connections: number;
  readonly round: number;
  readonly throughputRatio: number;
  readonly cpuRatio: number;
  readonly p50DeltaMs: number;
  readonly p99DeltaMs: number;
}

const comparisons: Comparison[] = [];
for (const measured of measurements.filter((m) => m.target === 'gateway')) {
  const proxy = measurements.find(
    (m) =>
      m.target === 'proxy' &&
      m.tags === measured.tags &&
      m.connections === measured.connections &&
      m.round === measured.round,
  );
  if (proxy === undefined) continue;
  comparisons.push({
    tags: measured.tags,
    connections: measured.connections,
    round: measured.round,
    throughputRatio: measured.requestsPerSecond / proxy.requestsPerSecond,
    cpuRatio: measured.cpuMsPerRequest / proxy.cpuMsPerRequest,
    p50DeltaMs: measured.p50Ms - proxy.p50Ms,
    p99DeltaMs: measured.p99Ms - proxy.p99Ms,
  });
}

const summaries = TAG_COUNTS.flatMap((tags) =>
  CONNECTIONS.map((connections) => {
    const rows = comparisons.filter((c) => c.tags === tags && c.connections === connections);
    const gateway = measurements.filter(
      (m) => m.target === 'gateway' && m.tags === tags && m.connections === connections,
    );
    return {
      tags,
      connections,
      medianThroughputRatio: median(rows.map((c) => c.throughputRatio)),
      medianCpuRatio: median(rows.map((c) => c.cpuRatio)),
      medianP50DeltaMs: median(rows.map((c) => c.p50DeltaMs)),
      medianGatewayCpuMsPerRequest: median(gateway.map((m) => m.cpuMsPerRequest)),
    };
  }),
);
const cpuOf = (tags: number) =>
  summaries.find((s) => s.tags === tags && s.connections === 32)?.medianGatewayCpuMsPerRequest ?? Number.NaN;
const tagCostGrowth = cpuOf(100) / cpuOf(1);

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  note: 'shared, noisy 2-core machine; autocannon, the upstream and the measured process share the cores. Only ratios within one run count.',
};
const results = {
  date: new Date().toISOString(),
  command: 'npm run bench',
  seconds: SECONDS,
  rounds: ROUNDS,
  graphqlExecutor: EXECUTOR,
  gatewayCommand: ['node', ...GATEWAY.nodeFlags, relative(process.cwd(), GATEWAY.script)].join(' '),
  machine,
  startup,
  rssAfterLoadMiB,
  tagCostGrowth,
  summaries,
  comparisons,
  measurements,
};

const f = (value: number, digits = 2) => value.toFixed(digits);
const md = [
  `# Benchmark results`,
  '',
  `\`npm run bench\` on ${results.date}: ${SECONDS} s per measurement, ${ROUNDS} interleaved rounds (proxy, gateway, …), GRAPHQL_EXECUTOR=${EXECUTOR}.`,
  `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node.js ${machine.node}; ${machine.note}`,
  `Gateway started as \`npm start\` starts it: \`${results.gatewayCommand}\`.`,
  '',
  '## Per measurement',
  '',
  '| target | tags | connections | round | req/s | p50 ms | p99 ms | CPU ms/req | RSS MiB | unexpected |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...measurements.map(
    (m) =>
      `| ${m.target} | ${m.tags} | ${m.connections} | ${m.round} | ${f(m.requestsPerSecond, 0)} | ${f(m.p50Ms, 3)} | ${f(m.p99Ms, 3)} | ${f(m.cpuMsPerRequest, 3)} | ${f(m.rssMiB, 1)} | ${m.unexpected} |`,
  ),
  '',
  '## Gateway ÷ proxy, per round',
  '',
  '| tags | connections | round | throughput ratio | CPU ratio | p50 − proxy (ms) | p99 − proxy (ms) |',
  '|---:|---:|---:|---:|---:|---:|---:|',
  ...comparisons.map(
    (c) =>
      `| ${c.tags} | ${c.connections} | ${c.round} | ${f(c.throughputRatio)} | ${f(c.cpuRatio)} | ${f(c.p50DeltaMs, 3)} | ${f(c.p99DeltaMs, 3)} |`,
  ),
  '',
  '## Medians',
  '',
  '| tags | connections | throughput ratio | CPU ratio | p50 − proxy (ms) | gateway CPU ms/req |',
  '|---:|---:|---:|---:|---:|---:|',
  ...summaries.map(
    (s) =>
      `| ${s.tags} | ${s.connections} | ${f(s.medianThroughputRatio)} | ${f(s.medianCpuRatio)} | ${f(s.medianP50DeltaMs, 3)} | ${f(s.medianGatewayCpuMsPerRequest, 3)} |`,
  ),
  '',
  `- Start-up to first successful answer: gateway ${f(startup.gatewayMs, 0)} ms, proxy ${f(startup.proxyMs, 0)} ms.`,
  `- RSS after the load: gateway ${f(rssAfterLoadMiB.gateway, 1)} MiB, proxy ${f(rssAfterLoadMiB.proxy, 1)} MiB.`,
  `- CPU per request with 100 tags ÷ with 1 tag (gateway, 32 connections): ${f(tagCostGrowth)}×.`,
  '',
].join('\n');

const out = fileURLToPath(new URL('../../bench/results/', import.meta.url));
mkdirSync(out, { recursive: true });
writeFileSync(`${out}latest.json`, `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(`${out}latest.md`, md);
console.log(md);

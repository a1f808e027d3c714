/**
 * The benchmark's figures (bench.ts measures, this reckons): each metric per target
 * and round, its ratios within a round, their median and spread over the rounds,
 * the targets the gateway must meet and, in A/B mode, gatewayB ÷ gateway. Returns
 * them as JSON and as the Markdown of bench/results/latest.md.
 */
import { cpus, totalmem } from 'node:os';

export interface Measurement {
  readonly target: string;
  readonly tags: number;
  readonly connections: number;
  readonly round: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly cpuMsPerRequest: number;
  readonly responses: number;
  readonly unexpected: number;
}

/** One start of a target: spawn to its first answer, and its RSS once the round's load is over. */
export interface Start {
  readonly target: string;
  readonly round: number;
  readonly startupMs: number;
  readonly rssAfterLoadMiB: number;
}

export interface Run {
  readonly date: string;
  readonly rounds: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly loads: ReadonlyArray<{ readonly tags: number; readonly connections: number }>;
  /** proxy, plainApollo, gateway and, in A/B mode, gatewayB: the report's columns, in this order. */
  readonly targets: ReadonlyArray<{
    readonly name: string;
    readonly command: string;
    readonly env: Readonly<Record<string, string>>;
  }>;
  /** What gatewayB adds to the gateway; null: no A/B. */
  readonly variant: {
    readonly env: Readonly<Record<string, string>>;
    readonly nodeFlags: readonly string[];
  } | null;
  readonly measurements: readonly Measurement[];
  readonly starts: readonly Start[];
}

interface Metric {
  readonly key: string;
  readonly title: string;
  readonly digits: number;
  readonly better: 'lower' | 'higher';
  readonly value: (run: Run, target: string, round: number) => number;
}

function cpuAt(run: Run, target: string, round: number, tags: number): number {
  return (
    run.measurements.find(
      (m) => m.target === target && m.round === round && m.tags === tags && m.connections === 32,
    )?.cpuMsPerRequest ?? Number.NaN
  );
}

function loadAt(run: Run, target: string, round: number, connections: number): Measurement | undefined {
  return run.measurements.find(
    (m) => m.target === target && m.round === round && m.tags === 1 && m.connections === connections,
  );
}

function startAt(run: Run, target: string, round: number): Start | undefined {
  return run.starts.find((s) => s.target === target && s.round === round);
}

const METRIC = {
  cpu: {
    key: 'cpu',
    title: 'CPU per forwarded mutation, ms (1 tag, 32 connections)',
    digits: 3,
    better: 'lower',
    value: (run, t, r) => cpuAt(run, t, r, 1),
  },
  throughput: {
    key: 'throughput',
    title: 'Throughput at 32 connections, req/s (1 tag)',
    digits: 0,
    better: 'higher',
    value: (run, t, r) => loadAt(run, t, r, 32)?.requestsPerSecond ?? Number.NaN,
  },
  p50: {
    key: 'p50',
    title: 'p50 latency at 1 connection, ms (1 tag)',
    digits: 3,
    better: 'lower',
    value: (run, t, r) => loadAt(run, t, r, 1)?.p50Ms ?? Number.NaN,
  },
  startup: {
    key: 'startup',
    title: 'Start-up to the first answer of a real POST, ms (compile cache warm)',
    digits: 0,
    better: 'lower',
    value: (run, t, r) => startAt(run, t, r)?.startupMs ?? Number.NaN,
  },
  rss: {
    key: 'rss',
    title: 'RSS after the load, MiB',
    digits: 1,
    better: 'lower',
    value: (run, t, r) => startAt(run, t, r)?.rssAfterLoadMiB ?? Number.NaN,
  },
  tagCost: {
    key: 'tagCost',
    title: 'CPU per request with 100 tags ÷ with 1 tag (32 connections)',
    digits: 2,
    better: 'lower',
    value: (run, t, r) => cpuAt(run, t, r, 100) / cpuAt(run, t, r, 1),
  },
} satisfies Record<string, Metric>;
const METRICS: readonly Metric[] = Object.values(METRIC);

interface Goal {
  readonly text: string;
  readonly metric: Metric;
  /** The reference the gateway's value is divided by; null: the gateway's own value. */
  readonly versus: string | null;
  readonly comparison: '≤' | '≥' | '<';
  readonly bound: number;
}

const GOALS: readonly Goal[] = [
  {
    text: 'gateway CPU per forwarded mutation ≤ 0.85 × plainApollo',
    metric: METRIC.cpu,
    versus: 'plainApollo',
    comparison: '≤',
    bound: 0.85,
  },
  {
    text: 'gateway throughput at 32 connections ≥ 1.15 × plainApollo',
    metric: METRIC.throughput,
    versus: 'plainApollo',
    comparison: '≥',
    bound: 1.15,
  },
  {
    text: 'gateway p50 at 1 connection ≤ plainApollo',
    metric: METRIC.p50,
    versus: 'plainApollo',
    comparison: '≤',
    bound: 1,
  },
  {
    text: 'gateway start-up ≤ plainApollo',
    metric: METRIC.startup,
    versus: 'plainApollo',
    comparison: '≤',
    bound: 1,
  },
  {
    text: 'gateway RSS after the load ≤ plainApollo',
    metric: METRIC.rss,
    versus: 'plainApollo',
    comparison: '≤',
    bound: 1,
  },
  {
    text: 'gateway CPU, 100 tags < 3 × 1 tag',
    metric: METRIC.tagCost,
    versus: null,
    comparison: '<',
    bound: 3,
  },
];

/** The share by which an A/B variant must do better to earn its place. */
const LEVER_GAIN = 0.05;

interface Spread {
  readonly perRound: number[];
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

function spread(perRound: number[]): Spread {
  const sorted = [...perRound].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] ?? Number.NaN)
      : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
  return { perRound, median, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

const roundNumbers = (run: Run) => Array.from({ length: run.rounds }, (_, index) => index + 1);
const valuesOf = (run: Run, metric: Metric, target: string) =>
  spread(roundNumbers(run).map((r) => metric.value(run, target, r)));
const ratiosOf = (run: Run, metric: Metric, target: string, versus: string) =>
  spread(roundNumbers(run).map((r) => metric.value(run, target, r) / metric.value(run, versus, r)));

/** The ratios every metric is shown with: of the gateway to each reference, of the variant to the gateway. */
function pairsOf(run: Run): ReadonlyArray<readonly [string, string]> {
  return [
    ['gateway', 'plainApollo'],
    ['gateway', 'proxy'],
    ...(run.variant === null ? [] : [['gatewayB', 'gateway'] as const]),
  ];
}

function meets(goal: Pick<Goal, 'comparison' | 'bound'>, value: number): boolean {
  if (goal.comparison === '≤') return value <= goal.bound;
  if (goal.comparison === '≥') return value >= goal.bound;
  return value < goal.bound;
}

function goalsOf(run: Run) {
  return GOALS.map(({ metric, ...goal }) => {
    const figures =
      goal.versus === null ? valuesOf(run, metric, 'gateway') : ratiosOf(run, metric, 'gateway', goal.versus);
    return {
      ...goal,
      metric: metric.key,
      ...figures,
      roundsMet: figures.perRound.filter((value) => meets(goal, value)).length,
      met: meets(goal, figures.median),
    };
  });
}

/** gatewayB ÷ gateway per metric: the lever earns its place when the median is better by LEVER_GAIN. */
function abOf(run: Run) {
  if (run.variant === null) return [];
  return METRICS.map((metric) => {
    const figures = ratiosOf(run, metric, 'gatewayB', 'gateway');
    const better = (ratio: number) =>
      metric.better === 'lower' ? ratio <= 1 - LEVER_GAIN : ratio >= 1 + LEVER_GAIN;
    return {
      metric: metric.key,
      title: metric.title,
      better: metric.better,
      ...figures,
      roundsEarning: figures.perRound.filter(better).length,
      earns: better(figures.median),
    };
  });
}

const machine = () => ({
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  note: 'autocannon, the upstream and the measured processes share the cores. Only ratios within one run count.',
});

// ---- Markdown.

const f = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const range = (s: Spread, digits = 2) => `${f(s.min, digits)}–${f(s.max, digits)}`;
const yes = (value: boolean) => (value ? 'yes' : '**no**');
const row = (cells: ReadonlyArray<string | number>) => `| ${cells.join(' | ')} |`;
/** A table's header; `textColumns` are left-aligned, the others (figures) right-aligned. */
const header = (cells: readonly string[], textColumns: readonly number[] = [0]) => [
  row(cells),
  row(cells.map((_, index) => (textColumns.includes(index) ? '---' : '---:'))),
];
const assignments = (env: Readonly<Record<string, string>>) =>
  Object.entries(env).map(([name, value]) => `${name}=${value}`);
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

function metricTable(run: Run, metric: Metric): string[] {
  const pairs = pairsOf(run);
  const values = run.targets.map((t) => valuesOf(run, metric, t.name));
  const ratios = pairs.map(([a, b]) => ratiosOf(run, metric, a, b));
  const line = (label: string | number, pick: (s: Spread, digits: number) => string) =>
    row([label, ...values.map((s) => pick(s, metric.digits)), ...ratios.map((s) => pick(s, 2))]);
  return [
    `### ${metric.title}`,
    '',
    ...header(['round', ...run.targets.map((t) => t.name), ...pairs.map(([a, b]) => `${a} ÷ ${b}`)]),
    ...roundNumbers(run).map((round, index) =>
      line(round, (s, digits) => f(s.perRound[index] ?? Number.NaN, digits)),
    ),
    line('median', (s, digits) => f(s.median, digits)),
    line('min–max', range),
    '',
  ];
}

function targetList(run: Run): string[] {
  const about: Readonly<Record<string, string>> = {
    proxy: "a bare pass-through with the gateway's undici pool settings.",
    plainApollo:
      "Apollo Server 5 (`startStandaloneServer`, the gateway's SDL, graphql-js) with one resolver forwarding the mutation through undici; no validation, logs, metrics or limits. Same request document, same answer bytes as the gateway (checked).",
    gateway: 'as `npm start` starts it: NODE_ENV=production, LOG_LEVEL=info, metrics and every limit on.',
    gatewayB: `the gateway with ${[...assignments(run.variant?.env ?? {}), ...(run.variant?.nodeFlags ?? [])].join(' ')}: the A/B variant.`,
  };
  return run.targets.map((t) => `- ${t.name}: \`${t.command}\`, ${about[t.name] ?? ''}`);
}

function abSection(run: Run, ab: ReturnType<typeof abOf>): string[] {
  if (run.variant === null) return [];
  const gain = LEVER_GAIN * 100;
  return [
    '## A/B: gatewayB ÷ gateway',
    '',
    `gatewayB is the gateway with \`${[...assignments(run.variant.env), ...run.variant.nodeFlags].join(' ')}\`. ` +
      `A lever earns its place when the median is at least ${gain} % better.`,
    '',
    ...header(
      ['metric', 'better', 'median', 'min–max', `rounds ≥ ${gain} % better`, `earns ≥ ${gain} %`],
      [0, 1, 5],
    ),
    ...ab.map((c) =>
      row([c.title, c.better, f(c.median), range(c), `${c.roundsEarning}/${run.rounds}`, yes(c.earns)]),
    ),
    '',
  ];
}

function measurementTable(run: Run): string[] {
  return [
    ...header([
      'target',
      'tags',
      'connections',
      'round',
      'req/s',
      'p50 ms',
      'p99 ms',
      'CPU ms/req',
      'unexpected',
    ]),
    ...run.measurements.map((m) =>
      row([
        m.target,
        m.tags,
        m.connections,
        m.round,
        f(m.requestsPerSecond, 0),
        f(m.p50Ms, 3),
        f(m.p99Ms, 3),
        f(m.cpuMsPerRequest, 3),
        m.unexpected,
      ]),
    ),
  ];
}

/** The run's figures as JSON (bench/results/latest.json) and as Markdown (latest.md). */
export function report(run: Run): { json: unknown; md: string } {
  const goals = goalsOf(run);
  const ab = abOf(run);
  const where = machine();
  const metrics = Object.fromEntries(
    METRICS.map((metric) => [
      metric.key,
      {
        title: metric.title,
        values: Object.fromEntries(run.targets.map((t) => [t.name, valuesOf(run, metric, t.name)])),
        ratios: Object.fromEntries(pairsOf(run).map(([a, b]) => [`${a}/${b}`, ratiosOf(run, metric, a, b)])),
      },
    ]),
  );
  const { measurements, starts, ...settings } = run;
  const json = {
    command: 'npm run bench',
    ...settings,
    machine: where,
    goals,
    ab,
    metrics,
    starts,
    measurements,
  };

  const loads = run.loads.map((l) => `${plural(l.tags, 'tag')} at ${plural(l.connections, 'connection')}`);
  const md = [
    '# Benchmark results',
    '',
    `\`npm run bench\` on ${run.date}: ${run.rounds} rounds. Each round starts every target afresh, warms it ` +
      `(${run.warmupSeconds} s with 1 tag, ${run.warmupSeconds} s with 100 tags, 32 connections), then loads it ` +
      `for ${run.seconds} s per load (${loads.join(', ')}), the targets taking turns in an order that rotates ` +
      'each round. Ratios are taken within a round.',
    `Machine: ${where.cpu}, ${where.cores} cores, ${where.memoryGiB} GiB, Node.js ${where.node}; ${where.note}`,
    '',
    'All in front of the same fixed-answer upstream on 127.0.0.1:',
    '',
    ...targetList(run),
    '',
    'Every target starts with a warm compile cache (one start of each before the first round).',
    '',
    '## Against the targets',
    '',
    ...header(['target', 'median', 'min–max', 'rounds meeting it', 'met'], [0, 4]),
    ...goals.map((goal) =>
      row([goal.text, f(goal.median), range(goal), `${goal.roundsMet}/${run.rounds}`, yes(goal.met)]),
    ),
    '',
    ...abSection(run, ab),
    '## Per round',
    '',
    ...METRICS.flatMap((metric) => metricTable(run, metric)),
    '## Per measurement',
    '',
    ...measurementTable(run),
    '',
  ].join('\n');
  return { json, md };
}

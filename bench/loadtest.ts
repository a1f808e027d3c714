/**
 * `npm run loadtest`: autocannon against the gateway (a child process, as in
 * production) in front of the embedded emulator, on 127.0.0.1 only. Two phases,
 * each counted against the emulator afterwards (nothing lost, nothing doubled):
 *  1. every request creates the org meta of a new org with a new user: the org
 *     metas stored must equal the successes;
 *  2. concurrent earns of one badge by many customers, every tenth request
 *     repeating the idempotency key of the one before: the earns recorded must
 *     equal `BadgeEarned`, which must equal the keys sent for the first time,
 *     and every repeat be answered `DuplicateBadgesRequest`.
 * LOADTEST_SECONDS and LOADTEST_CONNECTIONS override 30 s (per phase) and 64 connections.
 */
import autocannon from 'autocannon';
import { request } from 'undici';
import { startEmulator } from '../src/emulator/emulator.js';
import { basicFor, GATEWAY, mib, rssBytes, spawnServer } from './processes.js';

const seconds = Number(process.env.LOADTEST_SECONDS ?? 30);
const connections = Number(process.env.LOADTEST_CONNECTIONS ?? 64);

const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
const gateway = await spawnServer(
  GATEWAY.script,
  { NODE_ENV: 'production', CAPILLARY_BASE_URL: emulator.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  async (url) => (await request(`${url}/health`)).statusCode === 200,
  GATEWAY.nodeFlags,
);
const pid = gateway.process.pid ?? 0;

/** One phase: what each request sends, which member is a success, and what the emulator stored. */
interface Phase {
  readonly name: string;
  /** The GraphQL field, and where its member sits (`outcome` of a keyed write). */
  readonly field: string;
  readonly keyed: boolean;
  readonly success: string;
  /** Members that are expected besides the success (a repeated key's `DuplicateBadgesRequest`). */
  readonly expected: readonly string[];
  /** Request `n`; `key` names what it writes: a key sent again must not write again. */
  readonly body: (n: number) => {
    readonly authorization: string;
    readonly query: string;
    readonly variables: unknown;
    readonly key: string;
  };
  readonly stored: () => number;
}

interface Counts {
  responses: number;
  non2xx: number;
  graphqlErrors: number;
  successes: number;
  members: Map<string, number>;
}

/** The keys sent so far, and what the measured run's requests should come to. */
interface Keys {
  readonly sent: Set<string>;
  measuring: boolean;
  fresh: number;
  repeated: number;
}

function setupRequest(phase: Phase, next: () => number, keys: Keys) {
  return (req: autocannon.Request): autocannon.Request => {
    const { authorization, query, variables, key } = phase.body(next());
    if (keys.measuring) {
      if (keys.sent.has(key)) keys.repeated++;
      else keys.fresh++;
    }
    keys.sent.add(key);
    return {
      ...req,
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    };
  };
}

function count(phase: Phase, counts: Counts) {
  return (status: number, body: string) => {
    counts.responses++;
    if (status < 200 || status >= 300) counts.non2xx++;
    let parsed: {
      data?: Record<string, { __typename?: string; outcome?: { __typename?: string } }>;
      errors?: unknown[];
    } = {};
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      counts.graphqlErrors++;
      return;
    }
    if (parsed.errors !== undefined) counts.graphqlErrors++;
    const result = parsed.data?.[phase.field];
    const typename = phase.keyed ? result?.outcome?.__typename : result?.__typename;
    if (typename === phase.success) counts.successes++;
    else if (typename !== undefined) counts.members.set(typename, (counts.members.get(typename) ?? 0) + 1);
  };
}

async function run(phase: Phase): Promise<{ lines: string[]; ok: boolean }> {
  let n = 0;
  const next = () => ++n;
  const keys: Keys = { sent: new Set(), measuring: false, fresh: 0, repeated: 0 };
  const rssBefore = rssBytes(pid);
  // Warm-up, which also measures the rate: a duration-bound run drops what is in
  // flight when it ends, so the measured run is bound by a request count instead,
  // sized to last about `seconds`, and every one of its requests is answered.
  const burst = (duration: number) =>
    autocannon({
      url: `${gateway.url}/graphql`,
      connections,
      duration,
      requests: [{ method: 'POST', setupRequest: setupRequest(phase, next, keys) }],
    });
  // The first burst warms the JIT up; the second, on a warm process, measures the rate.
  await burst(Math.min(5, seconds));
  const warmup = await burst(Math.min(3, seconds));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const storedBefore = phase.stored();
  const perConnection = Math.max(1, Math.round((warmup.requests.average * seconds) / connections));
  const amount = perConnection * connections;
  const counts: Counts = { responses: 0, non2xx: 0, graphqlErrors: 0, successes: 0, members: new Map() };
  const startedAt = performance.now();
  keys.measuring = true;
  const summary = await autocannon({
    url: `${gateway.url}/graphql`,
    connections,
    maxConnectionRequests: perConnection,
    // A safety stop only: the run ends when every connection has had all its answers.
    duration: seconds * 10,
    requests: [
      { method: 'POST', setupRequest: setupRequest(phase, next, keys), onResponse: count(phase, counts) },
    ],
  });
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const stored = phase.stored() - storedBefore;
  const unexpected = [...counts.members.keys()].filter((member) => !phase.expected.includes(member));
  const answered = counts.successes + [...counts.members.values()].reduce((sum, value) => sum + value, 0);
  const lines = [
    `${phase.name}: ${connections} connections, ${amount} requests in ${elapsedSeconds.toFixed(1)} s (after ${Math.min(5, seconds) + Math.min(3, seconds)} s of warm-up and calibration) against ${gateway.url}, NODE_ENV=production`,
    `  requests sent (autocannon):      ${summary.requests.total}`,
    `  responses read:                  ${counts.responses} (${answered} with a member)`,
    `  non-2xx responses:               ${counts.non2xx}`,
    `  responses with GraphQL errors:   ${counts.graphqlErrors}`,
    `  ${`${phase.success}:`.padEnd(32)} ${counts.successes}`,
    `  other union members:             ${JSON.stringify(Object.fromEntries(counts.members))}`,
    `  transport errors / timeouts:     ${summary.errors} / ${summary.timeouts}`,
    `  recorded upstream by the run:    ${stored} (${stored === counts.successes ? 'equals' : 'DIFFERS FROM'} the successes)`,
    `  keys sent for the first time:    ${keys.fresh} (${keys.fresh === counts.successes ? 'equals' : 'DIFFERS FROM'} the successes); sent again: ${keys.repeated}`,
    `  throughput:                      ${summary.requests.average.toFixed(0)} req/s, latency p50 ${summary.latency.p50} ms, p99 ${summary.latency.p99} ms`,
    `  gateway RSS before / after:      ${mib(rssBefore)} / ${mib(rssBytes(pid))}`,
  ];
  // A repeated key must not write again: successes are exactly the fresh keys, the rest the expected members.
  const ok =
    stored === counts.successes &&
    keys.fresh === counts.successes &&
    keys.repeated === answered - counts.successes &&
    answered === counts.responses &&
    unexpected.length === 0 &&
    counts.non2xx === 0 &&
    counts.graphqlErrors === 0;
  return { lines, ok };
}

const orgMetas: Phase = {
  name: 'org metas',
  field: 'createBadgeOrgMeta',
  keyed: false,
  success: 'CreateBadgeOrgMetaSuccess',
  expected: [],
  body: (n) => ({
    authorization: basicFor(n),
    query:
      'mutation($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) { __typename ... on BadgesError { message } } }',
    variables: { input: { orgId: n, tags: [{ key: 'Category', dataType: 'string' }] } },
    key: String(n),
  }),
  stored: () => emulator.orgMetaCount(),
};

/** A live badge, claimed by Loyalty "load", defined through the gateway with the earns' credentials. */
async function liveBadge(authorization: string): Promise<string> {
  const graphql = async (query: string, variables: unknown) => {
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.body.json()) as {
      data: Record<string, { badge?: { id: string }; __typename: string }>;
    };
  };
  const created = await graphql(
    'mutation($input: CreateBadgeInput!) { createBadge(input: $input) { __typename ... on CreateBadgeSuccess { badge { id } } } }',
    {
      input: {
        name: 'Load badge',
        startOn: new Date(Date.now() - 86_400_000).toISOString(),
        expiresOn: new Date(Date.now() + 86_400_000).toISOString(),
        earnType: 'EARN',
        historical: true,
        earnedBadgeExpiry: { expiryType: 'NEVER' },
        ownership: { restrictedToOwners: ['Loyalty'] },
      },
    },
  );
  const id = created.data.createBadge?.badge?.id;
  if (id === undefined) throw new Error(`the load badge was not created: ${JSON.stringify(created)}`);
  const claimed = await graphql(
    'mutation($input: ClaimBadgeInput!) { claimBadge(input: $input) { __typename } }',
    {
      input: { badgeId: id, ownerType: 'Loyalty', referenceId: 'load' },
    },
  );
  if (claimed.data.claimBadge?.__typename !== 'ClaimBadgeSuccess')
    throw new Error('the load badge was not claimed');
  return id;
}

const earnAuthorization = basicFor(0);
const badgeId = await liveBadge(earnAuthorization);
const earns: Phase = {
  name: 'concurrent earns',
  field: 'earnBadge',
  keyed: true,
  success: 'BadgeEarned',
  expected: ['DuplicateBadgesRequest'],
  body: (n) => {
    // Every tenth request repeats the customer and key of the one before (in flight at the same time, or not).
    const customer = n % 10 === 0 ? n - 1 : n;
    return {
      authorization: earnAuthorization,
      query:
        'mutation($input: EarnBadgeInput!) { earnBadge(input: $input) { requestId outcome { __typename ... on BadgesError { message } } } }',
      variables: {
        input: {
          badgeId,
          customerId: String(customer),
          triggeredBy: { ownerType: 'Loyalty', referenceId: 'load' },
          requestId: `load-earn-${customer}`,
        },
      },
      key: `load-earn-${customer}`,
    };
  },
  stored: () => emulator.customerEarnCount(),
};

const outcomes = [await run(orgMetas), await run(earns)];

await gateway.stop();
await emulator.stop();

console.log(outcomes.flatMap(({ lines }) => lines).join('\n'));
if (outcomes.some(({ ok }) => !ok)) process.exitCode = 1;

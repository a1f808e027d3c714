/**
 * `npm run loadtest`: autocannon against the gateway (a child process, as in
 * production) in front of the embedded emulator, on 127.0.0.1 only. Every
 * request creates the org meta of a new org with a new user, so the emulator's
 * count afterwards must equal the successes: nothing lost, nothing doubled.
 * LOADTEST_SECONDS and LOADTEST_CONNECTIONS override 30 s and 64 connections.
 */
import autocannon from 'autocannon';
import { request } from 'undici';
import { startEmulator } from '../src/emulator/emulator.js';
import { basicFor, GATEWAY, mib, rssBytes, spawnServer } from './processes.js';

const seconds = Number(process.env.LOADTEST_SECONDS ?? 30);
const connections = Number(process.env.LOADTEST_CONNECTIONS ?? 64);

const MUTATION =
  'mutation($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) { __typename ... on BadgesError { message } } }';

const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
const gateway = await spawnServer(
  GATEWAY.script,
  { NODE_ENV: 'production', CAPILLARY_BASE_URL: emulator.url, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  async (url) => (await request(`${url}/health`)).statusCode === 200,
  GATEWAY.nodeFlags,
);
const pid = gateway.process.pid ?? 0;
const rssBefore = rssBytes(pid);

let next = 0;

/** One create per request, each for a new org and a new user. */
function createRequest(req: autocannon.Request): autocannon.Request {
  const n = ++next;
  return {
    ...req,
    headers: { 'content-type': 'application/json', authorization: basicFor(n) },
    body: JSON.stringify({
      query: MUTATION,
      variables: { input: { orgId: n, tags: [{ key: 'Category', dataType: 'string' }] } },
    }),
  };
}

// Warm-up, which also measures the rate: a duration-bound run drops what is in
// flight when it ends, so the measured run is bound by a request count instead,
// sized to last about `seconds`, and every one of its requests is answered.
const burst = (duration: number) =>
  autocannon({
    url: `${gateway.url}/graphql`,
    connections,
    duration,
    requests: [{ method: 'POST', setupRequest: createRequest }],
  });
// The first burst warms the JIT up; the second, on a warm process, measures the rate.
await burst(Math.min(5, seconds));
const warmup = await burst(Math.min(3, seconds));
await new Promise((resolve) => setTimeout(resolve, 1_000));
const storedBefore = emulator.orgMetaCount();
const perConnection = Math.max(1, Math.round((warmup.requests.average * seconds) / connections));
const amount = perConnection * connections;
const startedAt = performance.now();
const results = {
  responses: 0,
  non2xx: 0,
  graphqlErrors: 0,
  successes: 0,
  otherMembers: new Map<string, number>(),
};

const run = autocannon({
  url: `${gateway.url}/graphql`,
  connections,
  maxConnectionRequests: perConnection,
  // A safety stop only: the run ends when every connection has had all its answers.
  duration: seconds * 10,
  requests: [
    {
      method: 'POST',
      setupRequest: createRequest,
      onResponse: (status, body) => {
        results.responses++;
        if (status < 200 || status >= 300) results.non2xx++;
        let parsed: { data?: { createBadgeOrgMeta?: { __typename?: string } }; errors?: unknown[] } = {};
        try {
          parsed = JSON.parse(body) as typeof parsed;
        } catch {
          results.graphqlErrors++;
          return;
        }
        if (parsed.errors !== undefined) results.graphqlErrors++;
        const typename = parsed.data?.createBadgeOrgMeta?.__typename;
        if (typename === 'CreateBadgeOrgMetaSuccess') results.successes++;
        else if (typename !== undefined)
          results.otherMembers.set(typename, (results.otherMembers.get(typename) ?? 0) + 1);
      },
    },
  ],
});
const summary = await run;
const elapsedSeconds = (performance.now() - startedAt) / 1000;
const rssAfter = rssBytes(pid);
const stored = emulator.orgMetaCount() - storedBefore;

await gateway.stop();
await emulator.stop();

const lines = [
  `load: ${connections} connections, ${amount} creates in ${elapsedSeconds.toFixed(1)} s (after ${Math.min(5, seconds) + Math.min(3, seconds)} s of warm-up and calibration) against ${gateway.url}, NODE_ENV=production`,
  `requests sent (autocannon):      ${summary.requests.total}`,
  `responses read:                  ${results.responses}`,
  `non-2xx responses:               ${results.non2xx}`,
  `responses with GraphQL errors:   ${results.graphqlErrors}`,
  `CreateBadgeOrgMetaSuccess:       ${results.successes}`,
  `other union members:             ${JSON.stringify(Object.fromEntries(results.otherMembers))}`,
  `transport errors / timeouts:     ${summary.errors} / ${summary.timeouts}`,
  `org metas the run added upstream: ${stored} (${stored === results.successes ? 'equals' : 'DIFFERS FROM'} the successes)`,
  `throughput:                      ${summary.requests.average.toFixed(0)} req/s, latency p50 ${summary.latency.p50} ms, p99 ${summary.latency.p99} ms`,
  `gateway RSS before / after:      ${mib(rssBefore)} / ${mib(rssAfter)}`,
];
console.log(lines.join('\n'));
if (stored !== results.successes || results.non2xx > 0 || results.graphqlErrors > 0) process.exitCode = 1;

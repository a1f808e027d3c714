import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASIC, startTestGateway, type TestGateway } from '../support/gateway.js';
import { envelope, startStubUpstream, type StubHandler, type StubUpstream } from '../support/stubUpstream.js';

/**
 * Faults, one read and one write of each family of operations: reads are
 * retried on 503 and broken connections, writes never once something was sent,
 * and every fault is a BadgesUpstreamFailure member, never a GraphQL error.
 */

let upstream: StubUpstream;
let gateway: TestGateway;

beforeEach(async () => {
  upstream = await startStubUpstream();
  gateway = await startTestGateway(upstream.url, { CAPILLARY_TIMEOUT_MS: '2000' });
});

afterEach(async () => {
  await gateway.stop();
  await upstream.stop();
});

const FAILURE = '__typename ... on BadgesUpstreamFailure { retryable cause status }';

const FAMILIES: ReadonlyArray<readonly [string, 'read' | 'write', string]> = [
  ['badges', 'read', `{ result: badges { ${FAILURE} } }`],
  [
    'badges',
    'write',
    `mutation { result: claimBadge(input: { badgeId: "b1", ownerType: Loyalty, referenceId: "p1" }) { ${FAILURE} } }`,
  ],
  ['badge groups', 'read', `{ result: badgeGroups { ${FAILURE} } }`],
  [
    'badge groups',
    'write',
    `mutation { result: createBadgeGroup(input: { name: "Gold", rank: 1 }) { ${FAILURE} } }`,
  ],
  ['custom fields', 'read', `{ result: badgeCustomField(id: "f1") { ${FAILURE} } }`],
  [
    'custom fields',
    'write',
    `mutation { result: createBadgeCustomField(input: { name: "Tier", dataType: STRING }) { ${FAILURE} } }`,
  ],
  [
    'customer badges',
    'read',
    `{ result: customerBadges(customer: { email: "c1@example.com" }) { ${FAILURE} } }`,
  ],
  [
    'customer badges',
    'write',
    `mutation { keyed: earnBadge(input: { badgeId: "b1", customerId: "1", triggeredBy: { ownerType: Loyalty, referenceId: "p1" } }) { requestId result: outcome { ${FAILURE} } } }`,
  ],
  [
    'customer badges',
    'write',
    `mutation { result: importEarnedBadges(input: { earns: [{ badgeId: "b1", customerId: "1", earnedAt: "2024-01-01T00:00:00Z", expiresOn: "2025-01-01T00:00:00Z" }] }) { ${FAILURE} } }`,
  ],
];

const unavailable: StubHandler = envelope(
  503,
  { data: null, errors: [{ code: 4001, message: 'Authorization status unavailable!' }] },
  { 'retry-after': '0' },
);
const resetMidBody: StubHandler = (_request, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': '500' });
  res.write('{"data":{"id":"69430a52', () => res.socket?.destroy());
};

async function result(query: string): Promise<unknown> {
  const response = await gateway.graphql(query, {}, { authorization: BASIC });
  expect(response.body.errors).toBeUndefined();
  // A keyed write's member sits in `outcome`, beside the idempotency key it was sent with.
  const keyed = response.body.data?.keyed as { requestId: string; result: unknown } | undefined;
  if (keyed !== undefined) expect(keyed.requestId).toMatch(/^[0-9a-f-]{36}$/);
  return keyed === undefined ? response.body.data?.result : keyed.result;
}

describe.each(FAMILIES)('a %s %s', (_family, kind, query) => {
  it(`under 503 is a retryable failure after ${kind === 'read' ? 'three attempts' : 'one attempt'}`, async () => {
    upstream.answerWith(unavailable);
    expect(await result(query)).toEqual({
      __typename: 'BadgesUpstreamFailure',
      retryable: true,
      cause: 'ERROR_STATUS',
      status: 503,
    });
    expect(upstream.requests).toHaveLength(kind === 'read' ? 3 : 1);
  });

  it(`with its answer cut off is a retryable failure after ${kind === 'read' ? 'three attempts' : 'one attempt'}`, async () => {
    upstream.answerWith(resetMidBody);
    expect(await result(query)).toMatchObject({ __typename: 'BadgesUpstreamFailure', retryable: true });
    expect(upstream.requests).toHaveLength(kind === 'read' ? 3 : 1);
  });
});

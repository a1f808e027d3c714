import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator, type SeenRequest } from '../../src/emulator/emulator.js';
import { readTypeDefs } from '../../src/graphql/schema.js';
import { startRouter, startSubgraph, type RunningRouter, type RunningServer } from '../support/router.js';
import { BASIC, startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * The loyalty supergraph's own `customers` subgraph owns `Customer { id name }`;
 * the badges subgraph contributes `Customer.badges`. Composed with
 * @apollo/composition and served by @apollo/gateway, as the Router would.
 */
const CUSTOMERS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type Customer @key(fields: "id") {
    id: ID!
    name: String!
  }

  type Query {
    customer(id: ID!): Customer
    customers(ids: [ID!]!): [Customer!]!
  }
`;

const NAMES: Readonly<Record<string, string>> = { '4001': 'Asha Rao', '4002': 'Ben Ode', '4003': 'Chen Li' };

let emulator: RunningEmulator;
let badges: TestGateway;
let customers: RunningServer;
let router: RunningRouter;
const seenUpstream: SeenRequest[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    onRequest: (seen) => seenUpstream.push(seen),
  });
  badges = await startTestGateway(emulator.url);

  const customer = (id: string) => ({ id, name: NAMES[id] ?? `Customer ${id}` });
  customers = await startSubgraph(CUSTOMERS_SDL, {
    Query: {
      customer: (_parent: unknown, { id }: { id: string }) => customer(id),
      customers: (_parent: unknown, { ids }: { ids: string[] }) => ids.map(customer),
    },
    Customer: { __resolveReference: ({ id }: { id: string }) => customer(id) },
  });

  router = await startRouter([
    { name: 'badges', typeDefs: readTypeDefs(), url: `${badges.url}/graphql` },
    { name: 'customers', typeDefs: CUSTOMERS_SDL, url: customers.url },
  ]);
});

afterAll(async () => {
  await router.stop();
  await customers.stop();
  await badges.stop();
  await emulator.stop();
});

function throughRouter(
  query: string,
  variables: Record<string, unknown> = {},
  authorization: string | null = BASIC,
) {
  return router.post(query, variables, authorization);
}

/** A LIVE badge, claimed by Loyalty "prog-9", earned by customers 4001 and 4002 through the router; its id. */
async function badgeEarnedBy4001And4002(): Promise<string> {
  const created = await throughRouter(
    `mutation($input: CreateBadgeInput!) { createBadge(input: $input) { ... on CreateBadgeSuccess { badge { id } } } }`,
    {
      input: {
        name: 'Weekend Shopper',
        startOn: new Date(Date.now() - 86_400_000).toISOString(),
        expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        earnType: 'EARN',
        historical: true,
        earnedBadgeExpiry: { expiryType: 'NEVER' },
        ownership: { restrictedToOwners: ['Loyalty'] },
      },
    },
  );
  const badgeId = (created.data?.createBadge as { badge: { id: string } }).badge.id;
  const triggeredBy = { ownerType: 'Loyalty', referenceId: 'prog-9' };
  await throughRouter(`mutation($input: ClaimBadgeInput!) { claimBadge(input: $input) { __typename } }`, {
    input: { badgeId, ...triggeredBy },
  });
  for (const customerId of ['4001', '4002']) {
    const earned = await throughRouter(
      `mutation($input: EarnBadgeInput!) { earnBadge(input: $input) { outcome { __typename } } }`,
      { input: { badgeId, customerId, triggeredBy } },
    );
    expect(earned).toEqual({ data: { earnBadge: { outcome: { __typename: 'BadgeEarned' } } } });
  }
  return badgeId;
}

const CUSTOMER_WITH_BADGES = /* GraphQL */ `
  query ($id: ID!) {
    customer(id: $id) {
      name
      badges {
        __typename
        ... on CustomerBadgeList {
          items {
            badgeId
            name
            earnedCount
            badge {
              name
              status
            }
          }
        }
        ... on BadgesError {
          message
        }
      }
    }
  }
`;

describe('Customer.badges in a supergraph whose customers subgraph owns Customer', () => {
  it('customer(id) { name badges } resolves through _entities with the caller’s credentials', async () => {
    const badgeId = await badgeEarnedBy4001And4002();
    seenUpstream.length = 0;

    const answer = await throughRouter(CUSTOMER_WITH_BADGES, { id: '4001' });
    expect(answer).toEqual({
      data: {
        customer: {
          name: 'Asha Rao',
          badges: {
            __typename: 'CustomerBadgeList',
            items: [
              {
                badgeId,
                name: 'Weekend Shopper',
                earnedCount: 1,
                badge: { name: 'Weekend Shopper', status: 'LIVE' },
              },
            ],
          },
        },
      },
    });
    // The customer's list, then the badge entity once: both with the caller's credentials.
    expect(
      seenUpstream.map((seen) => [seen.method, seen.path.split('?')[0], seen.headers.authorization]),
    ).toEqual([
      ['GET', '/api_gateway/v1/badges/customer/4001', BASIC],
      ['GET', `/api_gateway/v1/badges/badgeMeta/${badgeId}`, BASIC],
    ]);
  });

  it('several customers: one list read each, and the badge two of them share read once', async () => {
    seenUpstream.length = 0;
    const answer = await throughRouter(
      `{ customers(ids: ["4001", "4002", "4003"]) { id name badges { ... on CustomerBadgeList { items { badge { name } } } } } }`,
    );
    expect(answer).toEqual({
      data: {
        customers: [
          { id: '4001', name: 'Asha Rao', badges: { items: [{ badge: { name: 'Weekend Shopper' } }] } },
          { id: '4002', name: 'Ben Ode', badges: { items: [{ badge: { name: 'Weekend Shopper' } }] } },
          { id: '4003', name: 'Chen Li', badges: { items: [] } },
        ],
      },
    });
    const paths = seenUpstream.map((seen) => seen.path.split('?')[0] ?? '');
    expect(paths.filter((path) => path.includes('/customer/')).sort()).toEqual([
      '/api_gateway/v1/badges/customer/4001',
      '/api_gateway/v1/badges/customer/4002',
      '/api_gateway/v1/badges/customer/4003',
    ]);
    expect(paths.filter((path) => path.includes('/badgeMeta/'))).toHaveLength(1);
  });

  it('without `badge` selected, no badge is read', async () => {
    seenUpstream.length = 0;
    const answer = await throughRouter(
      `{ customer(id: "4001") { name badges { ... on CustomerBadgeList { items { name earnedCount } } } } }`,
    );
    expect(answer).toEqual({
      data: {
        customer: { name: 'Asha Rao', badges: { items: [{ name: 'Weekend Shopper', earnedCount: 1 }] } },
      },
    });
    expect(seenUpstream.map((seen) => seen.path.split('?')[0])).toEqual([
      '/api_gateway/v1/badges/customer/4001',
    ]);
  });

  it('a customer whose id Capillary cannot take still resolves; its badges are an input problem, no call', async () => {
    seenUpstream.length = 0;
    const answer = await throughRouter(CUSTOMER_WITH_BADGES, { id: 'C-77' });
    expect(answer).toMatchObject({
      data: { customer: { name: 'Customer C-77', badges: { __typename: 'InvalidCustomerBadgeInput' } } },
    });
    expect(seenUpstream).toEqual([]);
  });

  it('without credentials the customer still resolves, and its badges say BadgesAuthenticationFailed', async () => {
    seenUpstream.length = 0;
    const answer = await throughRouter(CUSTOMER_WITH_BADGES, { id: '4002' }, null);
    expect(answer).toMatchObject({
      data: { customer: { name: 'Ben Ode', badges: { __typename: 'BadgesAuthenticationFailed' } } },
    });
    expect(seenUpstream).toEqual([]);
  });
});

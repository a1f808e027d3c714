import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator, type SeenRequest } from '../../src/emulator/emulator.js';
import { readTypeDefs } from '../../src/graphql/schema.js';
import { startRouter, startSubgraph, type RunningRouter, type RunningServer } from '../support/router.js';
import { BASIC, categoryInput, startTestGateway, type TestGateway } from '../support/gateway.js';

/** A second, small subgraph that references BadgeOrgMeta and Badge by their keys. */
const PROGRAMS_SDL = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])

  type BadgeProgram {
    id: ID!
    name: String!
    orgMeta: BadgeOrgMeta
    badge: Badge
  }

  type BadgeOrgMeta @key(fields: "orgId", resolvable: false) {
    orgId: Int!
  }

  type Badge @key(fields: "id", resolvable: false) {
    id: ID!
  }

  type Query {
    badgeProgram(id: ID!, badgeId: ID): BadgeProgram
  }
`;

let emulator: RunningEmulator;
let badges: TestGateway;
let programs: RunningServer;
let router: RunningRouter;
const seenUpstream: SeenRequest[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    onRequest: (seen) => seenUpstream.push(seen),
  });
  badges = await startTestGateway(emulator.url);

  programs = await startSubgraph(PROGRAMS_SDL, {
    Query: {
      badgeProgram: (_parent: unknown, { id, badgeId }: { id: string; badgeId?: string }) => ({
        id,
        name: 'Loyalty tiers',
        orgMeta: { __typename: 'BadgeOrgMeta', orgId: 100458 },
        badge: badgeId === undefined ? null : { __typename: 'Badge', id: badgeId },
      }),
    },
  });

  router = await startRouter([
    { name: 'badges', typeDefs: readTypeDefs(), url: `${badges.url}/graphql` },
    { name: 'programs', typeDefs: PROGRAMS_SDL, url: programs.url },
  ]);
});

afterAll(async () => {
  await router.stop();
  await programs.stop();
  await badges.stop();
  await emulator.stop();
});

function throughRouter(query: string, variables: Record<string, unknown> = {}) {
  return router.post(query, variables, BASIC);
}

describe('the badges subgraph in a supergraph', () => {
  it('composes with a subgraph that references BadgeOrgMeta and runs create, update and an entity query', async () => {
    const created = await throughRouter(
      `mutation($input: CreateBadgeOrgMetaInput!) {
        createBadgeOrgMeta(input: $input) { __typename ... on CreateBadgeOrgMetaSuccess { orgMeta { orgId tags { key } } } }
      }`,
      { input: categoryInput },
    );
    expect(created).toEqual({
      data: {
        createBadgeOrgMeta: {
          __typename: 'CreateBadgeOrgMetaSuccess',
          orgMeta: { orgId: 100458, tags: [{ key: 'Category' }] },
        },
      },
    });

    const updated = await throughRouter(
      `mutation($input: UpdateBadgeOrgMetaInput!) {
        updateBadgeOrgMeta(input: $input) { __typename ... on UpdateBadgeOrgMetaSuccess { orgMeta { tags { key } } } }
      }`,
      { input: { orgId: 100458, tags: [{ key: 'Tier', dataType: 'integer' }] } },
    );
    expect(updated).toEqual({
      data: {
        updateBadgeOrgMeta: { __typename: 'UpdateBadgeOrgMetaSuccess', orgMeta: { tags: [{ key: 'Tier' }] } },
      },
    });

    const program = await throughRouter(
      `{ badgeProgram(id: "p1") { name orgMeta { orgId id tags { key dataType } createdOn } } }`,
    );
    expect(program).toMatchObject({
      data: {
        badgeProgram: {
          name: 'Loyalty tiers',
          orgMeta: { orgId: 100458, tags: [{ key: 'Tier', dataType: 'integer' }] },
        },
      },
    });

    expect(seenUpstream.map((seen) => [seen.method, seen.headers.authorization])).toEqual([
      ['POST', BASIC],
      ['PUT', BASIC],
      ['GET', BASIC],
    ]);
  });

  it('resolves a Badge that another subgraph references by id, with the caller’s credentials', async () => {
    const created = (await throughRouter(
      `mutation($input: CreateBadgeInput!) { createBadge(input: $input) { ... on CreateBadgeSuccess { badge { id } } } }`,
      {
        input: {
          name: 'Referenced badge',
          startOn: new Date(Date.now() + 86_400_000).toISOString(),
          expiresOn: new Date(Date.now() + 2 * 86_400_000).toISOString(),
          earnType: 'EARN',
          earnedBadgeExpiry: { expiryType: 'NEVER' },
          ownership: { restrictedToOwners: ['Loyalty'] },
        },
      },
    )) as { data: { createBadge: { badge: { id: string } } } };
    const badgeId = created.data.createBadge.badge.id;
    seenUpstream.length = 0;

    const program = await throughRouter(
      `query($badgeId: ID) { badgeProgram(id: "p2", badgeId: $badgeId) { name badge { id name status } } }`,
      { badgeId },
    );
    expect(program).toEqual({
      data: {
        badgeProgram: {
          name: 'Loyalty tiers',
          badge: { id: badgeId, name: 'Referenced badge', status: 'UPCOMING' },
        },
      },
    });
    expect(seenUpstream.map((seen) => [seen.method, seen.path, seen.headers.authorization])).toEqual([
      ['GET', `/api_gateway/v1/badges/badgeMeta/${badgeId}`, BASIC],
    ]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator, type SeenRequest } from '../../src/emulator/emulator.js';
import { BASIC, startTestGateway, type TestGateway } from '../support/gateway.js';

/**
 * The badge lifecycle through the graph, against the embedded emulator over
 * real sockets: what a badge admin screen does, step by step.
 */

let emulator: RunningEmulator;
let gateway: TestGateway;
let seen: SeenRequest[];

beforeEach(async () => {
  seen = [];
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, onRequest: (request) => seen.push(request) });
  gateway = await startTestGateway(emulator.url);
});

afterEach(async () => {
  await gateway.stop();
  await emulator.stop();
});

const BADGE_FIELDS = /* GraphQL */ `
  fragment BadgeFields on Badge {
    id
    name
    status
    active
    startOn
    ownership {
      restrictedToOwners
      claims {
        ownerType
        referenceId
        active
      }
    }
  }
`;

const ERROR_FIELDS = /* GraphQL */ `
  fragment ErrorFields on BadgesError {
    message
    upstreamErrors {
      code
      message
    }
  }
`;

async function field(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const response = await gateway.graphql(query, variables, { authorization: BASIC });
  expect(response.body.errors).toBeUndefined();
  return Object.values(response.body.data ?? {})[0] as Record<string, unknown>;
}

const inAYear = new Date(Date.now() + 365 * 86_400_000);
const inTwoYears = new Date(Date.now() + 2 * 365 * 86_400_000);

function badgeInput(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    startOn: inAYear.toISOString(),
    expiresOn: inTwoYears.toISOString(),
    earnType: 'EARN',
    earnedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpiryType: 'DAYS', value: 30 },
    ownership: { restrictedToOwners: ['Loyalty', 'Journeys'] },
    ...extra,
  };
}

const CREATE_BADGE = /* GraphQL */ `
  mutation CreateBadge($input: CreateBadgeInput!) {
    createBadge(input: $input) {
      __typename
      ... on CreateBadgeSuccess {
        badge {
          ...BadgeFields
        }
      }
      ... on BadgeNameTaken {
        name
      }
      ... on InvalidBadgeInput {
        problems {
          path
          message
        }
      }
      ...ErrorFields
    }
  }
  ${BADGE_FIELDS}
  ${ERROR_FIELDS}
`;

async function createBadge(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await field(CREATE_BADGE, { input: badgeInput(name, extra) });
  expect(result).toMatchObject({ __typename: 'CreateBadgeSuccess' });
  return (result.badge as { id: string }).id;
}

const CLAIM = /* GraphQL */ `
  mutation Claim($input: ClaimBadgeInput!) {
    claimBadge(input: $input) {
      __typename
      ... on ClaimBadgeSuccess {
        alreadyClaimed
        claim {
          ownerType
          referenceId
          active
        }
        warnings {
          code
        }
        badge {
          ownership {
            claims {
              ownerType
              referenceId
              active
            }
          }
        }
      }
      ...ErrorFields
    }
  }
  ${ERROR_FIELDS}
`;

const UNCLAIM = /* GraphQL */ `
  mutation Unclaim($input: UnclaimBadgeInput!) {
    unclaimBadge(input: $input) {
      __typename
      ... on UnclaimBadgeSuccess {
        claim {
          active
        }
      }
      ... on BadgeClaimNotFound {
        ownerType
        referenceId
      }
      ...ErrorFields
    }
  }
  ${ERROR_FIELDS}
`;

describe('a badge, through its lifecycle', () => {
  it('is created UPCOMING with no claims, then read by id and found in the list', async () => {
    const created = await field(CREATE_BADGE, { input: badgeInput('Weekend Explorer') });
    expect(created).toMatchObject({
      __typename: 'CreateBadgeSuccess',
      badge: {
        name: 'Weekend Explorer',
        status: 'UPCOMING',
        active: true,
        ownership: { claims: [] },
      },
    });
    const { id } = created.badge as { id: string };

    const read = await field(
      `query ($id: ID!) { badge(id: $id) { __typename ... on Badge { ...BadgeFields } } } ${BADGE_FIELDS}`,
      { id },
    );
    expect(read).toMatchObject({ __typename: 'Badge', id, name: 'Weekend Explorer' });

    const list = await field(
      `query { badges(filter: { status: [UPCOMING] }, page: 0, size: 10) {
        __typename ... on BadgePage { items { id name } pageInfo { page size total totalPages } } } }`,
    );
    expect(list).toMatchObject({
      __typename: 'BadgePage',
      items: [{ id, name: 'Weekend Explorer' }],
      pageInfo: { page: 0, total: 1, totalPages: 1 },
    });
  });

  it('is claimed, claimed again with warning 900, unclaimed, and an unknown claim is BadgeClaimNotFound', async () => {
    const badgeId = await createBadge('Claimable');
    const input = { badgeId, ownerType: 'Journeys', referenceId: 'journey-481' };

    expect(await field(CLAIM, { input })).toMatchObject({
      __typename: 'ClaimBadgeSuccess',
      alreadyClaimed: false,
      claim: { ownerType: 'Journeys', referenceId: 'journey-481', active: true },
      badge: { ownership: { claims: [{ ownerType: 'Journeys', referenceId: 'journey-481', active: true }] } },
    });
    expect(await field(CLAIM, { input })).toMatchObject({
      __typename: 'ClaimBadgeSuccess',
      alreadyClaimed: true,
      warnings: [{ code: 900 }],
    });
    expect(await field(UNCLAIM, { input })).toMatchObject({
      __typename: 'UnclaimBadgeSuccess',
      claim: { active: false },
    });
    expect(await field(UNCLAIM, { input: { ...input, referenceId: 'never-claimed' } })).toMatchObject({
      __typename: 'BadgeClaimNotFound',
      ownerType: 'Journeys',
      referenceId: 'never-claimed',
      upstreamErrors: [{ code: 737 }],
    });
  });

  it('is deactivated and activated again', async () => {
    const id = await createBadge('Switchable');
    const switchIt = (mutation: string) =>
      field(
        `mutation ($id: ID!) { ${mutation}(id: $id) {
        __typename ... on BadgeActivationChanged { active badge { active } } } }`,
        { id },
      );
    expect(await switchIt('deactivateBadge')).toEqual({
      __typename: 'BadgeActivationChanged',
      active: false,
      badge: { active: false },
    });
    expect(await switchIt('activateBadge')).toMatchObject({ active: true, badge: { active: true } });
  });

  it('is updated, and a second badge of the same name is BadgeNameTaken', async () => {
    const id = await createBadge('First name');
    const updated = await field(
      `mutation ($input: UpdateBadgeInput!) { updateBadge(input: $input) {
        __typename ... on UpdateBadgeSuccess { badge { id name } } ...ErrorFields } } ${ERROR_FIELDS}`,
      { input: { ...badgeInput('Second name'), id, active: true } },
    );
    expect(updated).toEqual({ __typename: 'UpdateBadgeSuccess', badge: { id, name: 'Second name' } });
    expect(await field(CREATE_BADGE, { input: badgeInput('Second name') })).toMatchObject({
      __typename: 'BadgeNameTaken',
      name: 'Second name',
      upstreamErrors: [{ code: 725 }],
    });
  });

  it('is historical only when asked: the migration header goes with a past start, and never otherwise', async () => {
    const creates = () =>
      seen.filter((request) => request.method === 'POST' && request.path.endsWith('/badgeMeta'));
    await createBadge('Current');
    const lastYear = new Date(Date.now() - 365 * 86_400_000).toISOString();
    await createBadge('Imported', { historical: true, startOn: lastYear });
    expect(creates().map((request) => request.headers['x-cap-badges-migration'])).toEqual([
      undefined,
      'migration',
    ]);
  });

  it('is BadgeNotFound for an id no badge has', async () => {
    expect(
      await field(
        `{ badge(id: "000000000000000000000000") { __typename ... on BadgeNotFound { badgeId } } }`,
      ),
    ).toEqual({ __typename: 'BadgeNotFound', badgeId: '000000000000000000000000' });
  });

  it('refuses input that breaks a documented rule before any call, with the field named', async () => {
    const before = seen.length;
    const result = await field(CREATE_BADGE, {
      input: badgeInput('Bad dates', { expiresOn: new Date(inAYear.getTime() - 1000).toISOString() }),
    });
    expect(result).toMatchObject({
      __typename: 'InvalidBadgeInput',
      problems: [{ path: ['expiresOn'], message: 'must be after startOn' }],
    });
    expect(seen.length).toBe(before);
  });
});

describe('Badge.group', () => {
  const CREATE_GROUP = /* GraphQL */ `
    mutation ($input: CreateBadgeGroupInput!) {
      createBadgeGroup(input: $input) {
        __typename
        ... on CreateBadgeGroupSuccess {
          group {
            id
          }
        }
      }
    }
  `;

  it('reads each group once per request, and only when selected: 12 badges in 3 groups, 3 group reads', async () => {
    const groups: string[] = [];
    for (const name of ['Beginner', 'Intermediate', 'Expert']) {
      const created = await field(CREATE_GROUP, { input: { name, rank: groups.length + 1 } });
      groups.push((created.group as { id: string }).id);
    }
    for (let index = 0; index < 12; index++) {
      await createBadge(`Badge ${index}`, { badgeGroupId: groups[index % 3], badgeRank: index });
    }
    const groupReads = () =>
      seen.filter((request) => request.method === 'GET' && /\/group\/\w+/.test(request.path));

    const before = groupReads().length;
    const withGroups = await field(
      `{ badges(size: 50) { ... on BadgePage { items { name group { id name rank } } } } }`,
    );
    expect(
      (withGroups.items as Array<{ group: { id: string } | null }>).map((item) => item.group?.id).sort(),
    ).toEqual([...groups, ...groups, ...groups, ...groups].sort());
    expect(groupReads().length - before).toBe(3);

    const withoutGroups = groupReads().length;
    await field(`{ badges(size: 50) { ... on BadgePage { items { name badgeGroupId } } } }`);
    expect(groupReads().length).toBe(withoutGroups);
  });
});

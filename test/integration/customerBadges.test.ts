import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorFaults, type RunningEmulator } from '../../src/emulator/emulator.js';
import { BASIC, startTestGateway, type TestGateway } from '../support/gateway.js';
import { olderEarnBulkData } from '../support/samples.js';
import { envelope, startStubUpstream } from '../support/stubUpstream.js';

/**
 * Customer badges through the graph, against the embedded emulator over real
 * sockets: define a badge, claim, enrol, earn, read, revoke, read again; a lost
 * answer retried with the returned idempotency key; bulk calls with mixed
 * per-customer outcomes.
 */

let emulator: RunningEmulator | undefined;
let gateway: TestGateway | undefined;

afterEach(async () => {
  await gateway?.stop();
  await emulator?.stop();
  gateway = undefined;
  emulator = undefined;
});

async function started(
  faults?: EmulatorFaults,
): Promise<{ emulator: RunningEmulator; gateway: TestGateway }> {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...(faults === undefined ? {} : { faults }) });
  gateway = await startTestGateway(emulator.url);
  return { emulator, gateway };
}

type Json = Record<string, unknown>;

/** The one root field's value, with no GraphQL errors. */
async function field(query: string, variables: Json = {}): Promise<Json> {
  if (gateway === undefined) throw new Error('no gateway');
  const response = await gateway.graphql(query, variables, { authorization: BASIC });
  expect(response.body.errors).toBeUndefined();
  return Object.values(response.body.data ?? {})[0] as Json;
}

const DAY_MS = 86_400_000;
const OWNER = { ownerType: 'Loyalty', referenceId: 'prog-9' };

/** A LIVE badge (started yesterday: `historical`), claimed by OWNER; its id. */
async function liveClaimedBadge(extra: Json = {}): Promise<string> {
  const created = await field(
    `mutation ($input: CreateBadgeInput!) { createBadge(input: $input) { __typename ... on CreateBadgeSuccess { badge { id status } } } }`,
    {
      input: {
        name: `Customer badge ${Math.random()}`,
        startOn: new Date(Date.now() - DAY_MS).toISOString(),
        expiresOn: new Date(Date.now() + 30 * DAY_MS).toISOString(),
        earnType: 'EARN',
        historical: true,
        earnedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpiryType: 'DAYS', value: 14 },
        ownership: { restrictedToOwners: ['Loyalty'] },
        ...extra,
      },
    },
  );
  expect(created).toMatchObject({ __typename: 'CreateBadgeSuccess', badge: { status: 'LIVE' } });
  const id = String((created.badge as Json).id);
  const claimed = await field(
    `mutation ($input: ClaimBadgeInput!) { claimBadge(input: $input) { __typename } }`,
    { input: { badgeId: id, ...OWNER } },
  );
  expect(claimed).toEqual({ __typename: 'ClaimBadgeSuccess' });
  return id;
}

const ENROL_FIRST = {
  earnType: 'ISSUE_EARN',
  issuedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpiryType: 'DAYS', value: 30 },
};

const ERROR = `... on BadgesError { message upstreamErrors { code message } }`;

const ENROL = /* GraphQL */ `
  mutation Enrol($input: EnrolCustomersInput!) {
    enrolCustomersInBadge(input: $input) {
      requestId
      outcome {
        __typename
        ${ERROR}
        ... on CustomerEnrolmentReport {
          totalCount succeededCount failedCount
          customers {
            __typename
            ... on CustomerEnrolled { customerId enrolmentId status }
            ... on CustomerAlreadyEnrolled { customerId activeEnrolmentId }
          }
        }
      }
    }
  }
`;

const EARN = /* GraphQL */ `
  mutation Earn($input: EarnBadgeInput!) {
    earnBadge(input: $input) {
      requestId
      outcome {
        __typename
        ${ERROR}
        ... on DuplicateBadgesRequest { duplicateRequestId }
        ... on BadgesUpstreamFailure { cause retryable }
        ... on BadgeEarned { earn { id badgeId customerId enrolmentId expiresOn } badge { name earnType } }
      }
    }
  }
`;

const EARN_BULK = /* GraphQL */ `
  mutation EarnBulk($input: EarnBadgeForCustomersInput!) {
    earnBadgeForCustomers(input: $input) {
      requestId
      outcome {
        __typename
        ${ERROR}
        ... on CustomerEarnReport {
          totalCount succeededCount failedCount
          customers {
            __typename
            ... on CustomerEarnedBadge { customerId earnedBadgeId }
            ... on BadgeEarnLimitReached { customerId }
            ... on CustomerAlreadyEnrolled { customerId }
            ... on CustomerOutcomeUnknown { customerId }
          }
        }
      }
    }
  }
`;

const CUSTOMER_BADGES = /* GraphQL */ `
  query CustomerBadges($customer: CustomerRef!, $kind: CustomerBadgeKind!) {
    customerBadges(customer: $customer, kind: $kind) {
      __typename
      ${ERROR}
      ... on CustomerNotFound { customer identifierType }
      ... on CustomerBadgeList {
        items { badgeId name earnedCount lastEarnedOn badge { id earnType } }
        pageInfo { total }
      }
    }
  }
`;

const DETAIL = /* GraphQL */ `
  query Detail($customerId: ID!, $badgeId: ID!) {
    customerBadge(customerId: $customerId, badgeId: $badgeId, includeStatistics: true) {
      __typename
      ${ERROR}
      ... on CustomerBadgeDetail {
        customerId badgeId activeEarnCount enrolmentStatus
        enrolments { id status }
        earns { id active enrolmentId }
        limits { level kind maxEarnLimit currentEarnCount }
      }
    }
  }
`;

const REVOKE_EARN = /* GraphQL */ `
  mutation RevokeEarn($input: RevokeEarnedBadgeInput!) {
    revokeEarnedBadge(input: $input) {
      __typename
      ${ERROR}
      ... on EarnedBadgeRevoked { customerId earnedBadgeId active badge { id } }
    }
  }
`;

const REVOKE_ENROLMENT = /* GraphQL */ `
  mutation RevokeEnrolment($input: RevokeBadgeEnrolmentInput!) {
    revokeBadgeEnrolment(input: $input) {
      __typename
      ${ERROR}
      ... on BadgeEnrolmentRevocationReport {
        succeededCount failedCount
        customers { __typename ... on CustomerEnrolmentRevoked { customerId enrolmentId } ... on CustomerNotEnrolled { customerId } }
      }
    }
  }
`;

describe('a customer badge, from definition to revocation, through the graph', () => {
  it('define, claim, enrol, earn, read, revoke the earn and the enrolment, read again', async () => {
    await started();
    const badgeId = await liveClaimedBadge(ENROL_FIRST);

    const enrolled = await field(ENROL, {
      input: { badgeId, customerIds: ['4001', '4002'], triggeredBy: OWNER },
    });
    expect(enrolled.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(enrolled.outcome).toMatchObject({
      __typename: 'CustomerEnrolmentReport',
      totalCount: 2,
      succeededCount: 2,
      failedCount: 0,
      customers: [
        { __typename: 'CustomerEnrolled', customerId: '4001', status: 'ACTIVE' },
        { __typename: 'CustomerEnrolled', customerId: '4002' },
      ],
    });
    const enrolmentId = ((enrolled.outcome as Json).customers as Json[])[0]?.enrolmentId;

    const earned = await field(EARN, { input: { badgeId, customerId: '4001', triggeredBy: OWNER } });
    expect(earned.outcome).toMatchObject({
      __typename: 'BadgeEarned',
      earn: { badgeId, customerId: '4001', enrolmentId },
      badge: { earnType: 'ISSUE_EARN' },
    });
    const earnId = ((earned.outcome as Json).earn as Json).id;

    // By email: the same customer, through X-CAP-CUSTOMER-IDENTIFIER.
    const earnedList = await field(CUSTOMER_BADGES, {
      customer: { email: 'c4001@example.com' },
      kind: 'EARNED',
    });
    expect(earnedList).toMatchObject({
      __typename: 'CustomerBadgeList',
      items: [{ badgeId, earnedCount: 1, badge: { id: badgeId, earnType: 'ISSUE_EARN' } }],
      pageInfo: { total: 1 },
    });
    expect(await field(DETAIL, { customerId: '4001', badgeId })).toMatchObject({
      __typename: 'CustomerBadgeDetail',
      activeEarnCount: 1,
      enrolmentStatus: 'ACTIVE',
      enrolments: [{ id: enrolmentId, status: 'ACTIVE' }],
      earns: [{ id: earnId, active: true, enrolmentId }],
    });

    // By external id; a second revoke finds nothing active.
    const revokeInput = { badgeId, customer: { externalId: 'ext-4001' }, earnedBadgeId: earnId };
    expect(await field(REVOKE_EARN, { input: revokeInput })).toMatchObject({
      __typename: 'EarnedBadgeRevoked',
      customerId: '4001',
      active: false,
      badge: { id: badgeId },
    });
    expect(await field(REVOKE_EARN, { input: revokeInput })).toMatchObject({
      __typename: 'NoActiveEarnedBadge',
      upstreamErrors: [{ code: 814 }],
    });

    expect(
      await field(REVOKE_ENROLMENT, { input: { badgeId, customerIds: ['4001', '4003'] } }),
    ).toMatchObject({
      __typename: 'BadgeEnrolmentRevocationReport',
      succeededCount: 1,
      failedCount: 1,
      customers: [
        { __typename: 'CustomerEnrolmentRevoked', customerId: '4001', enrolmentId },
        { __typename: 'CustomerNotEnrolled', customerId: '4003' },
      ],
    });

    expect(await field(CUSTOMER_BADGES, { customer: { id: '4001' }, kind: 'EARNED' })).toMatchObject({
      items: [],
      pageInfo: { total: 0 },
    });
    expect(await field(DETAIL, { customerId: '4001', badgeId })).toMatchObject({
      activeEarnCount: 0,
      enrolmentStatus: 'REVOKED',
      enrolments: [{ id: enrolmentId, status: 'REVOKED' }],
      earns: [{ id: earnId, active: false }],
    });
    // Without an enrolment, the next earn is refused: enrol first.
    expect(await field(EARN, { input: { badgeId, customerId: '4001', triggeredBy: OWNER } })).toMatchObject({
      outcome: { __typename: 'BadgeNotEnrolled', upstreamErrors: [{ code: 811 }] },
    });
  });

  it('an unknown customer identifier is CustomerNotFound; an unclaimed trigger is BadgeNotClaimed', async () => {
    await started();
    expect(
      await field(CUSTOMER_BADGES, { customer: { email: 'nobody@example.org' }, kind: 'AVAILABLE' }),
    ).toMatchObject({
      __typename: 'CustomerNotFound',
      customer: 'nobody@example.org',
      identifierType: 'EMAIL',
    });
    const badgeId = await liveClaimedBadge();
    expect(
      await field(EARN, {
        input: { badgeId, customerId: '4001', triggeredBy: { ownerType: 'Loyalty', referenceId: 'other' } },
      }),
    ).toMatchObject({ outcome: { __typename: 'BadgeNotClaimed', upstreamErrors: [{ code: 810 }] } });
  });
});

describe('never twice, never lost', () => {
  it('the same idempotency key twice earns once: the repeat is DuplicateBadgesRequest', async () => {
    const { emulator: running } = await started();
    const badgeId = await liveClaimedBadge();
    const input = { badgeId, customerId: '4001', triggeredBy: OWNER, requestId: 'earn-4001-a' };
    expect(await field(EARN, { input })).toMatchObject({
      requestId: 'earn-4001-a',
      outcome: { __typename: 'BadgeEarned' },
    });
    expect(await field(EARN, { input })).toMatchObject({
      requestId: 'earn-4001-a',
      outcome: { __typename: 'DuplicateBadgesRequest', duplicateRequestId: 'earn-4001-a' },
    });
    expect(running.customerEarnCount()).toBe(1);
  });

  it('an earn recorded whose answer is lost: the client retries with the returned key, and exactly one earn exists', async () => {
    let earnsSeen = 0;
    const { emulator: running } = await started({
      // The first earn is recorded, then its connection is dropped before the answer.
      dropAnswerOf: (request) => request.path.endsWith('/customer/earn') && ++earnsSeen === 1,
    });
    const badgeId = await liveClaimedBadge();
    const input = { badgeId, customerId: '4001', triggeredBy: OWNER };

    const lost = await field(EARN, { input });
    expect(lost.outcome).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      cause: 'CONNECTION_RESET',
      retryable: true,
    });
    // The gateway did not repeat the write itself; the earn was recorded once.
    expect(earnsSeen).toBe(1);
    expect(running.customerEarnCount()).toBe(1);

    const requestId = String(lost.requestId);
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const retried = await field(EARN, { input: { ...input, requestId } });
    expect(retried).toMatchObject({
      requestId,
      outcome: { __typename: 'DuplicateBadgesRequest', duplicateRequestId: requestId },
    });
    expect(earnsSeen).toBe(2);
    expect(running.customerEarnCount()).toBe(1);
    const list = await field(CUSTOMER_BADGES, { customer: { id: '4001' }, kind: 'EARNED' });
    expect(list).toMatchObject({ items: [{ badgeId, earnedCount: 1 }] });
    // Metrics count a keyed write by the member in its outcome.
    const metrics = await gateway?.metrics.render();
    for (const member of ['BadgesUpstreamFailure', 'DuplicateBadgesRequest'])
      expect(metrics).toContain(
        `badges_gateway_graphql_results_total{field="earnBadge",result="${member}"} 1`,
      );
  });
});

describe('bulk calls succeed in part', () => {
  it('a bulk earn with a customer at the limit: each customer has its own outcome, and the counts add up', async () => {
    const { emulator: running } = await started();
    const badgeId = await liveClaimedBadge({
      customerConstraints: [{ constraintType: 'CUSTOMER_BADGE_FIXED_VALUE', maxEarnLimit: 1 }],
    });
    await field(EARN, { input: { badgeId, customerId: '4001', triggeredBy: OWNER } });
    const bulk = await field(EARN_BULK, {
      input: { badgeId, customerIds: ['4001', '4002', '4003'], triggeredBy: OWNER, requestId: 'bulk-1' },
    });
    expect(bulk).toMatchObject({
      requestId: 'bulk-1',
      outcome: {
        __typename: 'CustomerEarnReport',
        totalCount: 3,
        succeededCount: 2,
        failedCount: 1,
      },
    });
    const customers = (bulk.outcome as Json).customers as Json[];
    expect(customers).toEqual(
      expect.arrayContaining([
        { __typename: 'BadgeEarnLimitReached', customerId: '4001' },
        {
          __typename: 'CustomerEarnedBadge',
          customerId: '4002',
          earnedBadgeId: expect.any(String) as unknown,
        },
        {
          __typename: 'CustomerEarnedBadge',
          customerId: '4003',
          earnedBadgeId: expect.any(String) as unknown,
        },
      ]),
    );
    expect(customers).toHaveLength(3);
    expect(running.customerEarnCount()).toBe(3);
    // The caller's key went with the call: the same again is refused as a repeat, and earns nothing.
    expect(
      await field(EARN_BULK, {
        input: { badgeId, customerIds: ['4001', '4002', '4003'], triggeredBy: OWNER, requestId: 'bulk-1' },
      }),
    ).toMatchObject({ requestId: 'bulk-1', outcome: { __typename: 'DuplicateBadgesRequest' } });
    expect(running.customerEarnCount()).toBe(3);
    expect(await field(DETAIL, { customerId: '4001', badgeId })).toMatchObject({
      limits: [{ level: 'CUSTOMER', kind: 'OVERALL', maxEarnLimit: 1, currentEarnCount: 1 }],
    });
  });

  it('an enrolment of a customer already enrolled beside a new one: CustomerAlreadyEnrolled and CustomerEnrolled', async () => {
    await started();
    const badgeId = await liveClaimedBadge(ENROL_FIRST);
    const first = await field(ENROL, {
      input: { badgeId, customerIds: ['4001'], triggeredBy: OWNER, requestId: 'enrol-1' },
    });
    const enrolmentId = ((first.outcome as Json).customers as Json[])[0]?.enrolmentId;
    // The caller's key went with the call: the same again is a repeat, and enrols nobody.
    expect(
      await field(ENROL, {
        input: { badgeId, customerIds: ['4002'], triggeredBy: OWNER, requestId: 'enrol-1' },
      }),
    ).toMatchObject({ requestId: 'enrol-1', outcome: { __typename: 'DuplicateBadgesRequest' } });
    const second = await field(ENROL, {
      input: { badgeId, customerIds: ['4001', '4002'], triggeredBy: OWNER },
    });
    expect(second.outcome).toMatchObject({
      totalCount: 2,
      succeededCount: 1,
      failedCount: 1,
      customers: [
        { __typename: 'CustomerAlreadyEnrolled', customerId: '4001', activeEnrolmentId: enrolmentId },
        { __typename: 'CustomerEnrolled', customerId: '4002' },
      ],
    });
  });

  it('an import with an earn of an unknown badge: one recorded, one refused, in the order sent', async () => {
    const { emulator: running } = await started();
    const badgeId = await liveClaimedBadge();
    const earn = (id: string, customerId: string) => ({
      badgeId: id,
      customerId,
      earnedAt: '2023-01-21T09:06:51.000Z',
      expiresOn: '2024-01-21T09:06:51.000Z',
    });
    const imported = await field(
      `mutation ($input: ImportEarnedBadgesInput!) {
        importEarnedBadges(input: $input) {
          __typename
          ... on EarnedBadgeImportReport {
            totalCount succeededCount failedCount
            earns { __typename ... on ImportedEarn { customerId earn { id badgeId expiresOn requestId } } ... on BadgesError { upstreamErrors { code } } }
          }
        }
      }`,
      { input: { earns: [earn(badgeId, '4001'), earn('0123456789abcdef01234567', '4002')] } },
    );
    expect(imported).toMatchObject({
      __typename: 'EarnedBadgeImportReport',
      totalCount: 2,
      succeededCount: 1,
      failedCount: 1,
      earns: [
        {
          __typename: 'ImportedEarn',
          customerId: '4001',
          earn: {
            badgeId,
            expiresOn: '2024-01-21T09:06:51.000Z',
            requestId: expect.stringMatching(/_1$/) as unknown,
          },
        },
        { __typename: 'CustomerOutcomeRefused', upstreamErrors: [{ code: 404 }] },
      ],
    });
    expect(running.customerEarnCount()).toBe(1);
  });
});

describe("Capillary's older bulk earn answer (C14's issuedBadges), over a socket", () => {
  it('is read per customer, and the body sent names the customers, the key and the trigger', async () => {
    const upstream = await startStubUpstream(
      envelope(200, { data: olderEarnBulkData, errors: [], warnings: [] }),
    );
    try {
      gateway = await startTestGateway(upstream.url);
      const bulk = await field(EARN_BULK, {
        input: {
          badgeId: olderEarnBulkData.badgeMetaId,
          customerIds: ['4001', '4002', '4003'],
          triggeredBy: OWNER,
          requestId: 'bulk-earn-17',
        },
      });
      expect(bulk).toMatchObject({
        requestId: 'bulk-earn-17',
        outcome: {
          __typename: 'CustomerEarnReport',
          totalCount: 3,
          succeededCount: 1,
          failedCount: 2,
          customers: [
            { __typename: 'CustomerEarnedBadge', customerId: '4001', earnedBadgeId: null },
            { __typename: 'CustomerAlreadyEnrolled', customerId: '4002' },
            { __typename: 'CustomerOutcomeUnknown', customerId: '4003' },
          ],
        },
      });
      expect(upstream.requests).toHaveLength(1);
      expect(upstream.requests[0]?.path).toBe('/api_gateway/v1/badges/customer/earnBulk');
      expect(JSON.parse(upstream.requests[0]?.body ?? '')).toEqual({
        badgeMetaId: olderEarnBulkData.badgeMetaId,
        requestId: 'bulk-earn-17',
        triggeredBy: OWNER,
        customerIds: [4001, 4002, 4003],
      });
    } finally {
      await upstream.stop();
    }
  });
});

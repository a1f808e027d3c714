import { describe, expect, it } from 'vitest';
import { perform } from '../../src/capillary/operation.js';
import { requestTarget } from '../../src/capillary/client.js';
import type { CustomerRef } from '../../src/generated/resolvers-types.js';
import { registry } from '../../src/operations/index.js';
import { answered, fakeCapillary, resultFor } from '../support/fakeCapillary.js';
import { olderEarnBulkData, storedBadge } from '../support/samples.js';

/**
 * The customer badge operations' own mappings: per-customer outcomes of the
 * bulk answers (both documented earnBulk shapes), customers an answer leaves
 * out, the import's array of envelopes, and what is decided before any call.
 */

const triggeredBy = { ownerType: 'Journeys' as const, referenceId: 'journey-77' };
const keyed = { badgeId: storedBadge.id, triggeredBy, requestId: 'bulk-1' };
const ok = (data: unknown) => answered(200, { data, errors: [], warnings: [] }, { requestId: 'cap-9' });
const itemError = (code: number | null, message: string) => ({ code, message, reference: null });

describe('enrolCustomersInBadge', () => {
  it('lists every customer with its own outcome, those the answer left out as unknown, and counts them', () => {
    const result = resultFor(
      'enrolCustomersInBadge',
      ok({
        badgeMetaId: storedBadge.id,
        expiresOn: 1767225600,
        issuedBadges: [
          { customerId: 4001, issuedId: '65f0aa000000000000000010', error: null, status: 'ACTIVE' },
          {
            customerId: 4002,
            issuedId: '65f0aa000000000000000009',
            error: itemError(1040, 'An active issue for the badge already exists.'),
          },
          { customerId: 4003, issuedId: null, error: itemError(1026, 'Customer not found') },
          { customerId: 4005, issuedId: null, error: itemError(999, 'Something else') },
        ],
        requestId: 'bulk-1',
      }),
      { input: { ...keyed, customerIds: ['4001', '4002', '4003', '4004', '4005'] } },
    );
    expect(result).toMatchObject({
      __typename: 'CustomerEnrolmentReport',
      totalCount: 5,
      succeededCount: 1,
      failedCount: 4,
      customers: [
        {
          __typename: 'CustomerEnrolled',
          customerId: '4001',
          enrolmentId: '65f0aa000000000000000010',
          status: 'ACTIVE',
        },
        {
          __typename: 'CustomerAlreadyEnrolled',
          customerId: '4002',
          activeEnrolmentId: '65f0aa000000000000000009',
          upstreamErrors: [{ code: 1040 }],
          requestId: 'cap-9',
        },
        { __typename: 'UnknownCustomerId', customerId: '4003', upstreamErrors: [{ code: 1026 }] },
        { __typename: 'CustomerOutcomeRefused', customerId: '4005', upstreamErrors: [{ code: 999 }] },
        { __typename: 'CustomerOutcomeUnknown', customerId: '4004', upstreamErrors: [] },
      ],
    });
  });
});

describe('earnBadgeForCustomers reads both documented answer shapes', () => {
  const args = { input: { ...keyed, customerIds: ['4001', '4002', '4003'] } };

  it('shape B (earnedBadgesList, failedEarnBadgeErrorList): earns, failures, and a failure it cannot place', () => {
    const result = resultFor(
      'earnBadgeForCustomers',
      ok({
        badgeMetaId: storedBadge.id,
        expiresOn: 1719000000,
        earnedBadgesList: [{ customerId: 4001, earnedBadgeId: '65f0bb000000000000000020' }],
        totalCount: 3,
        earnedCount: 1,
        failedCount: 2,
        failedEarnBadgeErrorList: [
          { customerId: 4002, error: itemError(813, 'Earn limit of the badge is reached for the customer') },
          { message: 'a failure without a customer' },
        ],
      }),
      args,
    );
    expect(result).toMatchObject({
      __typename: 'CustomerEarnReport',
      totalCount: 3,
      succeededCount: 1,
      failedCount: 2,
      customers: [
        { __typename: 'CustomerEarnedBadge', customerId: '4001', earnedBadgeId: '65f0bb000000000000000020' },
        { __typename: 'BadgeEarnLimitReached', customerId: '4002', badgeId: storedBadge.id },
        { __typename: 'CustomerOutcomeUnknown', customerId: '4003' },
      ],
    });
  });

  it('shape B with the failure inline (code and message beside customerId)', () => {
    const result = resultFor(
      'earnBadgeForCustomers',
      ok({
        badgeMetaId: storedBadge.id,
        earnedBadgesList: [],
        failedEarnBadgeErrorList: [
          { customerId: 4001, code: 811, message: 'Badge issue is mandatory before earn' },
        ],
      }),
      { input: { ...keyed, customerIds: ['4001'] } },
    );
    expect(result).toMatchObject({
      customers: [{ __typename: 'BadgeNotEnrolled', customerId: '4001', upstreamErrors: [{ code: 811 }] }],
      succeededCount: 0,
      failedCount: 1,
    });
  });

  it("shape A (C14's issuedBadges): an enrolment id per earn, and 1040 on the item", () => {
    const result = resultFor(
      'earnBadgeForCustomers',
      ok({
        ...olderEarnBulkData,
        issuedBadges: [
          ...olderEarnBulkData.issuedBadges,
          { customerId: 4003, issuedId: '65f0cc000000000000000033', status: 'LIVE' },
        ],
      }),
      args,
    );
    expect(result).toMatchObject({
      succeededCount: 2,
      failedCount: 1,
      customers: [
        {
          __typename: 'CustomerEarnedBadge',
          customerId: '4001',
          earnedBadgeId: null,
          usedEnrolmentId: '65f0cc000000000000000031',
        },
        {
          __typename: 'CustomerAlreadyEnrolled',
          customerId: '4002',
          activeEnrolmentId: '65f0cc000000000000000032',
        },
        { __typename: 'CustomerEarnedBadge', customerId: '4003' },
      ],
    });
  });

  it('an answer of neither shape is a malformed answer, not a success', () => {
    const result = resultFor('earnBadgeForCustomers', ok({ badgeMetaId: storedBadge.id, results: [] }), args);
    expect(result).toMatchObject({ __typename: 'BadgesUpstreamFailure', cause: 'MALFORMED_RESPONSE' });
  });
});

describe('revokeBadgeEnrolment', () => {
  it("tells a revoked enrolment from a customer without one and from another customer's enrolment", () => {
    const result = resultFor(
      'revokeBadgeEnrolment',
      ok({
        badgeMetaId: storedBadge.id,
        revokedIssuedBadges: [
          { customerId: 4001, issuedId: '65f0aa000000000000000010', error: null },
          { customerId: 4003, issuedId: null, error: itemError(404, "Customer doesn't have issue instance") },
          { customerId: '4004', error: { message: "issue doesn't belong to customer", reference: null } },
        ],
      }),
      {
        input: {
          badgeId: storedBadge.id,
          enrolments: [
            { customerId: '4001', enrolmentId: '65f0aa000000000000000010' },
            { customerId: '4003', enrolmentId: '65f0aa000000000000000012' },
            { customerId: '4004', enrolmentId: '65f0aa000000000000000013' },
          ],
        },
      },
    );
    expect(result).toMatchObject({
      __typename: 'BadgeEnrolmentRevocationReport',
      succeededCount: 1,
      failedCount: 2,
      customers: [
        {
          __typename: 'CustomerEnrolmentRevoked',
          customerId: '4001',
          enrolmentId: '65f0aa000000000000000010',
        },
        { __typename: 'CustomerNotEnrolled', customerId: '4003' },
        { __typename: 'EnrolmentOfAnotherCustomer', customerId: '4004' },
      ],
    });
  });
});

describe('importEarnedBadges', () => {
  const earn = (customerId: string) => ({
    badgeId: storedBadge.id,
    customerId,
    earnedAt: new Date('2023-01-21T09:06:51Z'),
    expiresOn: new Date('2024-01-21T09:06:51Z'),
  });

  it('pairs the bare array of envelopes with the earns sent, element for element', () => {
    const outcome = answered(200, [
      {
        data: {
          badgeMetaId: storedBadge.id,
          customerId: 4001,
          earnedBadgeId: '65f0dd000000000000000041',
          expiresOn: 1705828011,
          requestId: '9b2f3c1d_1',
          issuedId: null,
        },
        errors: null,
        warnings: null,
      },
      { data: null, errors: [itemError(404, 'Passed badge is not found')], warnings: null },
    ]);
    const result = resultFor('importEarnedBadges', outcome, {
      input: { earns: [earn('4001'), earn('4002'), earn('4003')] },
    });
    expect(result).toMatchObject({
      __typename: 'EarnedBadgeImportReport',
      totalCount: 3,
      succeededCount: 1,
      failedCount: 2,
      earns: [
        {
          __typename: 'ImportedEarn',
          customerId: '4001',
          earn: {
            id: '65f0dd000000000000000041',
            requestId: '9b2f3c1d_1',
            expiresOn: new Date(1705828011000),
          },
        },
        { __typename: 'CustomerOutcomeRefused', customerId: '4002', upstreamErrors: [{ code: 404 }] },
        { __typename: 'CustomerOutcomeUnknown', customerId: '4003' },
      ],
    });
  });

  it('sends the earns as a bare array, dates in epoch seconds', () => {
    const body = registry.importEarnedBadges.body?.({ input: { earns: [earn('4001')] } });
    expect(body).toEqual([
      { badgeMetaId: storedBadge.id, customerId: 4001, earnEventDate: 1674292011, earnExpiresOn: 1705828011 },
    ]);
  });
});

describe('reading customer badges', () => {
  it('a date in milliseconds (some badges store them so) reads as the same point in time', () => {
    const result = resultFor(
      'customerBadgeHistory',
      ok({
        customerBadges: [
          { badgeMetaId: storedBadge.id, name: 'x', expiresOn: 1765178896000, startsOn: 1765178896 },
        ],
        pagination: { page: 0, size: 1, total: 1, totalPages: 1 },
      }),
      { customer: { id: '4001' } },
    ) as { items: Array<{ expiresOn: Date; startOn: Date }> };
    expect(result.items[0]?.expiresOn).toEqual(result.items[0]?.startOn);
  });

  it('a customer named by an identifier goes in the path, its kind in X-CAP-CUSTOMER-IDENTIFIER', () => {
    const args = { customer: { email: 'c4001@example.com' }, kind: 'EARNED' as const, sort: 'RANK' as const };
    expect(requestTarget(registry.customerBadges, args)).toMatch(
      /^api_gateway\/v1\/badges\/customer\/c4001%40example\.com\?badgeType=EARNED&/,
    );
    expect(registry.customerBadges.headers?.(args)).toEqual({ 'X-CAP-CUSTOMER-IDENTIFIER': 'email' });
    expect(registry.customerBadges.headers?.({ customer: { id: '4001' } })).toEqual({});
  });

  it.each<[CustomerRef, string]>([
    [{}, 'none'],
    [{ id: '4001', email: 'c4001@example.com' }, 'two'],
    [{ id: 'abc' }, 'a non-numeric id'],
    [{ externalId: '../orgMeta' }, 'a path in an identifier'],
    [{ mobile: ' ' }, 'a blank identifier'],
    [{ email: 'c4001\ud800@example.com' }, 'a lone surrogate, which cannot be encoded'],
  ])('a CustomerRef naming %j (%s) is refused before any call', async (customer) => {
    const capillary = fakeCapillary({});
    const result = await perform(
      registry.customerBadges,
      { customer },
      { capillary, credentials: { headers: {} }, startDeadline: () => capillary.startDeadline() },
    );
    expect(result).toMatchObject({ __typename: 'InvalidCustomerBadgeInput' });
    expect(result.__typename === 'InvalidCustomerBadgeInput' && result.problems[0]?.path[0]).toBe('customer');
    expect(capillary.calls).toHaveLength(0);
  });
});

describe('decided before any call', () => {
  const caller = () => {
    const capillary = fakeCapillary({});
    return {
      capillary,
      credentials: { headers: {} },
      startDeadline: () => capillary.startDeadline(),
    };
  };

  it('revoking nothing is NothingToRevoke; both lists at once is an input problem', async () => {
    const c = caller();
    await expect(
      perform(registry.revokeBadgeEnrolment, { input: { badgeId: storedBadge.id } }, c),
    ).resolves.toMatchObject({
      __typename: 'NothingToRevoke',
      upstreamErrors: [],
    });
    await expect(
      perform(
        registry.revokeBadgeEnrolment,
        {
          input: {
            badgeId: storedBadge.id,
            customerIds: ['1'],
            enrolments: [{ customerId: '1', enrolmentId: 'x' }],
          },
        },
        c,
      ),
    ).resolves.toMatchObject({
      __typename: 'InvalidCustomerBadgeInput',
      problems: [{ path: ['enrolments'] }],
    });
    expect(c.capillary.calls).toHaveLength(0);
  });

  it('a blank or overlong idempotency key, and more than 100 customers, are input problems', async () => {
    const c = caller();
    const input = { ...keyed, customerIds: ['1'] };
    for (const [bad, path] of [
      [{ ...input, requestId: ' ' }, ['requestId']],
      [{ ...input, requestId: 'k'.repeat(101) }, ['requestId']],
      [{ ...input, customerIds: Array.from({ length: 101 }, (_, i) => String(i + 1)) }, ['customerIds']],
      [{ ...input, customerIds: ['1', '-2'] }, ['customerIds', '1']],
      [{ ...input, customerIds: ['1', '2', '1'] }, ['customerIds', '2']],
    ] as const) {
      await expect(perform(registry.earnBadgeForCustomers, { input: bad }, c)).resolves.toMatchObject({
        __typename: 'InvalidCustomerBadgeInput',
        problems: [{ path }],
      });
    }
    expect(c.capillary.calls).toHaveLength(0);
  });
});

describe('what Capillary answers oddly', () => {
  it('an item error without a message is that customer refused, not the whole answer malformed', () => {
    const result = resultFor(
      'enrolCustomersInBadge',
      ok({
        badgeMetaId: storedBadge.id,
        issuedBadges: [
          { customerId: 4001, issuedId: '65f0aa000000000000000010', error: null },
          { customerId: 4002, issuedId: null, error: { code: 999 } },
        ],
      }),
      { input: { ...keyed, customerIds: ['4001', '4002'] } },
    );
    expect(result).toMatchObject({
      __typename: 'CustomerEnrolmentReport',
      succeededCount: 1,
      customers: [
        { __typename: 'CustomerEnrolled', status: null },
        { __typename: 'CustomerOutcomeRefused', customerId: '4002', upstreamErrors: [{ code: 999 }] },
      ],
    });
  });

  it('an import element naming another customer than the earn sent there is unknown, not credited', () => {
    const result = resultFor(
      'importEarnedBadges',
      answered(200, [
        {
          data: { badgeMetaId: storedBadge.id, customerId: 4002, earnedBadgeId: '65f0dd000000000000000042' },
          errors: null,
        },
      ]),
      {
        input: {
          earns: [
            {
              badgeId: storedBadge.id,
              customerId: '4001',
              earnedAt: new Date('2023-01-21T09:06:51Z'),
              expiresOn: new Date('2024-01-21T09:06:51Z'),
            },
          ],
        },
      },
    );
    expect(result).toMatchObject({
      succeededCount: 0,
      earns: [{ __typename: 'CustomerOutcomeUnknown', customerId: '4001' }],
    });
  });

  it('two enrolments of one customer named, one answered: the other is unknown', () => {
    const result = resultFor(
      'revokeBadgeEnrolment',
      ok({
        badgeMetaId: storedBadge.id,
        revokedIssuedBadges: [{ customerId: 4001, issuedId: '65f0aa000000000000000010', error: null }],
      }),
      {
        input: {
          badgeId: storedBadge.id,
          enrolments: [
            { customerId: '4001', enrolmentId: '65f0aa000000000000000010' },
            { customerId: '4001', enrolmentId: '65f0aa000000000000000011' },
          ],
        },
      },
    );
    expect(result).toMatchObject({
      totalCount: 2,
      succeededCount: 1,
      failedCount: 1,
      customers: [
        { __typename: 'CustomerEnrolmentRevoked' },
        { __typename: 'CustomerOutcomeUnknown', customerId: '4001' },
      ],
    });
  });

  it('statistics asked for but left out by Capillary are empty lists, not null', () => {
    const result = resultFor(
      'customerBadge',
      ok({ id: storedBadge.id, name: 'x', badgeStatus: 'LIVE', activeEarnedCount: 0 }),
      { customerId: '4001', badgeId: storedBadge.id, includeStatistics: true },
    );
    expect(result).toMatchObject({ badgeStatus: 'LIVE', enrolments: [], earns: [], limits: [] });
    const without = resultFor('customerBadge', ok({ id: storedBadge.id, name: 'x' }), {
      customerId: '4001',
      badgeId: storedBadge.id,
      includeStatistics: false,
    });
    expect(without).toMatchObject({ enrolments: null, earns: null, limits: null });
  });
});

describe('answers the docs leave open or call incomplete', () => {
  it('a newer bulk earn answer whose earnedBadgesList is null, every customer failed, is still a report', () => {
    const result = resultFor(
      'earnBadgeForCustomers',
      ok({
        badgeMetaId: storedBadge.id,
        earnedBadgesList: null,
        failedCount: 1,
        failedEarnBadgeErrorList: [{ customerId: 4001, error: itemError(1026, 'Customer not found') }],
      }),
      { input: { ...keyed, customerIds: ['4001'] } },
    );
    expect(result).toMatchObject({
      __typename: 'CustomerEarnReport',
      succeededCount: 0,
      failedCount: 1,
      customers: [{ __typename: 'UnknownCustomerId', customerId: '4001' }],
    });
  });

  it("a customer's badge list without pagination (C18's fixed-window example) describes the items given", () => {
    const result = resultFor(
      'customerBadges',
      ok({ badges: [{ badgeMetaId: storedBadge.id, name: 'x', images: [{ name: 'i', tag: 'LOCKED' }] }] }),
      { customer: { id: '4001' } },
    );
    expect(result).toMatchObject({
      __typename: 'CustomerBadgeList',
      items: [{ badgeId: storedBadge.id, images: [{ name: 'i', tag: null }] }],
      pageInfo: { page: 0, size: 1, total: 1, totalPages: 1 },
    });
  });

  it('an enrolment or earn without an id is left out of the details, and the counts say so', () => {
    const result = resultFor(
      'customerBadge',
      ok({
        id: storedBadge.id,
        name: 'x',
        issualDetails: {
          issuedCount: 2,
          issuals: [{ issueId: null }, { issueId: '65f0aa000000000000000010' }],
        },
        earnDetails: {
          earnCount: 2,
          earns: [{ isActive: true }, { id: '65f0bb000000000000000020', isActive: true }],
        },
      }),
      { customerId: '4001', badgeId: storedBadge.id, includeStatistics: true },
    );
    expect(result).toMatchObject({
      enrolmentCount: 2,
      enrolments: [{ id: '65f0aa000000000000000010' }],
      earnCount: 2,
      earns: [{ id: '65f0bb000000000000000020', active: true }],
    });
  });

  it('809 with a null message and an odd reference is still DuplicateBadgesRequest', () => {
    const outcome = answered(400, { data: null, errors: [{ code: 809, message: null, reference: 7 }] });
    expect(resultFor('earnBadge', outcome, { input: { ...keyed, customerId: '4001' } })).toMatchObject({
      __typename: 'DuplicateBadgesRequest',
      upstreamErrors: [{ code: 809, message: 'Capillary gave no message', reference: null }],
    });
  });
});

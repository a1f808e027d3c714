import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../../src/emulator/emulator.js';
import { BASIC } from '../support/gateway.js';

/** The emulator's customer endpoints (enrol, earn, import, revoke, reads), over real sockets. */

const API = '/api_gateway/v1/badges';
const DAY = 86_400;
const OWNER = { ownerType: 'Loyalty', referenceId: 'prog-9' };
const CUSTOMER = 4001;
const EMAIL = { 'x-cap-customer-identifier': 'email' };

const OBJECT_ID: unknown = expect.stringMatching(/^[0-9a-f]{24}$/);
const IMPORT_REQUEST_ID: unknown = expect.stringMatching(/^[0-9a-f]{24}_1$/);
const A_STRING: unknown = expect.any(String);
const A_NUMBER: unknown = expect.any(Number);
const containing = (members: object): unknown => expect.objectContaining(members);

let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.stop();
  emulator = undefined;
});

async function started(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0, ...options });
  return emulator;
}

type Body = { data: Record<string, unknown> | null; errors: unknown[] | null; warnings: unknown[] | null };

/** One request as the customer's client makes it: status and parsed JSON. */
async function send(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  json?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Body }> {
  const running = emulator ?? (await started());
  const response = await request(`${running.url}${API}/${path}`, {
    method,
    headers: { authorization: BASIC, 'content-type': 'application/json', ...headers },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return { status: response.statusCode, body: (await response.body.json()) as Body };
}

/** The `data` of an HTTP 200 with `errors: []`. */
async function ok(...args: Parameters<typeof send>): Promise<Record<string, unknown>> {
  const { status, body } = await send(...args);
  expect({ status, errors: body.errors }).toEqual({ status: 200, errors: [] });
  return body.data ?? {};
}

function refused(code: number, message: string) {
  return { data: null, errors: [{ code, message, reference: null }], warnings: null };
}

/** A LIVE badge (started yesterday, through the migration header), claimed by OWNER unless told otherwise. */
async function liveBadge(overrides: Record<string, unknown> = {}, claim = true): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const created = await send(
    'POST',
    'badgeMeta',
    {
      name: `Badge ${Math.random()}`,
      startOn: now - DAY,
      expiresOn: now + 30 * DAY,
      earnType: 'EARN',
      active: true,
      earnedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: 14 },
      ownership: { restrictedToOwners: ['Loyalty'] },
      ...overrides,
    },
    { 'x-cap-badges-migration': 'migration' },
  );
  const id = String(created.body.data?.id);
  if (claim) expect((await send('POST', `badgeMeta/${id}/claim`, OWNER)).status).toBe(200);
  return id;
}

const ENROL_FIRST = {
  earnType: 'ISSUE_EARN',
  issuedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: 30 },
};

function enrol(badgeMetaId: string, customers: unknown[], extra: Record<string, unknown> = {}) {
  return send('POST', 'badgeMeta/customer/issueBulk', {
    badgeMetaId,
    customers,
    triggeredBy: OWNER,
    ...extra,
  });
}

function earn(badgeMetaId: string, requestId: string, customerId: unknown = CUSTOMER) {
  return send('POST', 'customer/earn', { badgeMetaId, customerId, requestId, triggeredBy: OWNER });
}

/** A claimed ISSUE_EARN badge with CUSTOMER enrolled: its id and the issuance's. */
async function enrolled(): Promise<{ badgeId: string; issuedId: string }> {
  const badgeId = await liveBadge(ENROL_FIRST);
  const reply = await enrol(badgeId, [CUSTOMER]);
  const [item] = reply.body.data?.issuedBadges as Array<{ issuedId: string }>;
  return { badgeId, issuedId: String(item?.issuedId) };
}

/** The same, CUSTOMER then having earned it: the badge's id and the earn's. */
async function earnedAfterEnrolment(): Promise<{ badgeId: string; earnedBadgeId: string }> {
  const { badgeId } = await enrolled();
  const earned = await earn(badgeId, 'earn-1');
  return { badgeId, earnedBadgeId: String(earned.body.data?.earnedBadgeId) };
}

describe('customers in the emulator', () => {
  it('enrols customers with an ACTIVE issuance each, expiring as the badge rule says', async () => {
    const badgeId = await liveBadge(ENROL_FIRST);
    const before = Date.now() / 1000;
    const data = await ok('POST', 'badgeMeta/customer/issueBulk', {
      badgeMetaId: badgeId,
      customers: [CUSTOMER, 4002],
      requestId: 'enrol-1',
      triggeredBy: OWNER,
    });
    expect(data).toMatchObject({ badgeMetaId: badgeId, triggeredBy: OWNER, requestId: 'enrol-1' });
    expect(data.issuedBadges).toEqual([
      {
        customerId: CUSTOMER,
        issuedId: OBJECT_ID,
        error: null,
        status: 'ACTIVE',
      },
      { customerId: 4002, issuedId: OBJECT_ID, error: null, status: 'ACTIVE' },
    ]);
    expect(Number(data.expiresOn) - before).toBeCloseTo(30 * DAY, -1);
    expect(emulator?.customerIssueCount()).toBe(2);
  });

  it('earns on the enrolment, naming the issuance it used', async () => {
    const { badgeId, issuedId } = await enrolled();
    const data = await ok('POST', 'customer/earn', {
      badgeMetaId: badgeId,
      customerId: String(CUSTOMER),
      requestId: 23432,
      earnEventDate: new Date().toISOString(),
      triggeredBy: OWNER,
    });
    expect(data).toMatchObject({ badgeMetaId: badgeId, customerId: CUSTOMER, requestId: '23432', issuedId });
    expect(data.earnedBadgeId).toMatch(/^[0-9a-f]{24}$/);
    expect(emulator?.customerEarnCount()).toBe(1);
  });

  it.each([
    ['customer', 'badges', { earnType: 'ISSUE_EARN', earnedCount: 1, lastEarnedOnDate: A_NUMBER }],
    ['management', 'customerBadges', { badgeStatus: 'LIVE', earnCount: 1, issueStatus: 'ACTIVE' }],
  ])('lists the earned badge on GET %s/{email}?badgeType=EARNED', async (read, listKey, members) => {
    const { badgeId } = await earnedAfterEnrolment();
    const data = await ok('GET', `${read}/c${CUSTOMER}@example.com?badgeType=EARNED`, undefined, EMAIL);
    expect(data[listKey]).toEqual([containing({ badgeMetaId: badgeId, ...members })]);
    expect(data.pagination).toEqual({ page: 0, size: 1, total: 1, totalPages: 1 });
  });

  it('explodes the badge for the customer with issuals, earns and constraint counters', async () => {
    const { badgeId, earnedBadgeId } = await earnedAfterEnrolment();
    const path = `management/c${CUSTOMER}@example.com/badge/${badgeId}?includeStatistics=true`;
    const data = await ok('GET', path, undefined, EMAIL);
    expect(data).toMatchObject({
      id: badgeId,
      action: 'ACTIVATED',
      badgeType: 'ISSUE_EARN',
      badgeStatus: 'LIVE',
      claimedBy: ['Loyalty'],
      issualDetails: { issuedCount: 1, issuals: [containing({ issuedStatus: 'ACTIVE' })] },
      issuedStatus: 'ACTIVE',
      earnDetails: { earnCount: 1, earns: [containing({ earnedBadgeId, isActive: true })] },
      activeEarnedCount: 1,
    });
  });

  it('revokes an earn named by email, and the badge is no longer listed as earned', async () => {
    const { badgeId, earnedBadgeId } = await earnedAfterEnrolment();
    const revokeBody = { badgeMetaId: badgeId, customerId: `c${CUSTOMER}@example.com`, earnedBadgeId };
    const data = await ok('POST', 'customer/revokeEarn', revokeBody, EMAIL);
    expect(data).toEqual({ badgeMetaId: badgeId, customerId: CUSTOMER, earnedBadgeId, isActive: false });
    const earned = await ok('GET', `customer/${CUSTOMER}?badgeType=EARNED`);
    expect(earned.badges).toEqual([]);
    const exploded = await ok('GET', `management/${CUSTOMER}/badge/${badgeId}`);
    expect(exploded).toMatchObject({ activeEarnedCount: 0 });
    expect(exploded).not.toHaveProperty('earnDetails');
  });

  it('addresses the customer by mobile, external id and card number too', async () => {
    await started();
    const identifiers = { mobile: '9000004001', externalId: 'ext-4001', cardNumber: 'card-4001' };
    for (const [type, value] of Object.entries(identifiers)) {
      const data = await ok('GET', `management/${value}`, undefined, { 'x-cap-customer-identifier': type });
      expect(data.customerBadges).toEqual([]);
    }
  });

  it('refuses a reused requestId with 809 and HTTP 400, recording nothing', async () => {
    const badgeId = await liveBadge();
    expect((await earn(badgeId, 'r-1')).status).toBe(200);
    const again = await earn(badgeId, 'r-1', 4002);
    expect(again).toEqual({ status: 400, body: refused(809, 'Request with same requestId is not allowed') });
    expect(emulator?.customerEarnCount()).toBe(1);
  });

  it('refuses an earn on an unclaimed badge with 810 and HTTP 409', async () => {
    const badgeId = await liveBadge({}, false);
    const reply = await earn(badgeId, 'r-1');
    expect(reply).toEqual({ status: 409, body: refused(810, 'BadgeMeta needs to be claimed first') });
  });

  it('refuses an earn triggered by another reference than the claim with 810', async () => {
    const badgeId = await liveBadge();
    const reply = await send('POST', 'customer/earn', {
      badgeMetaId: badgeId,
      customerId: CUSTOMER,
      requestId: 'r-1',
      triggeredBy: { ...OWNER, referenceId: 'prog-10' },
    });
    expect(reply.body.errors).toEqual([
      { code: 810, message: 'BadgeMeta needs to be claimed first', reference: null },
    ]);
  });

  it('refuses an earn before enrolment on an ISSUE_EARN badge with 811 and HTTP 409', async () => {
    const badgeId = await liveBadge(ENROL_FIRST);
    const reply = await earn(badgeId, 'r-1');
    expect(reply).toEqual({ status: 409, body: refused(811, 'Badge issue is mandatory before earn') });
  });

  it('refuses an earn beyond the customer maxEarnLimit', async () => {
    const badgeId = await liveBadge({
      customerConstraints: [{ constraintType: 'CUSTOMER_BADGE_FIXED_VALUE', maxEarnLimit: 1 }],
    });
    expect((await earn(badgeId, 'r-1')).status).toBe(200);
    const reply = await earn(badgeId, 'r-2');
    expect(reply.status).toBe(409);
    expect(reply.body.errors).toEqual([containing({ code: 813 })]);
  });

  it('answers a second revoke of the same earn with 814 and HTTP 409', async () => {
    const { badgeId, earnedBadgeId } = await earnedAfterEnrolment();
    const revokeBody = { badgeMetaId: badgeId, customerId: CUSTOMER, earnedBadgeId };
    await ok('POST', 'customer/revokeEarn', revokeBody);
    const again = await send('POST', 'customer/revokeEarn', revokeBody);
    expect(again).toEqual({ status: 409, body: refused(814, 'Active earn instance is not present.') });
  });

  it('refuses an enrolment dated before the badge starts with 816', async () => {
    const badgeId = await liveBadge(ENROL_FIRST);
    const reply = await enrol(badgeId, [CUSTOMER], {
      issueEventDate: Math.floor(Date.now() / 1000) - 2 * DAY,
    });
    expect(reply).toEqual({ status: 400, body: refused(816, 'Event date is not in duration of badge meta') });
  });

  it('refuses an earn on a badge that has not started with 815', async () => {
    const badgeId = await liveBadge({ startOn: Math.floor(Date.now() / 1000) + DAY });
    const reply = await earn(badgeId, 'r-1');
    expect(reply).toEqual({ status: 409, body: refused(815, 'Badge is not live') });
  });

  it('answers 1026 for an email that names no customer', async () => {
    await started();
    const reply = await send('GET', 'customer/someone@example.org', undefined, EMAIL);
    expect(reply).toEqual({ status: 404, body: refused(1026, 'Customer not found') });
  });

  it('answers 1028 for an unknown identifier type', async () => {
    await started();
    const reply = await send('GET', `customer/${CUSTOMER}`, undefined, {
      'x-cap-customer-identifier': 'phone',
    });
    expect(reply).toEqual({ status: 400, body: refused(1028, 'Invalid Customer Identifier type') });
  });

  it('answers 1051 inside an HTTP 200 when revokeIssue names neither customers nor issues', async () => {
    const badgeId = await liveBadge(ENROL_FIRST);
    const reply = await send('POST', 'badgeMeta/customer/revokeIssue', { badgeMetaId: badgeId });
    expect(reply).toEqual({ status: 200, body: refused(1051, 'RevokeIssuals or CustomerId is mandatory') });
  });

  it('revokes enrolments by customer, with a body code 404 item for a customer without one', async () => {
    const { badgeId } = await enrolled();
    const data = await ok('POST', 'badgeMeta/customer/revokeIssue', {
      badgeMetaId: badgeId,
      customers: [CUSTOMER, 4003],
    });
    expect(data).toEqual({
      badgeMetaId: badgeId,
      revokedIssuedBadges: [
        { customerId: CUSTOMER, issuedId: A_STRING, error: null },
        {
          customerId: 4003,
          issuedId: null,
          error: refused(404, "Customer doesn't have issue instance").errors[0],
        },
      ],
      requestId: null,
    });
    expect((await earn(badgeId, 'r-1')).body.errors).toEqual(
      refused(811, 'Badge issue is mandatory before earn').errors,
    );
  });

  it('answers an issue of another customer with an item error without a code', async () => {
    const { badgeId, issuedId: issueId } = await enrolled();
    const data = await ok('POST', 'badgeMeta/customer/revokeIssue', {
      badgeMetaId: badgeId,
      revokeIssuals: [{ customerId: '4002', issueId }],
    });
    expect(data).toEqual({
      badgeMetaId: badgeId,
      revokedIssuedBadges: [
        {
          customerId: 4002,
          issuedId: null,
          error: { message: "issue doesn't belong to customer", reference: null },
        },
      ],
    });
  });

  it('earns in bulk with per-customer outcomes inside an HTTP 200', async () => {
    const badgeId = await liveBadge({
      customerConstraints: [{ constraintType: 'CUSTOMER_BADGE_FIXED_VALUE', maxEarnLimit: 1 }],
    });
    await earn(badgeId, 'single');
    const data = await ok('POST', 'customer/earnBulk', {
      badgeMetaId: badgeId,
      customerIds: [CUSTOMER, 4002, 0],
      requestId: 'bulk-1',
      triggeredBy: OWNER,
    });
    expect(data).toMatchObject({
      badgeMetaId: badgeId,
      earnedBadgesList: [{ customerId: 4002, earnedBadgeId: OBJECT_ID }],
      totalCount: 3,
      earnedCount: 1,
      failedCount: 2,
      failedEarnBadgeErrorList: [
        { customerId: CUSTOMER, error: containing({ code: 813 }) },
        { customerId: 0, error: { code: 1026, message: 'Customer not found', reference: null } },
      ],
      triggeredBy: OWNER,
    });
    expect(emulator?.customerEarnCount()).toBe(2);
  });

  it('enrols and earns in one bulk earn on an ISSUE_EARN badge, 1040 for a customer already enrolled', async () => {
    const { badgeId } = await enrolled();
    const data = await ok('POST', 'customer/earnBulk', {
      badgeMetaId: badgeId,
      customerIds: [CUSTOMER, 4002],
      requestId: 'bulk-1',
      triggeredBy: OWNER,
    });
    expect(data.failedEarnBadgeErrorList).toEqual([
      {
        customerId: CUSTOMER,
        error: { code: 1040, message: 'An active issue for the badge already exists.', reference: null },
      },
    ]);
    expect(emulator?.customerIssueCount()).toBe(2);
  });

  it('imports earns as an array of envelopes, one failing in place', async () => {
    const badgeId = await liveBadge({}, false);
    const earnedAt = Math.floor(Date.now() / 1000) - DAY;
    const element = {
      badgeMetaId: badgeId,
      customerId: CUSTOMER,
      earnEventDate: earnedAt,
      earnExpiresOn: earnedAt + DAY,
    };
    const running = emulator ?? (await started());
    const response = await request(`${running.url}${API}/import/customerBadges`, {
      method: 'PUT',
      headers: { authorization: BASIC, 'content-type': 'application/json' },
      body: JSON.stringify([element, { ...element, badgeMetaId: '0123456789abcdef01234567' }]),
    });
    expect(response.statusCode).toBe(200);
    expect(await response.body.json()).toEqual([
      {
        data: {
          badgeMetaId: badgeId,
          customerId: CUSTOMER,
          earnedBadgeId: OBJECT_ID,
          expiresOn: earnedAt + DAY,
          expiresOnISO: A_STRING,
          requestId: IMPORT_REQUEST_ID,
          issuedId: null,
        },
        errors: null,
        warnings: null,
      },
      refused(404, 'Passed badge is not found'),
    ]);
  });

  it('counts customers\u2019 enrolments and earns in the badge statistics', async () => {
    const { badgeId } = await earnedAfterEnrolment();
    const data = await send('GET', `badgeMeta/${badgeId}?includeStatistics=true`);
    expect(data.body.data).toMatchObject({ issuedCount: 1, earnedCount: 1 });
  });

  it('counts the customer’s earns in its fixed window on the explode read with statistics', async () => {
    const window = { durationType: 'DAYS', refreshRate: 1, maxEarnLimit: 2 };
    const badgeId = await liveBadge({
      customerConstraints: [{ constraintType: 'CUSTOMER_BADGE_FIXED_WINDOW', ...window }],
    });
    await earn(badgeId, 'r-1');
    const data = await ok('GET', `management/${CUSTOMER}/badge/${badgeId}?includeStatistics=true`);
    expect(data.customerConstraints).toEqual([
      containing({
        constraintLevel: 'CUSTOMER',
        constraintType: 'FIXED_WINDOW',
        maxEarnLimit: 2,
        earnConstraintBlockStatistics: containing({ currentEarnCount: 1 }),
        fixedWindowReferenceId: A_STRING,
      }),
    ]);
  });

  it('counts the earn in today’s cycle of getFixedWindowDetails', async () => {
    const badgeId = await liveBadge({
      badgeConstraints: [
        { constraintType: 'BADGE_FIXED_WINDOW', durationType: 'DAYS', refreshRate: 1, maxEarnLimit: 5 },
      ],
    });
    await earn(badgeId, 'r-1');
    const query = `badgeMetaId=${badgeId}&includeEarnCount=true&constraintType=BADGE`;
    const data = await ok('GET', `badgeMeta/getFixedWindowDetails?${query}`);
    const counts = (data.fixedWindowCycles as Array<{ earnCount: number }>).map((cycle) => cycle.earnCount);
    expect(counts.slice(0, 2)).toEqual([0, 1]);
  });

  it('records an earn whose answer the dropAnswerOf fault cuts off, and refuses its retry with 809', async () => {
    await started({
      faults: { dropAnswerOf: (seen) => seen.path.endsWith('/customer/earn') && seen.status === 200 },
    });
    const badgeId = await liveBadge();
    await expect(earn(badgeId, 'lost-1')).rejects.toThrow();
    expect(emulator?.customerEarnCount()).toBe(1);
    const retry = await earn(badgeId, 'lost-1');
    expect(retry).toEqual({ status: 400, body: refused(809, 'Request with same requestId is not allowed') });
  });
});

import fc from 'fast-check';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.js';
import { BASIC } from '../support/gateway.js';

/** The emulator's badge definition, badge group and custom field endpoints, over real sockets. */

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
});

afterEach(async () => {
  await emulator.stop();
});

const BADGES = '/api_gateway/v1/badges';
const BADGE_META = `${BADGES}/badgeMeta`;
const OTHER_USER = `Basic ${Buffer.from('store456:0123456789abcdef0123456789abcdef').toString('base64')}`;
const DAY = 86_400;
const now = () => Math.floor(Date.now() / 1000);

interface Problem {
  readonly code: number;
  readonly message: string;
  readonly reference: string | null;
}

interface Reply<T> {
  readonly status: number;
  readonly text: string;
  readonly body: { data: T | null; errors: Problem[] | null; warnings: unknown[] | null };
}

async function call<T = Record<string, unknown>>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Reply<T>> {
  const response = await request(`${emulator.url}${path}`, {
    method,
    headers: {
      authorization: BASIC,
      'content-type': 'application/json',
      accept: 'application/json',
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    text,
    body: text === '' ? { data: null, errors: null, warnings: null } : (JSON.parse(text) as Reply<T>['body']),
  };
}

/** The data of a success, failing the test otherwise. */
function dataOf<T>(reply: Reply<T>): T {
  expect(reply.status, reply.text).toBeLessThan(300);
  expect(reply.body.data).not.toBeNull();
  return reply.body.data as T;
}

/** A documented failure: `data` and `warnings` null, these errors. */
function expectFailure(reply: Reply<unknown>, status: number, errors: Problem[]): void {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual({ data: null, errors, warnings: null });
}

interface Claim {
  readonly ownerType: string;
  readonly referenceId: string;
  readonly isActive: boolean;
}

interface Badge {
  readonly id: string;
  readonly name: string;
  readonly startOn: number;
  readonly status: string;
  readonly active: boolean;
  readonly createdOn: number;
  readonly lastUpdatedOn: number;
  readonly ownership: { restrictedToOwners: string[]; claims: Claim[] };
  readonly customerConstraints: Array<Record<string, unknown>>;
}

interface Page {
  readonly metaBasicDetails: Badge[];
  readonly pagination: { page: number; size: number; total: number; totalPages: number };
}

function badgeInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Weekend Explorer',
    startOn: now() + DAY,
    expiresOn: now() + 30 * DAY,
    earnType: 'EARN',
    active: true,
    earnedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: 30 },
    ownership: { restrictedToOwners: ['Milestones', 'Loyalty'] },
    ...overrides,
  };
}

async function createBadge(overrides: Record<string, unknown> = {}, headers?: Record<string, string>) {
  return dataOf(await call<Badge>('POST', BADGE_META, badgeInput(overrides), headers));
}

async function claimsOf(id: string): Promise<Claim[]> {
  return dataOf(await call<Badge>('GET', `${BADGE_META}/${id}`)).ownership.claims;
}

async function claim(id: string, body: unknown, action: 'claim' | 'unclaim' = 'claim') {
  return call<Claim>('POST', `${BADGE_META}/${id}/${action}`, body);
}

describe('badge definitions in the emulator', () => {
  it('creates a badge with 201, an id minted from the creation second, status UPCOMING and no claims', async () => {
    const before = now();
    const reply = await call<Badge & { id: string }>('POST', BADGE_META, badgeInput());
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ errors: [], warnings: [] });
    expect(reply.body.data).toMatchObject({
      badgeNumericId: 1,
      name: 'Weekend Explorer',
      description: null,
      status: 'UPCOMING',
      active: true,
      issuedBadgeExpiry: null,
      earnedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: 30 },
      ownership: { restrictedToOwners: ['Loyalty', 'Milestones'], claims: [] },
      customerConstraints: [],
      badgeConstraints: [],
      customFields: {},
      badgeGroupId: null,
      badgeRank: null,
    });
    expect(reply.text).toMatch(/"createdOn":\d{10}\.\d{9},"createdOnISO":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"/);
    const id = dataOf(reply).id;
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(parseInt(id.slice(0, 8), 16)).toBeGreaterThanOrEqual(before);
    expect(emulator.badgeCount()).toBe(1);
  });

  it('reads isActive on create as the active flag', async () => {
    const input = badgeInput({ isActive: false });
    delete input.active;
    const reply = await call<Badge>('POST', BADGE_META, input);
    expect(dataOf(reply).active).toBe(false);
  });

  it('reads a badge by id with errors and warnings null and millisecond timestamps', async () => {
    const created = await createBadge();
    const reply = await call<Badge>('GET', `${BADGE_META}/${created.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      data: { id: created.id, status: 'UPCOMING' },
      errors: null,
      warnings: null,
    });
    expect(reply.text).toMatch(/"createdOn":\d{10}\.\d{3}000000,/);
    expect(reply.body.data).not.toHaveProperty('issuedCount');
  });

  it('adds issuedCount and earnedCount to a read with includeStatistics=true', async () => {
    const created = await createBadge();
    const reply = await call<Badge>('GET', `${BADGE_META}/${created.id}?includeStatistics=true`);
    expect(reply.body.data).toMatchObject({ issuedCount: 0, earnedCount: 0 });
  });

  it('answers 404 "Passed badge is not found" for an unknown badge id', async () => {
    const reply = await call('GET', `${BADGE_META}/0123456789abcdef01234567`);
    expectFailure(reply, 404, [{ code: 404, message: 'Passed badge is not found', reference: null }]);
  });

  it('lists badges newest first in pages of metaBasicDetails with pagination', async () => {
    for (const name of ['First', 'Second', 'Third']) await createBadge({ name });
    const first = await call<Page>('GET', `${BADGE_META}?page=0&size=2`);
    const second = await call<Page>('GET', `${BADGE_META}?page=1&limit=2`);
    expect(first.body).toMatchObject({ errors: [], warnings: [] });
    expect(dataOf(first).metaBasicDetails.map((badge) => badge.name)).toEqual(['Third', 'Second']);
    expect(dataOf(first).pagination).toEqual({ page: 0, size: 2, total: 3, totalPages: 2 });
    expect(dataOf(second).metaBasicDetails.map((badge) => badge.name)).toEqual(['First']);
    expect(dataOf(first).metaBasicDetails[0]).toMatchObject({
      badgeGroupName: null,
      issuedCount: 0,
      earnedCount: 0,
    });
    expect(dataOf(first).metaBasicDetails[0]).not.toHaveProperty('customerConstraints');
  });

  it('filters the list by status, earnType, name and owner', async () => {
    await createBadge({ name: 'Upcoming earn' });
    await createBadge(
      {
        name: 'Live issue',
        startOn: now() - DAY,
        earnType: 'ISSUE_EARN',
        issuedBadgeExpiry: { expiryType: 'NEVER' },
      },
      { 'x-cap-badges-migration': 'migration' },
    );
    await createBadge({ name: 'Journeys only', ownership: { restrictedToOwners: ['Journeys'] } });
    const names = async (query: string) =>
      dataOf(await call<Page>('GET', `${BADGE_META}?${query}`)).metaBasicDetails.map((badge) => badge.name);
    expect(await names('status=LIVE')).toEqual(['Live issue']);
    expect(await names('status=LIVE,UPCOMING')).toHaveLength(3);
    expect(await names('earnType=EARN')).toEqual(['Journeys only', 'Upcoming earn']);
    expect(await names('name=upcoming')).toEqual(['Upcoming earn']);
    expect(await names('owner=Journeys')).toEqual(['Journeys only']);
  });

  it('sorts the list on NAME when asked', async () => {
    for (const name of ['Bravo', 'Alpha', 'Charlie']) await createBadge({ name });
    const page = dataOf(await call<Page>('GET', `${BADGE_META}?sortOn=NAME`));
    expect(page.metaBasicDetails.map((badge) => badge.name)).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  it('answers a list filter outside its enum with the enum error', async () => {
    const reply = await call('GET', `${BADGE_META}?status=SOON`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.message).toBe(
      "Invalid enum value: 'SOON' for the field: 'status'. The value must be one of: [UPCOMING, LIVE, EXPIRED].",
    );
  });

  it('claims a badge for an owner type and reference id, with errors null and warnings []', async () => {
    const badge = await createBadge();
    const reply = await claim(badge.id, { ownerType: 'Loyalty', referenceId: '626' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: { ownerType: 'Loyalty', referenceId: '626', isActive: true },
      errors: null,
      warnings: [],
    });
    expect(await claimsOf(badge.id)).toEqual([{ ownerType: 'Loyalty', referenceId: '626', isActive: true }]);
  });

  it('answers a repeat claim with 200 and warning 900', async () => {
    const badge = await createBadge();
    await claim(badge.id, { ownerType: 'Loyalty', referenceId: '626' });
    const reply = await claim(badge.id, { ownerType: 'Loyalty', referenceId: '626' });
    expect(reply.status).toBe(200);
    expect(reply.body.warnings).toEqual([{ code: 900, message: 'Badge is already claimed by this owner' }]);
    expect(await claimsOf(badge.id)).toHaveLength(1);
  });

  it("answers an owner type in the wrong case with the server's seven-value enum message", async () => {
    const badge = await createBadge();
    const reply = await claim(badge.id, { ownerType: 'LOYALTY', referenceId: '626' });
    expectFailure(reply, 400, [
      {
        code: 400,
        message:
          "Invalid enum value: 'LOYALTY' for the field: 'ownerType'. The value must be one of: " +
          '[Loyalty, Referral_Campaigns, Journeys, Audience_Campaigns, Rewards_Catalog, Goodwill_Module, Milestones].',
        reference: 'ownerType',
      },
    ]);
  });

  it('answers a claim without referenceId with 717', async () => {
    const badge = await createBadge();
    const reply = await claim(badge.id, { ownerType: 'Loyalty' });
    expectFailure(reply, 400, [{ code: 717, message: 'Owner id is mandatory', reference: 'referenceId' }]);
  });

  it('answers a claim by an owner type the badge does not allow with 714', async () => {
    const badge = await createBadge();
    const reply = await claim(badge.id, { ownerType: 'Journeys', referenceId: 'journey-481' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.code).toBe(714);
  });

  it('unclaims by soft delete: the claim stays with isActive false', async () => {
    const badge = await createBadge();
    await claim(badge.id, { ownerType: 'Milestones', referenceId: 'm-1' });
    const reply = await claim(badge.id, { ownerType: 'Milestones', referenceId: 'm-1' }, 'unclaim');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      data: { ownerType: 'Milestones', referenceId: 'm-1', isActive: false },
      errors: null,
      warnings: [],
    });
    expect(await claimsOf(badge.id)).toEqual([
      { ownerType: 'Milestones', referenceId: 'm-1', isActive: false },
    ]);
  });

  it('answers an unclaim of a claim that does not exist with 737', async () => {
    const badge = await createBadge();
    const reply = await claim(badge.id, { ownerType: 'Loyalty', referenceId: 'nope' }, 'unclaim');
    expectFailure(reply, 400, [
      { code: 737, message: 'Claim not found in existing claims', reference: null },
    ]);
  });

  it('filters the list on claimedBy and unclaimed, counting active claims only', async () => {
    const claimed = await createBadge({ name: 'Claimed' });
    const released = await createBadge({ name: 'Released' });
    await claim(claimed.id, { ownerType: 'Loyalty', referenceId: '1' });
    await claim(released.id, { ownerType: 'Loyalty', referenceId: '2' });
    await claim(released.id, { ownerType: 'Loyalty', referenceId: '2' }, 'unclaim');
    const names = async (query: string) =>
      dataOf(await call<Page>('GET', `${BADGE_META}?${query}`)).metaBasicDetails.map((badge) => badge.name);
    expect(await names('claimedBy=Loyalty')).toEqual(['Claimed']);
    expect(await names('unclaimed=true')).toEqual(['Released']);
  });

  it('deactivates and activates a badge, reporting isActive, and the list filters on action', async () => {
    const badge = await createBadge();
    const off = await call('PUT', `${BADGE_META}/${badge.id}/deactivate`, { active: true });
    expect(off.body).toEqual({ data: { id: badge.id, isActive: false }, errors: [], warnings: [] });
    const actions = async (action: string) =>
      dataOf(await call<Page>('GET', `${BADGE_META}?action=${action}`)).pagination.total;
    expect([await actions('ACTIVATED'), await actions('DE_ACTIVATED')]).toEqual([0, 1]);
    const on = await call('PUT', `${BADGE_META}/${badge.id}/activate`);
    expect(on.body.data).toEqual({ id: badge.id, isActive: true });
    expect(dataOf(await call<Badge>('GET', `${BADGE_META}/${badge.id}`)).active).toBe(true);
  });

  it('updates a badge with the id in the body, keeping claims and createdOn', async () => {
    const badge = await createBadge();
    await claim(badge.id, { ownerType: 'Loyalty', referenceId: '626' });
    const reply = await call<Badge>(
      'PUT',
      BADGE_META,
      badgeInput({ id: badge.id, name: 'Renamed', startOn: badge.createdOn + 2 * DAY }),
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ errors: [], warnings: [] });
    const updated = dataOf(reply);
    expect(updated).toMatchObject({ id: badge.id, name: 'Renamed', createdOn: badge.createdOn });
    expect(updated.ownership.claims).toHaveLength(1);
    expect(updated.lastUpdatedOn).toBeGreaterThanOrEqual(badge.lastUpdatedOn);
  });

  it('answers a change of startOn on a live badge with 723', async () => {
    const live = await createBadge({ startOn: now() - DAY }, { 'x-cap-badges-migration': 'migration' });
    const reply = await call('PUT', BADGE_META, badgeInput({ id: live.id, startOn: now() + DAY }));
    expectFailure(reply, 400, [
      { code: 723, message: 'Start Date cannot change once the badge is live', reference: null },
    ]);
  });

  it('answers an update whose expiry is not after its start with 720', async () => {
    const badge = await createBadge();
    const reply = await call('PUT', BADGE_META, badgeInput({ id: badge.id, expiresOn: now() + DAY / 2 }));
    expectFailure(reply, 400, [
      { code: 720, message: 'Start Date should be before End Date', reference: null },
    ]);
  });

  it('answers an update moving the expiry into the past with 724', async () => {
    const live = await createBadge({ startOn: now() - 2 * DAY }, { 'x-cap-badges-migration': 'migration' });
    const reply = await call(
      'PUT',
      BADGE_META,
      badgeInput({ id: live.id, startOn: live.startOn, expiresOn: now() - DAY }),
    );
    expectFailure(reply, 400, [{ code: 724, message: 'Expiry Date cannot be past date', reference: null }]);
  });

  it('answers an update switching a fixed window to a fixed value with 826', async () => {
    const window = {
      constraintType: 'BADGE_FIXED_WINDOW',
      durationType: 'DAYS',
      refreshRate: 3,
      maxEarnLimit: 9,
    };
    const badge = await createBadge({ badgeConstraints: [window] });
    const reply = await call(
      'PUT',
      BADGE_META,
      badgeInput({
        id: badge.id,
        badgeConstraints: [{ constraintType: 'BADGE_FIXED_VALUE', maxEarnLimit: 9 }],
      }),
    );
    expect(reply.body.errors?.map((error) => error.code)).toEqual([826]);
  });

  it('answers an update of an unknown badge with 404', async () => {
    const reply = await call('PUT', BADGE_META, badgeInput({ id: '0123456789abcdef01234567' }));
    expect(reply.status).toBe(404);
    expect(reply.body.errors?.[0]?.message).toBe('Passed badge is not found');
  });

  it('answers a duplicate name with 725, case-sensitively', async () => {
    await createBadge({ name: 'Gold' });
    const duplicate = await call('POST', BADGE_META, badgeInput({ name: 'Gold' }));
    const otherCase = await call('POST', BADGE_META, badgeInput({ name: 'GOLD' }));
    expectFailure(duplicate, 400, [
      { code: 725, message: 'Badge name cannot be duplicate', reference: null },
    ]);
    expect(otherCase.status).toBe(201);
  });

  it('answers an empty restrictedToOwners with 728 together with the other failed rules', async () => {
    await createBadge({ name: 'Gold' });
    const reply = await call(
      'POST',
      BADGE_META,
      badgeInput({ name: 'Gold', ownership: { restrictedToOwners: [] } }),
    );
    expectFailure(reply, 400, [
      { code: 728, message: 'Atleast one owner is required', reference: 'ownership.restrictedToOwners' },
      { code: 725, message: 'Badge name cannot be duplicate', reference: null },
    ]);
  });

  it('answers a past startOn with 722', async () => {
    const reply = await call('POST', BADGE_META, badgeInput({ startOn: now() - DAY }));
    expectFailure(reply, 400, [{ code: 722, message: 'Start Date cannot be past date', reference: null }]);
  });

  it('accepts a past startOn with the header X-CAP-BADGES-MIGRATION: migration, as LIVE', async () => {
    const badge = await createBadge({ startOn: now() - DAY }, { 'x-cap-badges-migration': 'migration' });
    expect(badge.status).toBe('LIVE');
  });

  it('answers malformed JSON with a code-400 envelope carrying the parser message', async () => {
    const reply = await call('POST', BADGE_META, '{"name":');
    expect(reply.status).toBe(400);
    expect(reply.body.data).toBeNull();
    expect(reply.body.errors?.[0]?.message).toMatch(/^JSON parse error: /);
  });

  it('enriches a fixed-window constraint with referenceId, cycleStatus and dates', async () => {
    const badge = await createBadge({
      customerConstraints: [
        {
          constraintType: 'CUSTOMER_BADGE_FIXED_WINDOW',
          durationType: 'DAYS',
          refreshRate: 7,
          maxEarnLimit: 1,
        },
      ],
    });
    const window = badge.customerConstraints[0] ?? {};
    expect(window).toMatchObject({
      constraintType: 'CUSTOMER_BADGE_FIXED_WINDOW',
      durationType: 'DAYS',
      refreshRate: 7,
      maxEarnLimit: 1,
      cycleStatus: 'UPCOMING',
    });
    expect(window.referenceId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-3[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect([typeof window.startDate, typeof window.endDate]).toEqual(['number', 'number']);
  });

  it('serves getFixedWindowDetails instead of reading it as a badge id', async () => {
    const badge = await createBadge({
      badgeConstraints: [
        { constraintType: 'BADGE_FIXED_WINDOW', durationType: 'DAYS', refreshRate: 7, maxEarnLimit: 100 },
      ],
    });
    const reply = await call<{
      badgeMetaId: string;
      fixedWindowCycles: Array<Record<string, unknown>>;
      pagination: unknown;
    }>(
      'GET',
      `${BADGE_META}/getFixedWindowDetails?badgeMetaId=${badge.id}&size=2&includeEarnCount=true&constraintType=BADGE`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ errors: [], warnings: [] });
    const data = dataOf(reply);
    expect(data.badgeMetaId).toBe(badge.id);
    expect(data.fixedWindowCycles).toHaveLength(2);
    expect(data.fixedWindowCycles[0]).toMatchObject({ constraintType: 'BADGE_FIXED_WINDOW', earnCount: 0 });
    expect(data.pagination).toEqual({ page: 0, size: 2, total: 5, totalPages: 3 });
  });

  it('answers getFixedWindowDetails without badgeMetaId with a 400, not a missing badge', async () => {
    const reply = await call('GET', `${BADGE_META}/getFixedWindowDetails`);
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.reference).toBe('badgeMetaId');
  });

  it('binds a user without org meta to a stable org of its own', async () => {
    const badge = await createBadge();
    const other = await call<Page>('GET', BADGE_META, undefined, { authorization: OTHER_USER });
    const again = await call<Badge & { orgId: number }>('GET', `${BADGE_META}/${badge.id}`);
    expect(dataOf(other).pagination.total).toBe(0);
    expect(dataOf(again).orgId).toBe((badge as Badge & { orgId: number }).orgId);
  });

  it('answers 403 to an org meta create for another org once badges bound the user', async () => {
    const badge = (await createBadge()) as Badge & { orgId: number };
    const reply = await call('POST', `${BADGES}/orgMeta`, { orgId: badge.orgId + 1, tags: [] });
    expect(reply.status).toBe(403);
  });

  it('puts the badges of a user with org meta in the org meta org', async () => {
    await call('POST', `${BADGES}/orgMeta`, { orgId: 100458, tags: [] });
    const badge = (await createBadge()) as Badge & { orgId: number };
    expect(badge.orgId).toBe(100458);
  });

  it('answers every request body with a documented status, never a 500', async () => {
    const badge = await createBadge();
    const targets: Array<['POST' | 'PUT', string]> = [
      ['POST', BADGE_META],
      ['PUT', BADGE_META],
      ['POST', `${BADGE_META}/${badge.id}/claim`],
      ['POST', `${BADGE_META}/${badge.id}/unclaim`],
      ['POST', `${BADGES}/group`],
      ['PUT', `${BADGES}/${badge.id}`],
      ['POST', `${BADGES}/customField`],
    ];
    const field = fc.constantFrom(
      'name',
      'startOn',
      'expiresOn',
      'earnType',
      'active',
      'earnedBadgeExpiry',
      'issuedBadgeExpiry',
      'ownership',
      'customerConstraints',
      'badgeConstraints',
      'benefits',
      'images',
      'tags',
      'customFields',
      'badgeRank',
      'id',
      'ownerType',
      'referenceId',
      'rank',
      'dataType',
      'defaultValue',
      'isMandatory',
      '__proto__',
    );
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.dictionary(field, fc.jsonValue({ maxDepth: 3 })),
      fc
        .record({ base: fc.constant(badgeInput()), field, value: fc.jsonValue({ maxDepth: 3 }) })
        .map(({ base, field: key, value }) => ({ ...base, [key]: value })),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...targets), body, async ([method, path], input) => {
        const reply = await call(method, path, JSON.stringify(input));
        expect([200, 201, 400, 404]).toContain(reply.status);
      }),
      { numRuns: 150 },
    );
  });
});

interface Group {
  readonly id: string;
  readonly name: string;
  readonly rank: number;
  readonly createdOn: number;
}

describe('badge groups in the emulator', () => {
  const GROUP = `${BADGES}/group`;
  const createGroup = async (name: string, rank = 1) =>
    dataOf(await call<Group>('POST', GROUP, { name, rank }));

  it('creates a group with 200, isActive true, and errors and warnings []', async () => {
    const reply = await call<Group>('POST', GROUP, { name: 'Intermediate', rank: 2 });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      data: { name: 'Intermediate', rank: 2, isActive: true },
      errors: [],
      warnings: [],
    });
    expect(emulator.badgeGroupCount()).toBe(1);
  });

  it('answers a duplicate group name with 733', async () => {
    await createGroup('Beginner');
    const reply = await call('POST', GROUP, { name: 'Beginner', rank: 1 });
    expectFailure(reply, 400, [{ code: 733, message: 'Group Name should be Unique.', reference: null }]);
  });

  it('answers a group without a rank with 732, and allows duplicate ranks', async () => {
    await createGroup('One', 1);
    const missing = await call('POST', GROUP, { name: 'Two' });
    const sameRank = await call('POST', GROUP, { name: 'Three', rank: 1 });
    expectFailure(missing, 400, [{ code: 732, message: 'Group Rank is Mandatory.', reference: 'rank' }]);
    expect(sameRank.status).toBe(200);
  });

  it('reads a group by id with errors and warnings null', async () => {
    const group = await createGroup('Expert', 3);
    const reply = await call<Group>('GET', `${GROUP}/${group.id}`);
    expect(reply.body).toMatchObject({
      data: { id: group.id, name: 'Expert', rank: 3 },
      errors: null,
      warnings: null,
    });
  });

  it('lists groups in creation order, paged under badgeGroups', async () => {
    for (const name of ['A', 'B', 'C']) await createGroup(name);
    const reply = await call<{ badgeGroups: Group[]; pagination: unknown }>('GET', `${GROUP}?page=1&size=2`);
    expect(reply.body).toMatchObject({ errors: [], warnings: [] });
    expect(dataOf(reply).badgeGroups.map((group) => group.name)).toEqual(['C']);
    expect(dataOf(reply).pagination).toEqual({ page: 1, size: 2, total: 3, totalPages: 2 });
  });

  it('updates a group with PUT on badges/{groupId}', async () => {
    const group = await createGroup('Old', 1);
    const reply = await call<Group>('PUT', `${BADGES}/${group.id}`, { name: 'New', rank: 4 });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      data: { id: group.id, name: 'New', rank: 4, createdOn: group.createdOn },
      errors: [],
    });
  });

  it('updates a group with POST on badges/group/{groupId}', async () => {
    const group = await createGroup('Old', 1);
    const reply = await call<Group>('POST', `${GROUP}/${group.id}`, { name: 'Newer', rank: 5 });
    expect(reply.status).toBe(200);
    expect(dataOf(await call<Group>('GET', `${GROUP}/${group.id}`))).toMatchObject({
      name: 'Newer',
      rank: 5,
    });
  });

  it('names the group of a badge in list items', async () => {
    const group = await createGroup('Beginner');
    await createBadge({ badgeGroupId: group.id, badgeRank: 1 });
    const page = dataOf(await call<Page>('GET', BADGE_META));
    expect(page.metaBasicDetails[0]).toMatchObject({
      badgeGroupId: group.id,
      badgeGroupName: 'Beginner',
      badgeRank: 1,
    });
  });
});

interface CustomField {
  readonly id: string;
  readonly name: string;
  readonly isActive: boolean;
}

describe('badge custom fields in the emulator', () => {
  const FIELDS = `${BADGES}/customField`;
  const createField = async (name: string) =>
    dataOf(
      await call<CustomField>('POST', FIELDS, {
        name,
        isMandatory: false,
        defaultValue: '0',
        dataType: 'INTEGER',
      }),
    );

  it('creates a custom field with 201, active, and errors and warnings []', async () => {
    const reply = await call<CustomField>('POST', FIELDS, {
      name: 'Tier Hint',
      defaultValue: '0',
      dataType: 'INTEGER',
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      data: { name: 'Tier Hint', isMandatory: false, defaultValue: '0', isActive: true, dataType: 'INTEGER' },
      errors: [],
      warnings: [],
    });
    expect(emulator.customFieldCount()).toBe(1);
  });

  it('reads a custom field by id with errors and warnings []', async () => {
    const field = await createField('Launch Date');
    const reply = await call<CustomField>('GET', `${FIELDS}/${field.id}`);
    expect(reply.body).toMatchObject({
      data: { id: field.id, name: 'Launch Date' },
      errors: [],
      warnings: [],
    });
  });

  it('answers a duplicate custom field name with a 400', async () => {
    await createField('Priority');
    const reply = await call('POST', FIELDS, { name: 'Priority', dataType: 'STRING' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors?.[0]?.reference).toBe('name');
  });

  it('updates a custom field, keeping members left out', async () => {
    const field = await createField('Tier Hint');
    const reply = await call<CustomField>('PUT', `${FIELDS}/${field.id}`, {
      name: 'Tier',
      dataType: 'INTEGER',
      isActive: false,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      data: { id: field.id, name: 'Tier', isActive: false, defaultValue: '0', isMandatory: false },
      errors: [],
      warnings: [],
    });
  });

  it('lists custom fields under customFieldROList, filtered on isActive, last updated first', async () => {
    const first = await createField('First');
    await createField('Second');
    await createField('Third');
    await call('PUT', `${FIELDS}/${first.id}`, { name: 'First', dataType: 'INTEGER', isActive: true });
    const names = async (query: string) =>
      dataOf(
        await call<{ customFieldROList: CustomField[] }>('GET', `${FIELDS}?${query}`),
      ).customFieldROList.map((field) => field.name);
    await call('PUT', `${FIELDS}/${(await createField('Off')).id}`, {
      name: 'Off',
      dataType: 'INTEGER',
      isActive: false,
    });
    expect(await names('isActive=true')).toEqual(['First', 'Third', 'Second']);
    expect(await names('isActive=false')).toEqual(['Off']);
    expect(await names('order=ASC&size=2')).toEqual(['Second', 'Third']);
  });
});

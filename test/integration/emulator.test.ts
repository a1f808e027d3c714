import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startEmulator, type RunningEmulator } from '../../src/emulator/emulator.js';
import { BASIC, CREATE, categoryInput, startTestGateway, type TestGateway } from '../support/gateway.js';

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
});

afterEach(async () => {
  await emulator.stop();
});

const ORG_META = '/api_gateway/v1/badges/orgMeta';

function postOrgMeta(body: string, headers: Record<string, string> = { authorization: BASIC }) {
  return request(`${emulator.url}${ORG_META}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body,
  });
}

describe('the emulator', () => {
  it('creates an org meta with an ObjectId and epoch timestamps with nine decimals', async () => {
    const before = Math.floor(Date.now() / 1000);
    const response = await postOrgMeta(JSON.stringify(categoryInput));
    const text = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-cap-requestid']).toMatch(/^[0-9a-f]{32}$/);
    expect(text).toMatch(/"createdOn":\d{10}\.\d{9},/);
    const body = JSON.parse(text) as {
      data: { id: string; orgId: number; tags: unknown[] };
      errors: null;
      warnings: null;
    };
    expect(body).toMatchObject({
      data: { orgId: 100458, tags: categoryInput.tags },
      errors: null,
      warnings: null,
    });
    expect(body.data.id).toMatch(/^[0-9a-f]{24}$/);
    expect(parseInt(body.data.id.slice(0, 8), 16)).toBeGreaterThanOrEqual(before);
    expect(emulator.orgMetaCount()).toBe(1);
  });

  it('answers a second create for the same org with the documented 409 body', async () => {
    await (await postOrgMeta(JSON.stringify(categoryInput))).body.dump();
    const response = await postOrgMeta(JSON.stringify(categoryInput));
    expect(response.statusCode).toBe(409);
    expect(await response.body.json()).toEqual({
      data: null,
      errors: [
        {
          code: 999999,
          message: 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API',
          reference: null,
        },
      ],
      warnings: null,
    });
    expect(emulator.orgMetaCount()).toBe(1);
  });

  it.each([
    ['no credentials', {}],
    [
      'a Basic credential without an MD5 password',
      { authorization: `Basic ${Buffer.from('store123:Pass123').toString('base64')}` },
    ],
  ])('answers 401 without a body for %s', async (_label, headers) => {
    const response = await postOrgMeta(JSON.stringify(categoryInput), headers);
    expect(response.statusCode).toBe(401);
    expect(await response.body.text()).toBe('');
  });

  it('accepts an OAuth token', async () => {
    const response = await postOrgMeta(JSON.stringify(categoryInput), { 'x-cap-api-oauth-token': 'token' });
    await response.body.dump();
    expect(response.statusCode).toBe(200);
  });

  it('answers 400 with references for a body that breaks the contract', async () => {
    const response = await postOrgMeta(JSON.stringify({ orgId: '1', tags: [{ dataType: 1 }] }));
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toMatchObject({
      data: null,
      errors: [
        { code: 400, reference: 'orgId' },
        { code: 400, reference: 'tags[0].key' },
        { code: 400, reference: 'tags[0].dataType' },
      ],
    });
  });

  it('answers malformed JSON with a raw parser message', async () => {
    const response = await postOrgMeta('{"orgId":');
    expect(response.statusCode).toBe(400);
    expect(await response.body.text()).toMatch(/^JSON parse error: /);
  });
});

function orgMeta(
  method: 'GET' | 'PUT',
  body?: unknown,
  headers: Record<string, string> = { authorization: BASIC },
) {
  return request(`${emulator.url}${ORG_META}`, {
    method,
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const OTHER_USER = `Basic ${Buffer.from('store456:0123456789abcdef0123456789abcdef').toString('base64')}`;

describe('the emulator reading and replacing', () => {
  it('answers 404 to a read or an update before any create', async () => {
    const read = await orgMeta('GET');
    const update = await orgMeta('PUT', categoryInput);
    expect([read.statusCode, update.statusCode]).toEqual([404, 404]);
    expect(await read.body.json()).toMatchObject({ data: null, errors: [{ code: 404 }] });
    await update.body.dump();
  });

  it('reads back what the user created, with millisecond timestamps', async () => {
    await (await postOrgMeta(JSON.stringify(categoryInput))).body.dump();
    const response = await orgMeta('GET');
    const text = await response.body.text();
    expect(response.statusCode).toBe(200);
    expect(text).toMatch(/"createdOn":\d{10}\.\d{3}000000,/);
    expect(JSON.parse(text)).toMatchObject({
      data: { orgId: 100458, tags: categoryInput.tags },
      errors: [],
      warnings: [],
    });
  });

  it('replaces the tag list, keeping createdOn and moving lastUpdatedOn', async () => {
    const created = (await (await postOrgMeta(JSON.stringify(categoryInput))).body.json()) as {
      data: { id: string; createdOn: number };
    };
    const tags = [{ key: 'Tier', dataType: 'integer' }];
    const response = await orgMeta('PUT', { orgId: 100458, tags });
    const updated = (await response.body.json()) as {
      data: { id: string; tags: unknown; createdOn: number; lastUpdatedOn: number };
    };
    expect(response.statusCode).toBe(200);
    expect(updated.data).toMatchObject({ id: created.data.id, tags, createdOn: created.data.createdOn });
    expect(updated.data.lastUpdatedOn).toBeGreaterThanOrEqual(created.data.createdOn);
    const read = (await (await orgMeta('GET')).body.json()) as { data: { tags: unknown } };
    expect(read.data.tags).toEqual(tags);
  });

  it('denies a user access to another org than its own', async () => {
    await (await postOrgMeta(JSON.stringify(categoryInput))).body.dump();
    const response = await orgMeta('PUT', { orgId: 42, tags: [] });
    expect(response.statusCode).toBe(403);
    expect(await response.body.json()).toMatchObject({
      errors: [{ code: 4000, message: 'Not authorized. Access is denied!' }],
    });
  });

  it('keeps each user to its own org', async () => {
    await (await postOrgMeta(JSON.stringify(categoryInput))).body.dump();
    const other = await orgMeta('GET', undefined, { authorization: OTHER_USER });
    expect(other.statusCode).toBe(404);
    await other.body.dump();
  });
});

describe('the gateway in front of the emulator', () => {
  let gateway: TestGateway;

  beforeEach(async () => {
    gateway = await startTestGateway(emulator.url);
  });

  afterEach(async () => {
    await gateway.stop();
  });

  it('creates, reads, updates, and offers the existing org meta on a second create', async () => {
    const headers = { authorization: BASIC };
    await gateway.graphql(CREATE, { input: categoryInput }, headers);
    const update = await gateway.graphql(
      `mutation($input: UpdateBadgeOrgMetaInput!) { updateBadgeOrgMeta(input: $input) { __typename ... on UpdateBadgeOrgMetaSuccess { orgMeta { tags { key } } } } }`,
      { input: { orgId: 100458, tags: [{ key: 'Tier', dataType: 'integer' }] } },
      headers,
    );
    const read = await gateway.graphql(
      `{ badgeOrgMeta { __typename ... on BadgeOrgMeta { tags { key } } } }`,
      {},
      headers,
    );
    const again = await gateway.graphql(
      `mutation($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) { __typename ... on OrgMetaAlreadyExists { existing { tags { key } } } } }`,
      { input: categoryInput },
      headers,
    );
    expect(update.body.data).toEqual({
      updateBadgeOrgMeta: { __typename: 'UpdateBadgeOrgMetaSuccess', orgMeta: { tags: [{ key: 'Tier' }] } },
    });
    expect(read.body.data).toEqual({ badgeOrgMeta: { __typename: 'BadgeOrgMeta', tags: [{ key: 'Tier' }] } });
    expect(again.body.data).toEqual({
      createBadgeOrgMeta: { __typename: 'OrgMetaAlreadyExists', existing: { tags: [{ key: 'Tier' }] } },
    });
  });

  it('creates once, then answers OrgMetaAlreadyExists', async () => {
    const first = await gateway.graphql(CREATE, { input: categoryInput }, { authorization: BASIC });
    const second = await gateway.graphql(CREATE, { input: categoryInput }, { authorization: BASIC });
    expect(first.body.data?.createBadgeOrgMeta).toMatchObject({
      __typename: 'CreateBadgeOrgMetaSuccess',
      orgMeta: { orgId: 100458, tags: categoryInput.tags },
      warnings: [],
    });
    expect(JSON.stringify(first.body)).toMatch(/"createdOn":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z"/);
    expect(second.body.data?.createBadgeOrgMeta).toMatchObject({
      __typename: 'OrgMetaAlreadyExists',
      upstreamErrors: [
        {
          code: 999999,
          message: 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API',
          reference: null,
        },
      ],
    });
  });
});

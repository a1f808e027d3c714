import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answered, fakeCapillary } from '../support/fakeCapillary.js';
import {
  BASIC,
  categoryInput,
  startGatewayWithFake,
  startTestGateway,
  type TestGateway,
} from '../support/gateway.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

let upstream: StubUpstream;
let gateway: TestGateway;

beforeEach(async () => {
  upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta, errors: [], warnings: [] }));
  gateway = await startTestGateway(upstream.url, { CAPILLARY_TIMEOUT_MS: '500' });
});

afterEach(async () => {
  await gateway.stop();
  await upstream.stop();
});

const READ = /* GraphQL */ `
  query Read {
    badgeOrgMeta {
      __typename
      ... on BadgeOrgMeta {
        id
        orgId
        tags {
          key
        }
        createdOn
      }
      ... on BadgesError {
        message
      }
    }
  }
`;

const UPDATE = /* GraphQL */ `
  mutation Update($input: UpdateBadgeOrgMetaInput!) {
    updateBadgeOrgMeta(input: $input) {
      __typename
      ... on UpdateBadgeOrgMetaSuccess {
        orgMeta {
          id
          tags {
            key
          }
        }
        warnings {
          message
        }
      }
      ... on InvalidOrgMetaInput {
        problems {
          path
          message
        }
      }
      ... on BadgesError {
        message
      }
    }
  }
`;

const CREATE_WITH_EXISTING = /* GraphQL */ `
  mutation Create($input: CreateBadgeOrgMetaInput!) {
    createBadgeOrgMeta(input: $input) {
      __typename
      ... on OrgMetaAlreadyExists {
        message
        existing {
          id
          orgId
          tags {
            key
          }
        }
      }
    }
  }
`;

async function field(query: string, variables: Record<string, unknown>, headers = { authorization: BASIC }) {
  const response = await gateway.graphql(query, variables, headers);
  expect(response.body.errors).toBeUndefined();
  const data = response.body.data ?? {};
  return Object.values(data)[0];
}

describe('badgeOrgMeta', () => {
  it('GETs the org meta with the caller credentials and returns it', async () => {
    expect(await field(READ, {})).toEqual({
      __typename: 'BadgeOrgMeta',
      id: storedOrgMeta.id,
      orgId: storedOrgMeta.orgId,
      tags: [{ key: 'custom field 1' }],
      createdOn: '2023-10-18T13:48:53.720Z',
    });
    expect(upstream.requests).toMatchObject([
      { method: 'GET', path: '/api_gateway/v1/badges/orgMeta', body: '', headers: { authorization: BASIC } },
    ]);
  });

  it('returns OrgMetaNotFound for an upstream 404', async () => {
    upstream.answerWith(
      envelope(404, { data: null, errors: [{ code: 404, message: 'not found', reference: null }] }),
    );
    expect(await field(READ, {})).toMatchObject({ __typename: 'OrgMetaNotFound' });
  });

  it('returns BadgesAuthenticationFailed without calling upstream when no credentials are sent', async () => {
    expect(await field(READ, {}, { authorization: '' })).toMatchObject({
      __typename: 'BadgesAuthenticationFailed',
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('reads once for several aliases of the query in one operation', async () => {
    const response = await gateway.graphql(
      `{ a: badgeOrgMeta { __typename } b: badgeOrgMeta { __typename } }`,
      {},
      { authorization: BASIC },
    );
    expect(response.body.data).toEqual({
      a: { __typename: 'BadgeOrgMeta' },
      b: { __typename: 'BadgeOrgMeta' },
    });
    expect(upstream.requests).toHaveLength(1);
  });
});

describe('updateBadgeOrgMeta', () => {
  it('PUTs exactly orgId and tags and returns UpdateBadgeOrgMetaSuccess', async () => {
    const input = { orgId: 100458, tags: [{ key: 'Tier', dataType: 'integer', mandatory: true }] };
    expect(await field(UPDATE, { input })).toMatchObject({
      __typename: 'UpdateBadgeOrgMetaSuccess',
      orgMeta: { id: storedOrgMeta.id },
      warnings: [],
    });
    const [sent] = upstream.requests;
    expect(sent).toMatchObject({ method: 'PUT', path: '/api_gateway/v1/badges/orgMeta' });
    expect(JSON.parse(sent?.body ?? '')).toEqual(input);
  });

  it('returns OrgMetaNotFound for an upstream 404', async () => {
    upstream.answerWith(
      envelope(404, { data: null, errors: [{ code: 404, message: 'not found', reference: null }] }),
    );
    expect(await field(UPDATE, { input: categoryInput })).toMatchObject({ __typename: 'OrgMetaNotFound' });
  });

  it('validates like create, without calling upstream', async () => {
    const input = { orgId: 1, tags: [{ key: '', dataType: 'string' }] };
    expect(await field(UPDATE, { input })).toMatchObject({
      __typename: 'InvalidOrgMetaInput',
      problems: [{ path: ['tags', '0', 'key'], message: 'must not be blank' }],
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('returns BadgesAccessDenied for an upstream 403', async () => {
    upstream.answerWith(
      envelope(403, { warnings: [], errors: [{ status: false, code: 4000, message: 'Denied' }] }),
    );
    expect(await field(UPDATE, { input: categoryInput })).toMatchObject({ __typename: 'BadgesAccessDenied' });
  });
});

describe('OrgMetaAlreadyExists.existing', () => {
  const conflict = envelope(409, {
    data: null,
    errors: [
      { code: 999999, message: 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API', reference: null },
    ],
    warnings: null,
  });

  function conflictThen(read: Parameters<StubUpstream['answerWith']>[0]) {
    upstream.answerWith((request, res) =>
      request.method === 'POST' ? conflict(request, res) : read(request, res),
    );
  }

  it('carries the stored org meta, read after the 409 with the same credentials', async () => {
    conflictThen(envelope(200, { data: { ...storedOrgMeta, orgId: 100458 } }));
    expect(await field(CREATE_WITH_EXISTING, { input: categoryInput })).toEqual({
      __typename: 'OrgMetaAlreadyExists',
      message: 'This org already has a badge org meta; change it with an update instead.',
      existing: { id: storedOrgMeta.id, orgId: 100458, tags: [{ key: 'custom field 1' }] },
    });
    expect(upstream.requests.map((request) => [request.method, request.headers.authorization])).toEqual([
      ['POST', BASIC],
      ['GET', BASIC],
    ]);
  });

  it('is read once however many times it is selected, retries included', async () => {
    const unavailable = envelope(503, { data: null, errors: [] }, { 'retry-after': '0' });
    conflictThen(unavailable);
    await field(CREATE_WITH_EXISTING, { input: categoryInput });
    const onceSelected = upstream.requests.filter((request) => request.method === 'GET').length;
    upstream.requests.length = 0;

    const fourTimes = `
      mutation Create($input: CreateBadgeOrgMetaInput!) {
        createBadgeOrgMeta(input: $input) {
          ... on OrgMetaAlreadyExists {
            a: existing { id }
            b: existing { orgId }
            c: existing { tags { key } }
            d: existing { id }
          }
        }
      }
    `;
    expect(await field(fourTimes, { input: categoryInput })).toEqual({ a: null, b: null, c: null, d: null });
    expect(upstream.requests.map((request) => request.method)).toEqual([
      'POST',
      ...Array.from({ length: onceSelected }, () => 'GET'),
    ]);
    expect(onceSelected).toBeGreaterThan(1);
  });

  it('is null when the read fails', async () => {
    conflictThen(envelope(500, { data: null, errors: [] }));
    expect(await field(CREATE_WITH_EXISTING, { input: categoryInput })).toMatchObject({ existing: null });
  });

  it('is null when the stored org meta belongs to another org', async () => {
    conflictThen(envelope(200, { data: { ...storedOrgMeta, orgId: 999 } }));
    expect(await field(CREATE_WITH_EXISTING, { input: categoryInput })).toMatchObject({ existing: null });
  });

  it('is read within the deadline of the create, not a fresh one', async () => {
    const capillary = fakeCapillary({
      createBadgeOrgMeta: () => answered(409, { data: null, errors: [] }),
      badgeOrgMeta: () => answered(200, { data: storedOrgMeta }),
    });
    const faked = await startGatewayWithFake(capillary);
    try {
      const response = await faked.graphql(
        CREATE_WITH_EXISTING,
        { input: categoryInput },
        { authorization: BASIC },
      );
      expect(response.body.data).toMatchObject({
        createBadgeOrgMeta: { existing: { id: storedOrgMeta.id } },
      });
    } finally {
      await faked.stop();
    }
    const [create, read] = capillary.calls;
    expect([create?.operation, read?.operation]).toEqual(['createBadgeOrgMeta', 'badgeOrgMeta']);
    expect(read?.deadline.expiresAt).toBe(create?.deadline.expiresAt);
  });

  it('costs no read when not selected', async () => {
    upstream.answerWith(conflict);
    const response = await gateway.graphql(
      `mutation($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) { __typename } }`,
      { input: categoryInput },
      { authorization: BASIC },
    );
    expect(response.body.data).toEqual({ createBadgeOrgMeta: { __typename: 'OrgMetaAlreadyExists' } });
    expect(upstream.requests.map((request) => request.method)).toEqual(['POST']);
  });
});

describe('the BadgeOrgMeta entity', () => {
  const ENTITIES = /* GraphQL */ `
    query ($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on BadgeOrgMeta {
          id
          orgId
        }
      }
    }
  `;

  it('resolves references to the caller org, with one read for all of them, and null for other orgs', async () => {
    const response = await gateway.graphql(
      ENTITIES,
      {
        representations: [
          { __typename: 'BadgeOrgMeta', orgId: 100458 },
          { __typename: 'BadgeOrgMeta', orgId: 7 },
          { __typename: 'BadgeOrgMeta', orgId: 100458 },
        ],
      },
      { authorization: BASIC },
    );
    expect(response.body).toEqual({
      data: {
        _entities: [{ id: storedOrgMeta.id, orgId: 100458 }, null, { id: storedOrgMeta.id, orgId: 100458 }],
      },
    });
    expect(upstream.requests).toHaveLength(1);
  });

  it('resolves to null when the org has no meta', async () => {
    upstream.answerWith(envelope(404, { data: null, errors: [] }));
    const response = await gateway.graphql(
      ENTITIES,
      { representations: [{ __typename: 'BadgeOrgMeta', orgId: 100458 }] },
      { authorization: BASIC },
    );
    expect(response.body).toEqual({ data: { _entities: [null] } });
  });

  it('reports a failed read as a GraphQL error with a code', async () => {
    upstream.answerWith(envelope(503, { data: null, errors: [] }));
    const response = await gateway.graphql(
      ENTITIES,
      { representations: [{ __typename: 'BadgeOrgMeta', orgId: 100458 }] },
      { authorization: BASIC },
    );
    expect(response.body.errors).toMatchObject([
      { message: 'Capillary answered HTTP 503.', extensions: { code: 'BADGES_UPSTREAM_FAILURE' } },
    ]);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { BASIC, CREATE, categoryInput, startTestGateway, type TestGateway } from '../support/gateway.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

const running: Array<TestGateway | StubUpstream> = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

async function gatewayWith(executor: 'jit' | 'graphql-js') {
  const upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta }));
  // Production mode: no stack traces, which name each executor's own functions.
  const gateway = await startTestGateway(upstream.url, {
    GRAPHQL_EXECUTOR: executor,
    NODE_ENV: 'production',
  });
  running.push(gateway, upstream);
  return gateway;
}

const operations: Array<[string, string, Record<string, unknown>]> = [
  ['a create', CREATE, { input: categoryInput }],
  ['a create with invalid input', CREATE, { input: { orgId: -1, tags: [{ key: '', dataType: 's' }] } }],
  ['a create with a variable of the wrong type', CREATE, { input: { orgId: 'one', tags: [] } }],
  ['a read', '{ badgeOrgMeta { __typename ... on BadgeOrgMeta { id tags { key } createdOn } } }', {}],
  [
    'an entity reference',
    'query ($r: [_Any!]!) { _entities(representations: $r) { ... on BadgeOrgMeta { id orgId } } }',
    { r: [{ __typename: 'BadgeOrgMeta', orgId: 100458 }] },
  ],
  ['an unknown field', '{ nope }', {}],
  [
    'a create whose input leaves fields with defaults out (graphql-jit does not apply them)',
    'mutation ($input: CreateBadgeInput!) { createBadge(input: $input) { __typename ... on BadgesError { message } } }',
    {
      input: {
        name: 'Defaults',
        startOn: '2030-01-01T00:00:00Z',
        expiresOn: '2031-01-01T00:00:00Z',
        earnType: 'EARN',
        earnedBadgeExpiry: { expiryType: 'NEVER' },
        ownership: { restrictedToOwners: ['Loyalty'] },
      },
    },
  ],
];

describe('the two executors', () => {
  it.each(operations)('answer %s alike', async (_label, query, variables) => {
    const jit = await gatewayWith('jit');
    const reference = await gatewayWith('graphql-js');
    const [fromJit, fromReference] = await Promise.all([
      jit.graphql(query, variables, { authorization: BASIC }),
      reference.graphql(query, variables, { authorization: BASIC }),
    ]);
    expect(fromJit.status).toBe(fromReference.status);
    expect(fromJit.body).toEqual(fromReference.body);
  });

  it('graphql-js returns federated traces (ftv1) to a Router that asks; jit does not', async () => {
    const headers = { authorization: BASIC, 'apollo-federation-include-trace': 'ftv1' };
    const reference = await gatewayWith('graphql-js');
    const jit = await gatewayWith('jit');
    const traced = await reference.graphql(CREATE, { input: categoryInput }, headers);
    const untraced = await jit.graphql(CREATE, { input: categoryInput }, headers);
    const extensions = (body: unknown) =>
      typeof body === 'object' && body !== null && 'extensions' in body ? body.extensions : undefined;
    expect(extensions(traced.body)).toEqual({ ftv1: expect.any(String) as unknown });
    expect(extensions(untraced.body)).toBeUndefined();
  });
});

describe.each(['jit', 'graphql-js'] as const)('the %s executor in production', (executor) => {
  it('answers an operationName that names no operation with 400, calling Capillary zero times', async () => {
    const upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta }));
    const gateway = await startTestGateway(upstream.url, {
      GRAPHQL_EXECUTOR: executor,
      NODE_ENV: 'production',
    });
    running.push(gateway, upstream);
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: BASIC },
      body: JSON.stringify({ query: CREATE, variables: { input: categoryInput }, operationName: 'Nope' }),
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toEqual({
      errors: [
        {
          message: 'The document has no operation named "Nope".',
          extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
        },
      ],
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('suggests no schema names in variable errors (outside production it does)', async () => {
    const upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta }));
    const production = await startTestGateway(upstream.url, {
      GRAPHQL_EXECUTOR: executor,
      NODE_ENV: 'production',
    });
    const development = await startTestGateway(upstream.url, { GRAPHQL_EXECUTOR: executor });
    running.push(production, development, upstream);
    const input = { orgId: 1, tags: [{ key: 'k', dataType: 'string', mandatry: true }] };
    const [hidden, shown] = await Promise.all(
      [production, development].map((gateway) =>
        gateway.graphql(CREATE, { input }, { authorization: BASIC }),
      ),
    );
    expect(hidden?.status).toBe(400);
    expect(hidden?.body.errors?.[0]?.message).toContain(
      'Field "mandatry" is not defined by type "BadgeOrgMetaTagInput".',
    );
    expect(hidden?.body.errors?.[0]?.message).not.toContain('Did you mean');
    expect(shown?.body.errors?.[0]?.message).toContain('Did you mean "mandatory"?');
  });
});

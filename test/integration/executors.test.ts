import { afterEach, describe, expect, it } from 'vitest';
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

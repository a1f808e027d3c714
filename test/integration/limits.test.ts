import { getIntrospectionQuery } from 'graphql';
import { afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { BASIC, startTestGateway, type TestGateway } from '../support/gateway.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

let upstream: StubUpstream | undefined;
let gateway: TestGateway | undefined;

afterEach(async () => {
  await gateway?.stop();
  await upstream?.stop();
});

async function start(env: Record<string, string> = {}) {
  upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta }));
  gateway = await startTestGateway(upstream.url, env);
  return { upstream, gateway };
}

function aliasedCreates(count: number): string {
  const fields = Array.from(
    { length: count },
    (_, index) => `c${index}: createBadgeOrgMeta(input: { orgId: ${index + 1}, tags: [] }) { __typename }`,
  );
  return `mutation { ${fields.join('\n')} }`;
}

interface ErrorBody {
  readonly data?: unknown;
  readonly errors?: ReadonlyArray<{ message: string; extensions?: { code?: string } }>;
}

describe('the upstream call limit', () => {
  it('rejects 25 aliased creates before execution, calling the upstream zero times', async () => {
    const { upstream, gateway } = await start();
    const response = await gateway.graphql(aliasedCreates(25), {}, { authorization: BASIC });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors?.map((error) => error.message)).toContain(
      'This operation would call Capillary 25 times; at most 5 calls are allowed per operation.',
    );
    expect(upstream.requests).toHaveLength(0);
  });

  it('allows exactly the limit', async () => {
    const { upstream, gateway } = await start();
    const response = await gateway.graphql(aliasedCreates(5), {}, { authorization: BASIC });
    expect(response.body.errors).toBeUndefined();
    expect(upstream.requests).toHaveLength(5);
  });

  it('counts fields inside fragments and the lazy existing read', async () => {
    const { upstream, gateway } = await start({ MAX_UPSTREAM_FIELDS: '3' });
    const query = `
      mutation {
        a: createBadgeOrgMeta(input: { orgId: 1, tags: [] }) { ...Existing }
        b: createBadgeOrgMeta(input: { orgId: 2, tags: [] }) { ...Existing }
      }
      fragment Existing on CreateBadgeOrgMetaResult { ... on OrgMetaAlreadyExists { existing { id } } }
    `;
    const response = await gateway.graphql(query, {}, { authorization: BASIC });
    expect(response.body.errors?.[0]?.message).toBe(
      'This operation would call Capillary 4 times; at most 3 calls are allowed per operation.',
    );
    expect(upstream.requests).toHaveLength(0);
  });

  it('is set by MAX_UPSTREAM_FIELDS', async () => {
    const { upstream, gateway } = await start({ MAX_UPSTREAM_FIELDS: '1' });
    const response = await gateway.graphql(aliasedCreates(2), {}, { authorization: BASIC });
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'This operation would call Capillary 2 times; at most 1 call is allowed per operation.',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('the shape limits', () => {
  it('rejects an operation deeper than MAX_DEPTH', async () => {
    const { upstream, gateway } = await start({ MAX_DEPTH: '2' });
    const response = await gateway.graphql(
      '{ badgeOrgMeta { ... on BadgeOrgMeta { tags { key } } } }',
      {},
      { authorization: BASIC },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/depth/i);
    expect(upstream.requests).toHaveLength(0);
  });

  it('rejects more aliases than MAX_ALIASES', async () => {
    const { gateway } = await start({ MAX_ALIASES: '3' });
    const response = await gateway.graphql(
      '{ a: badgeOrgMeta { __typename } b: badgeOrgMeta { __typename } c: badgeOrgMeta { __typename } d: badgeOrgMeta { __typename } }',
      {},
      { authorization: BASIC },
    );
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]?.message).toMatch(/aliases/i);
  });

  it('rejects a document of more than MAX_TOKENS tokens', async () => {
    const { gateway } = await start({ MAX_TOKENS: '50' });
    const response = await gateway.graphql(`{ ${'__typename '.repeat(60)} }`);
    expect(response.status).toBe(400);
    expect(response.body.errors?.[0]).toMatchObject({
      message: 'Syntax Error: Document contains more that 50 tokens. Parsing aborted.',
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('lets the full introspection query through with the default limits, for Sandbox', async () => {
    const { gateway } = await start();
    const response = await gateway.graphql(
      getIntrospectionQuery({ descriptions: true, specifiedByUrl: true }),
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data).toHaveProperty('__schema');
  });
});

describe('other protections', () => {
  it('does not run HTTP batches', async () => {
    const { upstream, gateway } = await start();
    const response = await request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: BASIC },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.text()).toMatch(/batch/i);
    expect(upstream.requests).toHaveLength(0);
  });

  it('hides field suggestions in production', async () => {
    const { gateway } = await start({ NODE_ENV: 'production' });
    const body: ErrorBody = (await gateway.graphql('{ badgeOrgMet }')).body;
    expect(body.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });

  it('offers field suggestions outside production', async () => {
    const { gateway } = await start();
    const body: ErrorBody = (await gateway.graphql('{ badgeOrgMet }')).body;
    expect(body.errors?.[0]?.message).toMatch(/Did you mean "badgeOrgMeta"/);
  });
});

describe('the upstream call budget of a request', () => {
  it('stops an entity query at MAX_UPSTREAM_CALLS calls, whatever the number of representations', async () => {
    const { upstream, gateway } = await start({ MAX_UPSTREAM_CALLS: '7' });
    const representations = Array.from({ length: 12 }, (_, index) => ({
      __typename: 'Badge',
      id: `69430a521a2b3c4d5e6f7a${String(index).padStart(2, '0')}`,
    }));
    const response = await gateway.graphql(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Badge { id } } }',
      { r: representations },
      { authorization: BASIC },
    );
    expect(upstream.requests).toHaveLength(7);
    const codes = (response.body.errors ?? []).map((error) => error.extensions?.code);
    expect(codes.filter((code) => code === 'UPSTREAM_CALL_LIMIT')).toHaveLength(5);
  });
});

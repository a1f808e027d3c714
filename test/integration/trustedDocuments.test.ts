import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/config.js';
import { loadTrustedDocuments } from '../../src/http/trustedDocuments.js';
import { BASIC, CREATE, categoryInput, startTestGateway, type TestGateway } from '../support/gateway.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const READ = 'query Read { badgeOrgMeta { __typename ... on BadgeOrgMeta { orgId } } }';
const folder = mkdtempSync(join(tmpdir(), 'trusted-'));

function manifestFile(name: string, content: unknown): string {
  const path = join(folder, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const MANIFEST = manifestFile('manifest.json', { [sha256(CREATE)]: CREATE, [sha256(READ)]: READ });

afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

describe('TRUSTED_DOCUMENTS', () => {
  let upstream: StubUpstream;
  let gateway: TestGateway;

  async function start() {
    upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta }));
    gateway = await startTestGateway(upstream.url, { TRUSTED_DOCUMENTS: MANIFEST });
  }

  afterEach(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  function post(body: unknown) {
    return request(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: BASIC },
      body: JSON.stringify(body),
    });
  }

  it('runs a listed document named by its hash alone, as Apollo Client’s persisted-query link sends it', async () => {
    await start();
    const response = await post({
      variables: { input: categoryInput },
      extensions: { persistedQuery: { version: 1, sha256Hash: sha256(CREATE) } },
    });
    expect(await response.body.json()).toMatchObject({
      data: { createBadgeOrgMeta: { __typename: 'CreateBadgeOrgMetaSuccess' } },
    });
  });

  it('runs a listed document sent in full, and one named by hash over GET', async () => {
    await start();
    const full = await post({ query: READ });
    expect(await full.body.json()).toEqual({
      data: { badgeOrgMeta: { __typename: 'BadgeOrgMeta', orgId: 100458 } },
    });
    const search = new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(READ) } }),
    });
    const byHash = await request(`${gateway.url}/graphql?${search.toString()}`, {
      headers: { authorization: BASIC, 'apollo-require-preflight': '1' },
    });
    expect(await byHash.body.json()).toMatchObject({
      data: { badgeOrgMeta: { __typename: 'BadgeOrgMeta' } },
    });
  });

  it.each([
    ['any other document', { query: '{ __typename }' }],
    ['a listed document changed by one character', { query: `${READ} ` }],
    ['an unknown hash', { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ x }') } } }],
    ['neither query nor hash', { variables: {} }],
    ['a batch (an array body)', [{ query: READ }]],
  ])(
    'refuses %s before parsing, with PERSISTED_QUERY_NOT_IN_LIST and no upstream call',
    async (_label, body) => {
      await start();
      const response = await post(body);
      expect(response.statusCode).toBe(400);
      expect(await response.body.json()).toMatchObject({
        errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }],
      });
      expect(upstream.requests).toHaveLength(0);
    },
  );
});

describe('TRUSTED_DOCUMENTS over GET', () => {
  let upstream: StubUpstream;
  let gateway: TestGateway;

  afterEach(async () => {
    await gateway.stop();
    await upstream.stop();
  });

  it.each([
    ['an unlisted query in the URL', { query: '{ badgeGroups { __typename } }' }, undefined],
    [
      'an unlisted query in the URL with a listed hash in a JSON body',
      { query: '{ badgeGroups { __typename } }' },
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(READ) } } },
    ],
  ])('refuses %s, with no upstream call', async (_label, params, body) => {
    upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta }));
    gateway = await startTestGateway(upstream.url, { TRUSTED_DOCUMENTS: MANIFEST });
    const response = await request(`${gateway.url}/graphql?${new URLSearchParams(params).toString()}`, {
      method: 'GET',
      headers: { authorization: BASIC, 'apollo-require-preflight': '1', 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toMatchObject({
      errors: [{ extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }],
    });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('a TRUSTED_DOCUMENTS manifest', () => {
  it.each([
    ['a missing file', join(folder, 'absent.json'), /must name a readable JSON manifest/],
    ['text that is not JSON', manifestFile('text.json', 'not json'), /must name a readable JSON manifest/],
    ['a list', manifestFile('list.json', [CREATE]), /must hold an object/],
    [
      'an entry whose key is not its hash',
      manifestFile('wrong.json', { [sha256(READ)]: CREATE }),
      /is not a document whose SHA-256 is its key/,
    ],
    ['no entry', manifestFile('empty.json', {}), /lists no document/],
  ])('is refused when it is %s, naming the variable', (_label, path, message) => {
    let error: unknown;
    try {
      loadTrustedDocuments(path);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe('TRUSTED_DOCUMENTS');
    expect((error as ConfigError).message).toMatch(message);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASIC, CREATE, categoryInput, startTestGateway, type TestGateway } from '../support/gateway.js';
import { envelope, startStubUpstream, storedOrgMeta, type StubUpstream } from '../support/stubUpstream.js';

let upstream: StubUpstream;
let gateway: TestGateway;

beforeEach(async () => {
  upstream = await startStubUpstream(envelope(200, { data: storedOrgMeta, errors: null, warnings: null }));
  gateway = await startTestGateway(upstream.url, { CAPILLARY_TIMEOUT_MS: '500' });
});

afterEach(async () => {
  await gateway.stop();
  await upstream.stop();
});

async function create(
  input: unknown = categoryInput,
  headers: Record<string, string> = { authorization: BASIC },
) {
  const response = await gateway.graphql(CREATE, { input }, headers);
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data?.createBadgeOrgMeta as Record<string, unknown>;
}

describe('createBadgeOrgMeta against an upstream on a real socket', () => {
  it('returns CreateBadgeOrgMetaSuccess with the stored org meta', async () => {
    expect(await create()).toEqual({
      __typename: 'CreateBadgeOrgMetaSuccess',
      orgMeta: {
        id: '652fe2452aa6a339209b359f',
        orgId: 100458,
        tags: [{ key: 'custom field 1', dataType: 'string', description: 'TEST', mandatory: true }],
        createdOn: '2023-10-18T13:48:53.720Z',
        createdBy: 75078478,
        lastUpdatedOn: '2023-10-18T13:48:53.720Z',
        lastUpdatedBy: 75078478,
      },
      warnings: [],
    });
  });

  it('POSTs exactly orgId and tags as JSON to the org meta path', async () => {
    await create({
      orgId: 7,
      tags: [
        { key: 'A', dataType: 'string', description: null },
        { key: 'B', dataType: 'integer', mandatory: true },
      ],
    });
    expect(upstream.requests).toHaveLength(1);
    const [sent] = upstream.requests;
    expect(sent?.method).toBe('POST');
    expect(sent?.path).toBe('/api_gateway/v1/badges/orgMeta');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.headers.accept).toBe('application/json');
    expect(JSON.parse(sent?.body ?? '')).toEqual({
      orgId: 7,
      tags: [
        { key: 'A', dataType: 'string' },
        { key: 'B', dataType: 'integer', mandatory: true },
      ],
    });
  });

  it('forwards the credential and attribution headers verbatim, and no other caller header', async () => {
    await create(categoryInput, {
      authorization: BASIC,
      'x-cap-api-oauth-token': 'token-Abc.123',
      'x-cap-api-attribution-entity-type': 'TILL',
      'x-cap-api-attribution-entity-code': 'store123',
      cookie: 'session=secret',
      'x-forwarded-for': '10.0.0.1',
      'x-custom': 'nope',
    });
    const headers = upstream.requests[0]?.headers ?? {};
    expect(headers.authorization).toBe(BASIC);
    expect(headers['x-cap-api-oauth-token']).toBe('token-Abc.123');
    expect(headers['x-cap-api-attribution-entity-type']).toBe('TILL');
    expect(headers['x-cap-api-attribution-entity-code']).toBe('store123');
    expect(headers.cookie).toBeUndefined();
    expect(headers['x-forwarded-for']).toBeUndefined();
    expect(headers['x-custom']).toBeUndefined();
  });

  it('accepts an OAuth token alone as credentials', async () => {
    expect(await create(categoryInput, { 'x-cap-api-oauth-token': 'oauth-token' })).toMatchObject({
      __typename: 'CreateBadgeOrgMetaSuccess',
    });
    expect(upstream.requests[0]?.headers.authorization).toBeUndefined();
  });

  it('returns OrgMetaAlreadyExists for HTTP 409', async () => {
    const errors = [
      { code: 999999, message: 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API', reference: null },
    ];
    upstream.answerWith(envelope(409, { data: null, errors, warnings: null }));
    expect(await create()).toEqual({
      __typename: 'OrgMetaAlreadyExists',
      message: 'This org already has a badge org meta; change it with an update instead.',
      requestId: null,
      upstreamErrors: errors,
    });
  });

  it('returns InvalidOrgMetaInput with problems for an upstream 400', async () => {
    const errors = [{ code: 400, message: 'Invalid dataType', reference: 'tags[0].dataType' }];
    upstream.answerWith(envelope(400, { data: null, errors, warnings: null }));
    expect(await create()).toEqual({
      __typename: 'InvalidOrgMetaInput',
      message: 'Capillary rejected the org meta input; see problems and upstreamErrors.',
      requestId: null,
      upstreamErrors: errors,
      problems: [{ path: ['tags', '0', 'dataType'], message: 'Invalid dataType' }],
    });
  });

  it('returns InvalidOrgMetaInput without calling the upstream when the input fails validation', async () => {
    const result = await create({
      orgId: 0,
      tags: [
        { key: 'A', dataType: ' ' },
        { key: 'A', dataType: 'string' },
      ],
    });
    expect(result).toEqual({
      __typename: 'InvalidOrgMetaInput',
      message: 'The org meta input is invalid; nothing was sent to Capillary. See problems.',
      requestId: null,
      upstreamErrors: [],
      problems: [
        { path: ['orgId'], message: 'must be a positive org id' },
        { path: ['tags', '0', 'dataType'], message: 'must not be blank' },
        { path: ['tags', '1', 'key'], message: 'repeats the key of tags[0]' },
      ],
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('returns BadgesAuthenticationFailed without calling the upstream when no credentials are sent', async () => {
    expect(await create(categoryInput, { authorization: '   ' })).toMatchObject({
      __typename: 'BadgesAuthenticationFailed',
      message: 'No Capillary credentials: send an Authorization (Basic) or X-CAP-API-OAUTH-TOKEN header.',
      upstreamErrors: [],
    });
    expect(upstream.requests).toHaveLength(0);
  });

  it('returns BadgesAuthenticationFailed for an upstream 401 without a body', async () => {
    upstream.answerWith((_request, res) => res.writeHead(401).end());
    expect(await create()).toMatchObject({ __typename: 'BadgesAuthenticationFailed', upstreamErrors: [] });
  });

  it('returns BadgesAccessDenied for the documented 403 body', async () => {
    upstream.answerWith(
      envelope(403, {
        warnings: [],
        errors: [{ status: false, code: 4000, message: 'Not authorized. Access is denied!' }],
      }),
    );
    expect(await create()).toMatchObject({
      __typename: 'BadgesAccessDenied',
      upstreamErrors: [{ code: 4000, message: 'Not authorized. Access is denied!', reference: null }],
    });
  });

  it('returns a retryable BadgesUpstreamFailure for an HTML 502', async () => {
    upstream.answerWith((_request, res) =>
      res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'),
    );
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      status: 502,
      retryable: true,
    });
  });

  it('returns a non-retryable BadgesUpstreamFailure for a 200 that is not JSON', async () => {
    upstream.answerWith((_request, res) => res.writeHead(200).end('OK'));
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: "Capillary's answer was not a JSON envelope.",
      status: 200,
      retryable: false,
    });
  });

  it('returns a retryable failure once the deadline passes without an answer', async () => {
    upstream.answerWith(() => undefined);
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: 'Capillary did not answer within 500 ms.',
      status: null,
      retryable: true,
    });
  });

  it('returns a retryable failure when the upstream drops the connection', async () => {
    upstream.answerWith((_request, res) => res.socket?.destroy());
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: 'The connection to Capillary was closed before its answer was complete.',
      status: null,
      retryable: true,
    });
  });

  it('never echoes the credentials in a response', async () => {
    upstream.answerWith(
      envelope(500, { data: null, errors: [{ code: 999999, message: 'boom', reference: null }] }),
    );
    const response = await gateway.graphql(CREATE, { input: categoryInput }, { authorization: BASIC });
    expect(JSON.stringify(response.body)).not.toContain(BASIC.slice(6));
    expect(JSON.stringify(response.headers)).not.toContain(BASIC.slice(6));
  });

  it('keeps concurrent callers with different credentials apart', async () => {
    const callers = Array.from({ length: 40 }, (_, index) => `Basic caller-${index}`);
    // Every answer is held until all 40 calls have arrived, then released in reverse order.
    const held: Array<() => void> = [];
    upstream.answerWith((request, res) => {
      const data = {
        ...storedOrgMeta,
        tags: [{ key: 'caller', dataType: 'string', description: request.headers.authorization }],
      };
      held.push(() =>
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data })),
      );
      if (held.length === callers.length) for (const release of held.reverse()) release();
    });
    const results = await Promise.all(
      callers.map((authorization) => create(categoryInput, { authorization })),
    );
    results.forEach((result, index) => {
      expect(result).toMatchObject({ orgMeta: { tags: [{ description: callers[index] }] } });
    });
    expect(upstream.requests).toHaveLength(40);
  });
});

describe('createBadgeOrgMeta when nothing listens upstream', () => {
  it('returns a retryable failure for a refused connection', async () => {
    await upstream.stop();
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: 'Capillary refused the connection.',
      status: null,
      retryable: true,
    });
  });
});

describe('the upstream request id', () => {
  it('reaches the caller in requestId, for support tickets', async () => {
    upstream.answerWith(envelope(500, { data: null, errors: [] }, { 'x-cap-requestid': '7f3c2a9e0b1d4c5e' }));
    expect(await create()).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      requestId: '7f3c2a9e0b1d4c5e',
    });
  });
});

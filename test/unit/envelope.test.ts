import { describe, expect, it } from 'vitest';
import type { UpstreamOutcome } from '../../src/capillary/client.js';
import { problemsFrom } from '../../src/capillary/envelope.js';
import { answered, resultFor, TEST_DEADLINE } from '../support/fakeCapillary.js';
import { categoryInput } from '../support/gateway.js';
import { storedOrgMeta } from '../support/stubUpstream.js';

const mapCreateOrgMeta = (outcome: UpstreamOutcome) =>
  resultFor('createBadgeOrgMeta', outcome, { input: categoryInput });

const alreadyExists = {
  data: null,
  errors: [
    { code: 999999, message: 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API', reference: null },
  ],
  warnings: null,
};

describe('a 2xx answer with a data object', () => {
  it('becomes a success carrying the org meta', () => {
    const result = mapCreateOrgMeta(answered(200, { data: storedOrgMeta, errors: null, warnings: null }));
    expect(result).toEqual({
      __typename: 'CreateBadgeOrgMetaSuccess',
      orgMeta: {
        id: '652fe2452aa6a339209b359f',
        orgId: 100458,
        tags: [{ key: 'custom field 1', dataType: 'string', description: 'TEST', mandatory: true }],
        createdOn: new Date('2023-10-18T13:48:53.720Z'),
        createdBy: 75078478,
        lastUpdatedOn: new Date('2023-10-18T13:48:53.720Z'),
        lastUpdatedBy: 75078478,
      },
      warnings: [],
    });
  });

  it.each([
    ['null', null],
    ['an empty list', []],
    ['absent', undefined],
  ])('has no warnings when warnings is %s', (_label, warnings) => {
    const result = mapCreateOrgMeta(answered(200, { data: storedOrgMeta, errors: [], warnings }));
    expect(result).toMatchObject({ __typename: 'CreateBadgeOrgMetaSuccess', warnings: [] });
  });

  it('carries the warnings the upstream attached', () => {
    const warnings = [{ code: 7001, message: 'tag description truncated' }, { message: 'no code' }];
    const result = mapCreateOrgMeta(answered(200, { data: storedOrgMeta, errors: null, warnings }));
    expect(result).toMatchObject({
      __typename: 'CreateBadgeOrgMetaSuccess',
      warnings: [
        { code: 7001, message: 'tag description truncated' },
        { code: null, message: 'no code' },
      ],
    });
  });

  it('reads epoch-second timestamps with nine decimals to the millisecond', () => {
    const body = `{"data":{"id":"652fe2452aa6a339209b359f","orgId":1,"tags":[],"createdOn":1697636933.720123000,"lastUpdatedOn":1697636934.000000000},"errors":null,"warnings":null}`;
    const result = mapCreateOrgMeta(answered(200, body));
    expect(result).toMatchObject({
      orgMeta: {
        createdOn: new Date('2023-10-18T13:48:53.720Z'),
        lastUpdatedOn: new Date('2023-10-18T13:48:54.000Z'),
      },
    });
  });

  it('reads ISO-8601 timestamps as the create page documents them', () => {
    const data = {
      ...storedOrgMeta,
      createdOn: '2023-11-08T15:43:40.382Z',
      lastUpdatedOn: '2023-11-08T17:43:40.382+02:00',
    };
    const result = mapCreateOrgMeta(answered(200, { data, errors: null, warnings: null }));
    expect(result).toMatchObject({
      orgMeta: {
        createdOn: new Date('2023-11-08T15:43:40.382Z'),
        lastUpdatedOn: new Date('2023-11-08T15:43:40.382Z'),
      },
    });
  });

  it('leaves absent optional fields null', () => {
    const data = { id: 'abc', orgId: 7, tags: [{ key: 'k', dataType: 'string' }] };
    const result = mapCreateOrgMeta(answered(200, { data }));
    expect(result).toEqual({
      __typename: 'CreateBadgeOrgMetaSuccess',
      orgMeta: {
        id: 'abc',
        orgId: 7,
        tags: [{ key: 'k', dataType: 'string', description: null, mandatory: null }],
        createdOn: null,
        createdBy: null,
        lastUpdatedOn: null,
        lastUpdatedBy: null,
      },
      warnings: [],
    });
  });

  it.each([
    ['orgId is a string', { ...storedOrgMeta, orgId: '100458' }],
    ['tags is missing', { ...storedOrgMeta, tags: undefined }],
    ['a tag has no key', { ...storedOrgMeta, tags: [{ dataType: 'string' }] }],
    ['createdOn is not a time', { ...storedOrgMeta, createdOn: 'yesterday' }],
    ['createdOn is out of range', { ...storedOrgMeta, createdOn: 1e300 }],
    ['id is empty', { ...storedOrgMeta, id: '' }],
  ])('is a non-retryable upstream failure when %s', (_label, data) => {
    const result = mapCreateOrgMeta(answered(200, { data, errors: null, warnings: null }));
    expect(result).toMatchObject({ __typename: 'BadgesUpstreamFailure', status: 200, retryable: false });
  });
});

describe('a 2xx answer without data', () => {
  it('is never a success when it carries errors', () => {
    const result = mapCreateOrgMeta(answered(200, alreadyExists));
    expect(result).toEqual({
      __typename: 'BadgesUpstreamFailure',
      message: 'Capillary reported errors.',
      upstreamErrors: alreadyExists.errors,
      requestId: null,
      status: 200,
      retryable: false,
      retryAfterSeconds: null,
      cause: 'ERROR_STATUS',
    });
  });

  it('follows an HTTP-like error code in the body', () => {
    const errors = [{ code: 400, message: 'Invalid data type', reference: 'tags[0].dataType' }];
    const result = mapCreateOrgMeta(answered(200, { errors }));
    expect(result).toMatchObject({
      __typename: 'InvalidOrgMetaInput',
      problems: [{ path: ['tags', '0', 'dataType'], message: 'Invalid data type' }],
    });
  });

  it.each([
    ['data null and errors null', { data: null, errors: null, warnings: null }],
    ['data null and errors empty', { data: null, errors: [], warnings: [] }],
    ['an empty object', {}],
  ])('is a non-retryable upstream failure with %s', (_label, body) => {
    expect(mapCreateOrgMeta(answered(200, body))).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      status: 200,
      retryable: false,
    });
  });
});

describe('HTTP 409', () => {
  it('is OrgMetaAlreadyExists with the upstream errors verbatim, despite code 999999', () => {
    expect(mapCreateOrgMeta(answered(409, alreadyExists))).toEqual({
      __typename: 'OrgMetaAlreadyExists',
      message: 'This org already has a badge org meta; change it with an update instead.',
      upstreamErrors: alreadyExists.errors,
      requestId: null,
      // What its lazy `existing` needs: the org asked for, and the create's deadline.
      orgId: categoryInput.orgId,
      deadline: TEST_DEADLINE,
    });
  });

  it('is OrgMetaAlreadyExists even without a body', () => {
    expect(mapCreateOrgMeta(answered(409, ''))).toMatchObject({
      __typename: 'OrgMetaAlreadyExists',
      upstreamErrors: [],
    });
  });
});

describe('HTTP 400 and 422', () => {
  it.each([400, 422])('%i is InvalidOrgMetaInput with problems located by each reference', (status) => {
    const errors = [
      { code: 400, message: 'dataType is invalid', reference: 'tags[0].dataType' },
      { code: 812, message: 'restricted', reference: 'ownership.restrictedToOwners' },
      { code: 400, message: 'orgId is mandatory', reference: null },
    ];
    expect(mapCreateOrgMeta(answered(status, { data: null, errors, warnings: null }))).toEqual({
      __typename: 'InvalidOrgMetaInput',
      message: 'Capillary rejected the org meta input; see problems and upstreamErrors.',
      upstreamErrors: errors,
      requestId: null,
      problems: [
        { path: ['tags', '0', 'dataType'], message: 'dataType is invalid' },
        { path: ['ownership', 'restrictedToOwners'], message: 'restricted' },
      ],
    });
  });

  it('is InvalidOrgMetaInput when the body is a raw parser message', () => {
    const result = mapCreateOrgMeta(answered(400, 'JSON parse error: Unexpected character'));
    expect(result).toMatchObject({ __typename: 'InvalidOrgMetaInput', upstreamErrors: [], problems: [] });
  });
});

describe('HTTP 401', () => {
  it.each([
    ['without a body', ''],
    ['with an envelope', { data: null, errors: [{ code: 401, message: 'Unauthorized', reference: null }] }],
    ['with an HTML page', '<html><body>401 Unauthorized</body></html>'],
  ])('is BadgesAuthenticationFailed %s', (_label, body) => {
    expect(mapCreateOrgMeta(answered(401, body))).toMatchObject({
      __typename: 'BadgesAuthenticationFailed',
      message: 'Capillary did not accept the credentials (HTTP 401).',
    });
  });
});

describe('HTTP 403', () => {
  it('is BadgesAccessDenied for the documented body without a data key', () => {
    const body = {
      warnings: [],
      errors: [{ status: false, code: 4000, message: 'Not authorized. Access is denied!' }],
    };
    expect(mapCreateOrgMeta(answered(403, body))).toEqual({
      __typename: 'BadgesAccessDenied',
      message: "Capillary denied access: the credentials' access group may not do this.",
      upstreamErrors: [{ code: 4000, message: 'Not authorized. Access is denied!', reference: null }],
      requestId: null,
    });
  });

  it('is BadgesAccessDenied for an envelope and for no body', () => {
    const envelopeBody = {
      data: null,
      errors: [{ code: 403, message: 'Forbidden', reference: null }],
      warnings: null,
    };
    expect(mapCreateOrgMeta(answered(403, envelopeBody))).toMatchObject({ __typename: 'BadgesAccessDenied' });
    expect(mapCreateOrgMeta(answered(403, ''))).toMatchObject({
      __typename: 'BadgesAccessDenied',
      upstreamErrors: [],
    });
  });
});

describe('answers that may succeed when sent again', () => {
  it.each([
    [429, { data: null, errors: [{ code: 429, message: 'Too many requests', reference: null }] }],
    [500, { data: null, errors: [{ code: 999999, message: 'Something went wrong', reference: null }] }],
    [502, '<html><head><title>502 Bad Gateway</title></head></html>'],
    [
      503,
      { data: null, errors: [{ code: 4001, message: 'Authorization status unavailable!', reference: null }] },
    ],
    [504, ''],
  ])('HTTP %i is a retryable BadgesUpstreamFailure with its status', (status, body) => {
    expect(mapCreateOrgMeta(answered(status, body))).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      cause: 'ERROR_STATUS',
      message: `Capillary answered HTTP ${status}.`,
      status,
      retryable: true,
    });
  });

  it('keeps the upstream errors of a 500', () => {
    const errors = [{ code: 999999, message: 'Something went wrong', reference: null }];
    expect(mapCreateOrgMeta(answered(500, { data: null, errors }))).toMatchObject({ upstreamErrors: errors });
  });

  it.each([
    [
      'a timeout',
      { kind: 'timeout', timeoutMs: 10_000 },
      'Capillary did not answer within 10000 ms.',
      'TIMEOUT',
    ],
    [
      'a refused connection',
      { kind: 'unreachable', reason: 'refused' },
      'Capillary refused the connection.',
      'CONNECTION_REFUSED',
    ],
    [
      'a reset connection',
      { kind: 'unreachable', reason: 'reset' },
      'The connection to Capillary was closed before its answer was complete.',
      'CONNECTION_RESET',
    ],
    [
      'an unknown host',
      { kind: 'unreachable', reason: 'dns' },
      "Capillary's host name could not be resolved.",
      'HOST_NOT_FOUND',
    ],
    [
      'another network failure',
      { kind: 'unreachable', reason: 'other' },
      'Capillary could not be reached.',
      'UNREACHABLE',
    ],
  ] satisfies Array<[string, UpstreamOutcome, string, string]>)(
    '%s is a retryable failure without status',
    (_label, outcome, message, cause) => {
      expect(mapCreateOrgMeta(outcome)).toEqual({
        __typename: 'BadgesUpstreamFailure',
        message,
        upstreamErrors: [],
        requestId: null,
        status: null,
        retryable: true,
        retryAfterSeconds: null,
        cause,
      });
    },
  );
});

describe('answers that will not succeed when sent again', () => {
  it.each([301, 404, 405, 418])('HTTP %i is a non-retryable BadgesUpstreamFailure', (status) => {
    expect(mapCreateOrgMeta(answered(status, { data: null, errors: [] }))).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      status,
      retryable: false,
    });
  });

  it.each([
    ['a body that is not JSON', 'OK'],
    ['an empty body', ''],
    ['a JSON array', '[]'],
    ['a JSON string', '"done"'],
    ['errors that are not a list', '{"data":null,"errors":"bad"}'],
  ])('HTTP 200 with %s is a non-retryable failure', (_label, body) => {
    expect(mapCreateOrgMeta(answered(200, body))).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      status: 200,
      retryable: false,
      cause: 'MALFORMED_RESPONSE',
    });
  });

  it('an answer over the size limit is a non-retryable failure', () => {
    const outcome: UpstreamOutcome = { kind: 'oversized', status: 200, limitBytes: 1024, requestId: null };
    expect(mapCreateOrgMeta(outcome)).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: "Capillary's answer was larger than the gateway accepts (1024 bytes).",
      cause: 'RESPONSE_TOO_LARGE',
      status: 200,
      retryable: false,
    });
  });

  it('drops error items that break the documented shape, keeping the rest', () => {
    const errors = [{ code: 'x', message: 1 }, 'text', { code: 500, message: 'kept', reference: null }];
    expect(mapCreateOrgMeta(answered(500, { errors }))).toMatchObject({
      upstreamErrors: [{ code: 500, message: 'kept', reference: null }],
    });
  });
});

describe('problemsFrom', () => {
  it.each([
    ['tags[0].dataType', ['tags', '0', 'dataType']],
    ['orgId', ['orgId']],
    ['tags[12]', ['tags', '12']],
    ['a.b[3].c', ['a', 'b', '3', 'c']],
  ])('reads the reference %s as a path', (reference, path) => {
    expect(problemsFrom([{ code: 400, message: 'bad', reference }])).toEqual([{ path, message: 'bad' }]);
  });

  it('locates nothing for an error without a reference', () => {
    expect(problemsFrom([{ code: 400, message: 'bad', reference: null }])).toEqual([]);
  });
});

describe('what the upstream said beside the body', () => {
  it('carries X-Cap-Requestid into every error member', () => {
    const withId = (status: number): UpstreamOutcome => ({
      kind: 'answered',
      status,
      body: '',
      requestId: 'cap-req-1',
      retryAfterSeconds: null,
    });
    for (const status of [400, 401, 403, 409, 500]) {
      expect(mapCreateOrgMeta(withId(status))).toMatchObject({ requestId: 'cap-req-1' });
    }
  });

  it('carries Retry-After into the upstream failure', () => {
    const outcome: UpstreamOutcome = {
      kind: 'answered',
      status: 429,
      body: '',
      requestId: null,
      retryAfterSeconds: 30,
    };
    expect(mapCreateOrgMeta(outcome)).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      status: 429,
      retryable: true,
      retryAfterSeconds: 30,
    });
  });
});

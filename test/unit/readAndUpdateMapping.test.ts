import { describe, expect, it } from 'vitest';
import type { UpstreamOutcome } from '../../src/capillary/client.js';
import { answered, resultFor } from '../support/fakeCapillary.js';
import { categoryInput } from '../support/gateway.js';
import { storedOrgMeta } from '../support/stubUpstream.js';

const mapReadOrgMeta = (outcome: UpstreamOutcome) => resultFor('badgeOrgMeta', outcome, {});
const mapUpdateOrgMeta = (outcome: UpstreamOutcome) =>
  resultFor('updateBadgeOrgMeta', outcome, { input: categoryInput });

const notFoundBody = { data: null, errors: [{ code: 404, message: 'Org meta not found', reference: null }] };

describe('reading the org meta', () => {
  it('returns the org meta itself as the BadgeOrgMeta member', () => {
    expect(mapReadOrgMeta(answered(200, { data: storedOrgMeta, errors: [], warnings: [] }))).toMatchObject({
      __typename: 'BadgeOrgMeta',
      id: storedOrgMeta.id,
      orgId: storedOrgMeta.orgId,
      createdOn: new Date('2023-10-18T13:48:53.720Z'),
    });
  });

  it('returns OrgMetaNotFound for HTTP 404', () => {
    expect(mapReadOrgMeta(answered(404, notFoundBody))).toEqual({
      __typename: 'OrgMetaNotFound',
      message: 'This org has no badge org meta yet; create it first.',
      upstreamErrors: notFoundBody.errors,
      requestId: null,
    });
  });

  it.each([400, 409])('treats HTTP %i, which a read cannot cause, as a non-retryable failure', (status) => {
    expect(mapReadOrgMeta(answered(status, { data: null, errors: [] }))).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      message: `Capillary answered HTTP ${status}, which this operation does not expect.`,
      status,
      retryable: false,
    });
  });

  it.each([
    [401, 'BadgesAuthenticationFailed'],
    [403, 'BadgesAccessDenied'],
    [503, 'BadgesUpstreamFailure'],
  ])('maps HTTP %i as create does, to %s', (status, typename) => {
    expect(mapReadOrgMeta(answered(status, {}))).toMatchObject({ __typename: typename });
  });
});

describe('updating the org meta', () => {
  it('returns UpdateBadgeOrgMetaSuccess with warnings', () => {
    const warnings = [{ code: 1, message: 'tag removed' }];
    expect(mapUpdateOrgMeta(answered(200, { data: storedOrgMeta, errors: null, warnings }))).toMatchObject({
      __typename: 'UpdateBadgeOrgMetaSuccess',
      orgMeta: { id: storedOrgMeta.id },
      warnings,
    });
  });

  it('returns OrgMetaNotFound for HTTP 404', () => {
    expect(mapUpdateOrgMeta(answered(404, notFoundBody))).toMatchObject({ __typename: 'OrgMetaNotFound' });
  });

  it('returns InvalidOrgMetaInput with problems for HTTP 400', () => {
    const errors = [{ code: 400, message: 'bad key', reference: 'tags[2].key' }];
    expect(mapUpdateOrgMeta(answered(400, { data: null, errors }))).toMatchObject({
      __typename: 'InvalidOrgMetaInput',
      problems: [{ path: ['tags', '2', 'key'], message: 'bad key' }],
    });
  });

  it('treats HTTP 409, which an update cannot cause, as a non-retryable failure', () => {
    expect(mapUpdateOrgMeta(answered(409, {}))).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      status: 409,
      retryable: false,
    });
  });

  it('is never a success for a 200 with errors and no data', () => {
    const errors = [{ code: 999999, message: 'failed', reference: null }];
    expect(mapUpdateOrgMeta(answered(200, { data: null, errors }))).toMatchObject({
      __typename: 'BadgesUpstreamFailure',
      retryable: false,
    });
  });
});

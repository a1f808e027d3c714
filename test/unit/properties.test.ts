import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BadgesClient, UpstreamOutcome } from '../../src/badges/client.js';
import { mapCreateOrgMeta, mapReadOrgMeta, mapUpdateOrgMeta } from '../../src/badges/envelope.js';
import { createOrgMeta } from '../../src/badges/orgMeta.js';
import { storedOrgMeta } from '../support/stubUpstream.js';

const json = fc.jsonValue({ maxDepth: 4 });

const errorItem = fc.record(
  {
    code: fc.oneof(fc.integer(), fc.constant(null), fc.string()),
    message: fc.oneof(fc.string(), fc.integer()),
    reference: fc.oneof(fc.string(), fc.constant(null)),
    status: fc.boolean(),
  },
  { requiredKeys: [] },
);

/** Bodies near the real envelope, with every field liable to be missing, null or wrong. */
const envelopeLike = fc
  .record(
    {
      data: fc.oneof(
        fc.constant(null),
        json,
        fc.record(
          {
            id: fc.oneof(fc.string(), fc.integer()),
            orgId: fc.oneof(fc.integer(), fc.double(), fc.string()),
            tags: fc.oneof(
              json,
              fc.array(fc.dictionary(fc.constantFrom('key', 'dataType', 'description', 'mandatory'), json)),
            ),
            createdOn: fc.oneof(
              fc.double(),
              fc.string(),
              fc.date().map((date) => date.toISOString()),
              fc.constant(null),
            ),
            createdBy: fc.oneof(fc.integer(), fc.double(), fc.constant(null)),
          },
          { requiredKeys: [] },
        ),
        fc.constant(storedOrgMeta),
      ),
      errors: fc.oneof(fc.constant(null), fc.array(errorItem, { maxLength: 4 }), json),
      warnings: fc.oneof(fc.constant(null), fc.array(errorItem, { maxLength: 4 }), json),
    },
    { requiredKeys: [] },
  )
  .map((body) => JSON.stringify(body));

const body = fc.oneof(
  envelopeLike,
  fc.string(),
  json.map((value) => JSON.stringify(value)),
);

const outcome: fc.Arbitrary<UpstreamOutcome> = fc.oneof(
  fc.record({
    kind: fc.constant('answered' as const),
    status: fc.integer({ min: 100, max: 599 }),
    body,
    requestId: fc.oneof(fc.constant(null), fc.string()),
    retryAfterSeconds: fc.oneof(fc.constant(null), fc.nat()),
  }),
  fc.record({ kind: fc.constant('timeout' as const), timeoutMs: fc.nat() }),
  fc.record({
    kind: fc.constant('unreachable' as const),
    reason: fc.constantFrom('refused' as const, 'reset' as const, 'dns' as const, 'other' as const),
  }),
  fc.record({
    kind: fc.constant('oversized' as const),
    status: fc.integer({ min: 100, max: 599 }),
    limitBytes: fc.nat(),
    requestId: fc.constant(null),
  }),
);

const ERROR_MEMBERS = ['BadgesAuthenticationFailed', 'BadgesAccessDenied', 'BadgesUpstreamFailure'];

describe('the envelope mapping, for any upstream answer', () => {
  it('returns a create member and never throws', () => {
    const members = [
      ...ERROR_MEMBERS,
      'CreateBadgeOrgMetaSuccess',
      'OrgMetaAlreadyExists',
      'InvalidOrgMetaInput',
    ];
    fc.assert(
      fc.property(outcome, (upstream) => {
        const result = mapCreateOrgMeta(upstream);
        expect(members).toContain(result.__typename);
        if (result.__typename === 'CreateBadgeOrgMetaSuccess') {
          expect(upstream).toMatchObject({ kind: 'answered' });
          expect(Number.isNaN(result.orgMeta.createdOn?.getTime())).toBe(false);
        } else {
          expect(typeof result.message).toBe('string');
        }
      }),
      { numRuns: 2_000 },
    );
  });

  it('returns a success only for a 2xx with data', () => {
    fc.assert(
      fc.property(outcome, (upstream) => {
        const result = mapUpdateOrgMeta(upstream);
        if (result.__typename === 'UpdateBadgeOrgMetaSuccess') {
          expect(upstream.kind === 'answered' && upstream.status >= 200 && upstream.status < 300).toBe(true);
        }
      }),
      { numRuns: 1_000 },
    );
  });

  it('returns a read member and never throws', () => {
    const members = [...ERROR_MEMBERS, 'BadgeOrgMeta', 'OrgMetaNotFound'];
    fc.assert(
      fc.property(outcome, (upstream) => {
        expect(members).toContain(mapReadOrgMeta(upstream).__typename);
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('createOrgMeta, for any input', () => {
  const tag = fc.record(
    {
      key: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', ' ', 'Category')),
      dataType: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', '\t', 'string')),
      description: fc.oneof(fc.string(), fc.constant(null)),
      mandatory: fc.oneof(fc.boolean(), fc.constant(null)),
    },
    { requiredKeys: ['key', 'dataType'] },
  );
  const input = fc.record({ orgId: fc.integer(), tags: fc.array(tag, { maxLength: 5 }) });

  it('either refuses it as InvalidOrgMetaInput without a call, or forwards exactly one request', async () => {
    await fc.assert(
      fc.asyncProperty(input, async (candidate) => {
        const sent: unknown[] = [];
        const badges: BadgesClient = {
          startDeadline: () => ({ expiresAt: Number.POSITIVE_INFINITY }),
          createOrgMeta: (forwarded) => {
            sent.push(forwarded);
            return Promise.resolve({
              kind: 'answered',
              status: 200,
              body: JSON.stringify({ data: storedOrgMeta }),
              requestId: null,
              retryAfterSeconds: null,
            });
          },
          readOrgMeta: () => Promise.reject(new Error('not expected')),
          updateOrgMeta: () => Promise.reject(new Error('not expected')),
        };
        const result = await createOrgMeta(
          badges,
          { headers: { authorization: 'Basic x' } },
          candidate,
          badges.startDeadline(),
        );
        if (result.__typename === 'InvalidOrgMetaInput') {
          expect(sent).toHaveLength(0);
          expect(result.problems.length).toBeGreaterThan(0);
        } else {
          expect(result.__typename).toBe('CreateBadgeOrgMetaSuccess');
          expect(sent).toEqual([candidate]);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});

import fc from 'fast-check';
import type { UpstreamOutcome } from '../../src/capillary/client.js';
import { storedOrgMeta } from './stubUpstream.js';

/** Arbitrary outcomes of a call to Capillary: answers near its envelope, garbage, and every transport failure. */
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
              fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
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

export const anyOutcome: fc.Arbitrary<UpstreamOutcome> = fc.oneof(
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

import fc from 'fast-check';
import { Lexer, parse, Source, specifiedRules, TokenKind, validate, ValidationContext } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { requestLimits } from '../../src/graphql/limits.js';
import { operations } from '../../src/operations/index.js';
import { buildSchema } from '../../src/graphql/schema.js';

const schema = buildSchema();
const limits = requestLimits(loadConfig({}), operations);
const rules = [...specifiedRules, ...limits.validationRules];

afterEach(() => {
  vi.restoreAllMocks();
});

function tokens(query: string): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  while (lexer.advance().kind !== TokenKind.EOF) count++;
  return count;
}

/**
 * Validates with every rule the gateway runs and counts the fragment bodies
 * looked up on the way: a rule that walks a fragment again for each spread
 * looks it up once per expanded use, exponentially many for nested spreads.
 */
function fragmentLookups(query: string): { readonly lookups: number; readonly errors: readonly string[] } {
  const lookup = vi.spyOn(ValidationContext.prototype, 'getFragment');
  // Parsed without the token limit: what is measured is validation, on documents of any size.
  const errors = validate(schema, parse(query, { noLocation: true }), rules).map((error) => error.message);
  const lookups = lookup.mock.calls.length;
  lookup.mockRestore();
  return { lookups, errors };
}

const selection = fc.oneof(
  fc.constant('__typename'),
  fc.nat({ max: 20 }).map((n) => `a${n}: __typename`),
  fc.constant('badgeOrgMeta { __typename ... on BadgeOrgMeta { id tags { key } } }'),
  fc.constant('__typename @include(if: $flag)'),
  fc.constant('... on Query @skip(if: $flag) { __typename }'),
);

/**
 * Documents of up to 30 fragments, each selecting fields (aliases, directives,
 * an upstream field) and spreading one to three of the next three fragments up
 * to three times each: most are fragment bombs of some size.
 */
const documents = fc.integer({ min: 1, max: 30 }).chain((count) =>
  fc
    .tuple(
      ...Array.from({ length: count }, () =>
        fc.record({
          fields: fc.array(selection, { minLength: 1, maxLength: 3 }),
          spreads: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })), {
            minLength: 1,
            maxLength: 3,
          }),
        }),
      ),
    )
    .map((fragments) => {
      const definitions = fragments.map(({ fields, spreads }, index) => {
        const spread = spreads
          .map(([ahead, times]) => [index + ahead, times] as const)
          .filter(([target]) => target < count)
          .flatMap(([target, times]) => Array.from({ length: times }, () => `...F${target}`));
        return `fragment F${index} on Query { ${[...fields, ...spread].join(' ')} }`;
      });
      return `query Q($flag: Boolean = true) { ...F0 } ${definitions.join(' ')}`;
    }),
);

describe('the request limits', () => {
  it('are linear in the document: fragment bodies looked up a bounded number of times per token', () => {
    fc.assert(
      fc.property(documents, (query) => {
        const { lookups } = fragmentLookups(query);
        // The rules that expand fragments look each one up about once per spread (a spread is 2 tokens).
        expect(lookups).toBeLessThanOrEqual(4 * tokens(query));
      }),
      { numRuns: 200 },
    );
  });

  it('refuse a 60-level fragment bomb after a linear amount of work', () => {
    let query = 'query Q { ...F0 }';
    for (let level = 0; level < 60; level++) {
      query += ` fragment F${level} on Query { ...F${level + 1} ...F${level + 1} }`;
    }
    query += ' fragment F60 on Query { badgeOrgMeta { __typename } }';
    const { lookups, errors } = fragmentLookups(query);
    expect(lookups).toBeLessThanOrEqual(4 * tokens(query));
    expect(errors).toEqual([
      'This operation would call Capillary more than a billion times; at most 5 calls are allowed per operation.',
      'This operation selects more than a billion fields once its fragments are expanded; at most 2000 are allowed.',
    ]);
  });

  it('count a fragment as often as it is spread, and refuse fragment cycles without looping', () => {
    const counted = fragmentLookups(
      'query { ...A ...A ...B } fragment A on Query { ...B } fragment B on Query { a: badgeOrgMeta { __typename } b: badgeOrgMeta { __typename } }',
    );
    expect(counted.errors).toEqual([
      'This operation would call Capillary 6 times; at most 5 calls are allowed per operation.',
    ]);
    const cycle = fragmentLookups('query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }');
    expect(cycle.errors).toContain('Cannot spread fragment "A" within itself via "B".');
  });

  it('refuse more expanded fields than MAX_FIELDS', () => {
    const small = requestLimits(loadConfig({ MAX_FIELDS: '3' }), operations);
    const errors = validate(
      schema,
      parse('query { ...A ...A } fragment A on Query { x: __typename y: __typename }'),
      [...specifiedRules, ...small.validationRules],
    ).map((error) => error.message);
    expect(errors).toEqual([
      'This operation selects 4 fields once its fragments are expanded; at most 3 are allowed.',
    ]);
  });

  it('refuse _service (the subgraph SDL) unless SUBGRAPH_SDL allows it', () => {
    const query = parse('{ _service { sdl } }');
    const production = { NODE_ENV: 'production', CAPILLARY_BASE_URL: 'https://eu.api.capillarytech.com' };
    const refused = requestLimits(loadConfig(production), operations);
    expect(validate(schema, query, [...specifiedRules, ...refused.validationRules])).toMatchObject([
      { message: 'The subgraph schema (_service) is not served by this deployment (SUBGRAPH_SDL is off).' },
    ]);
    const allowed = requestLimits(loadConfig({ ...production, SUBGRAPH_SDL: 'true' }), operations);
    expect(validate(schema, query, [...specifiedRules, ...allowed.validationRules])).toEqual([]);
  });
});

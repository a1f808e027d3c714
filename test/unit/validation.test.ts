import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgMetaInputProblems } from '../../src/operations/orgMeta/orgMeta.js';

const tag = { key: 'Category', dataType: 'string' };

describe('orgMetaInputProblems', () => {
  it('finds nothing wrong with a positive org id and distinct, non-blank tags', () => {
    expect(orgMetaInputProblems({ orgId: 1, tags: [tag, { key: 'Tier', dataType: 'integer' }] })).toEqual([]);
  });

  it('accepts an empty tag list', () => {
    expect(orgMetaInputProblems({ orgId: 1, tags: [] })).toEqual([]);
  });

  it.each([0, -5])('rejects the org id %i', (orgId) => {
    expect(orgMetaInputProblems({ orgId, tags: [tag] })).toEqual([
      { path: ['orgId'], message: 'must be a positive org id' },
    ]);
  });

  it('rejects blank keys and data types, locating each', () => {
    expect(orgMetaInputProblems({ orgId: 1, tags: [tag, { key: '  ', dataType: '' }] })).toEqual([
      { path: ['tags', '1', 'key'], message: 'must not be blank' },
      { path: ['tags', '1', 'dataType'], message: 'must not be blank' },
    ]);
  });

  it('rejects a key used twice, pointing at the repeat', () => {
    expect(orgMetaInputProblems({ orgId: 1, tags: [tag, { key: 'Tier', dataType: 's' }, tag] })).toEqual([
      { path: ['tags', '2', 'key'], message: 'repeats the key of tags[0]' },
    ]);
  });

  it('reports every problem at once', () => {
    expect(orgMetaInputProblems({ orgId: 0, tags: [{ key: '', dataType: 'x' }] })).toHaveLength(2);
  });
});

/** The org meta rules, stated apart from the code they check. */
function orgMetaOracle(input: {
  orgId: number;
  tags: ReadonlyArray<{ key: string; dataType: string }>;
}): boolean {
  const keys = input.tags.map((tag) => tag.key);
  return (
    input.orgId <= 0 ||
    input.tags.some((tag) => tag.key.trim() === '' || tag.dataType.trim() === '') ||
    new Set(keys.filter((key) => key.trim() !== '')).size !== keys.filter((key) => key.trim() !== '').length
  );
}

describe('orgMetaInputProblems, for any input', () => {
  it('finds problems exactly when a rule is broken', () => {
    const tag = fc.record({
      key: fc.constantFrom('', ' ', 'Category', 'Tier', 'tier'),
      dataType: fc.constantFrom('', '\t', 'string', 'integer'),
    });
    fc.assert(
      fc.property(
        fc.record({ orgId: fc.integer({ min: -2, max: 3 }), tags: fc.array(tag, { maxLength: 4 }) }),
        (input) => {
          expect(orgMetaInputProblems(input).length > 0).toBe(orgMetaOracle(input));
        },
      ),
      { numRuns: 1_000 },
    );
  });
});

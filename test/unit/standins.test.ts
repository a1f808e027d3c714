import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHash } from '../../src/standins/createHash.js';
import fastJsonStringify from '../../src/standins/fastJsonStringify.js';

describe('the createHash bundled for @apollo/utils.createhash', () => {
  const query =
    'mutation Create($input: CreateBadgeOrgMetaInput!) { createBadgeOrgMeta(input: $input) { __typename } }';

  it.each([
    ['sha256', 'hex'],
    ['sha512', 'hex'],
    ['sha256', 'base64'],
  ] as const)(
    'gives what node:crypto gives for one string (%s, %s), as Apollo uses it',
    (algorithm, encoding) => {
      expect(createHash(algorithm).update(query).digest(encoding)).toBe(
        nodeCreateHash(algorithm).update(query).digest(encoding),
      );
    },
  );

  it('gives what node:crypto gives for several parts and bytes', () => {
    const bytes = Buffer.from('é and bytes');
    expect(createHash('sha256').update('a').update(bytes).update('').digest('hex')).toBe(
      nodeCreateHash('sha256').update('a').update(bytes).update('').digest('hex'),
    );
    expect(createHash('sha256').digest('hex')).toBe(nodeCreateHash('sha256').digest('hex'));
  });

  it('tells different queries apart (Apollo keys its document cache by this hash)', () => {
    expect(createHash('sha256').update('{ a }').digest('hex')).not.toBe(
      createHash('sha256').update('{ b }').digest('hex'),
    );
  });
});

describe('the fast-json-stringify stand-in', () => {
  it('says why it is missing, should graphql-jit ever call it', () => {
    expect(() => fastJsonStringify()).toThrow(/customJSONSerializer/);
  });
});

import { createHash as nodeCreateHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHash } from '../../src/standins/createHash.js';
import fastJsonStringify from '../../src/standins/fastJsonStringify.js';
import RememberingNegotiator from '../../src/standins/negotiator.js';
import Negotiator from 'negotiator/index.js';

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

  it('gives the same digest when it answers from memory, for short and long strings', () => {
    for (const data of [query, 'x'.repeat(20_000)]) {
      const expected = nodeCreateHash('sha256').update(data).digest('hex');
      expect(createHash('sha256').update(data).digest('hex')).toBe(expected);
      expect(createHash('sha256').update(data).digest('hex')).toBe(expected);
    }
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

describe('the negotiator bundled for Apollo Server', () => {
  // What Apollo Server offers, in its three calls.
  const offers = [
    ['application/json', 'application/graphql-response+json', 'application/json; charset=utf-8'],
    ['multipart/mixed; deferSpec=20220824', 'multipart/mixed; incrementalSpec=v0.2'],
    ['text/html', 'application/json'],
  ];
  const accepts = [
    undefined,
    '',
    'application/json',
    'application/graphql-response+json, application/json;q=0.9',
    'multipart/mixed;deferSpec=20220824, application/json',
    'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    '*/*;q=0.1, text/plain',
    'a'.repeat(600) + ', application/json',
  ];

  it.each(accepts)('chooses what negotiator chooses for Accept %j, asked once or again', (accept) => {
    const headers = accept === undefined ? {} : { accept };
    for (const offer of offers) {
      const expected = new Negotiator({ headers }).mediaType(offer);
      expect(new RememberingNegotiator({ headers }).mediaType(offer)).toBe(expected);
      expect(new RememberingNegotiator({ headers }).mediaType(offer)).toBe(expected);
    }
  });

  it('keeps a missing Accept header (anything) apart from an empty one (nothing)', () => {
    expect(new RememberingNegotiator({ headers: {} }).mediaType(['application/json'])).toBe(
      'application/json',
    );
    expect(
      new RememberingNegotiator({ headers: { accept: '' } }).mediaType(['application/json']),
    ).toBeUndefined();
  });
});

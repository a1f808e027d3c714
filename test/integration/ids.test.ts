import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASIC, startTestGateway, type TestGateway } from '../support/gateway.js';
import { envelope, startStubUpstream, type StubUpstream } from '../support/stubUpstream.js';

/** Ids from callers go into Capillary's paths: none may lead a call to another endpoint. */

let upstream: StubUpstream;
let gateway: TestGateway;

beforeEach(async () => {
  upstream = await startStubUpstream(envelope(200, { data: null, errors: [] }));
  gateway = await startTestGateway(upstream.url);
});

afterEach(async () => {
  await gateway.stop();
  await upstream.stop();
});

async function result(query: string, variables: Record<string, unknown> = {}) {
  const response = await gateway.graphql(query, variables, { authorization: BASIC });
  return { data: response.body.data?.result, errors: response.body.errors };
}

describe('an id that is not one plain path segment', () => {
  it.each([
    [
      'a group update naming another endpoint',
      'mutation { result: updateBadgeGroup(input: { id: "orgMeta", name: "G", rank: 1 }) { __typename ... on InvalidBadgeGroupInput { problems { path } } } }',
      ['id'],
    ],
    [
      'a claim climbing out of its badge',
      'mutation { result: claimBadge(input: { badgeId: "..", ownerType: Loyalty, referenceId: "p1" }) { __typename ... on InvalidBadgeInput { problems { path } } } }',
      ['badgeId'],
    ],
    [
      'a custom field update with a slash',
      'mutation { result: updateBadgeCustomField(input: { id: "a/b", name: "F", dataType: STRING }) { __typename ... on InvalidBadgeCustomFieldInput { problems { path } } } }',
      ['id'],
    ],
  ])('is refused before any call: %s', async (_label, query, path) => {
    const { data } = await result(query);
    expect(data).toMatchObject({ problems: [{ path }] });
    expect(upstream.requests).toHaveLength(0);
  });

  it.each([
    ['badge', '{ result: badge(id: "../orgMeta") { __typename } }', 'BadgeNotFound'],
    ['badgeGroup', '{ result: badgeGroup(id: "a.b") { __typename } }', 'BadgeGroupNotFound'],
    ['activateBadge', 'mutation { result: activateBadge(id: "x y") { __typename } }', 'BadgeNotFound'],
  ])('names no resource in a %s read or switch, with no call', async (_label, query, typename) => {
    expect((await result(query)).data).toEqual({ __typename: typename });
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('an entity representation without a string id', () => {
  it('resolves to null, without an error or a call', async () => {
    const { data, errors } = await result(
      'query ($r: [_Any!]!) { result: _entities(representations: $r) { ... on Badge { id } } }',
      {
        r: [
          { __typename: 'Badge' },
          { __typename: 'BadgeGroup', id: 7 },
          { __typename: 'BadgeCustomField', id: null },
        ],
      },
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual([null, null, null]);
    expect(upstream.requests).toHaveLength(0);
  });
});

import { GraphQLError } from 'graphql';

const FAILURES = new Set(['BadgesAuthenticationFailed', 'BadgesAccessDenied', 'BadgesUpstreamFailure']);

/**
 * What an entity reference resolves to from a read's result: the entity when
 * found, null when Capillary has no such resource. A failure to read is a
 * GraphQL error (code BADGES_AUTHENTICATION_FAILED, BADGES_ACCESS_DENIED or
 * BADGES_UPSTREAM_FAILURE), since an entity has no result union to carry it.
 */
export function referenced<R extends { readonly __typename: string }, T extends R['__typename']>(
  result: R,
  typename: T,
): Extract<R, { __typename: T }> | null {
  if (result.__typename === typename) return result as Extract<R, { __typename: T }>;
  if (FAILURES.has(result.__typename)) {
    const message =
      'message' in result && typeof result.message === 'string' ? result.message : result.__typename;
    throw new GraphQLError(message, { extensions: { code: errorCode(result.__typename) } });
  }
  return null;
}

function errorCode(typename: string): string {
  return typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

/** A representation's `id`, as the Router sent it: anything but a string names no resource. */
export function idOf(representation: { readonly id?: unknown }): string | null {
  return typeof representation.id === 'string' ? representation.id : null;
}

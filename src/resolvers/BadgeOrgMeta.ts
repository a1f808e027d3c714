import { GraphQLError } from 'graphql';
import type { BadgeOrgMetaResolvers } from '../generated/resolvers-types.js';
import { UnreachableCaseError } from '../unreachable.js';

export const BadgeOrgMeta: BadgeOrgMetaResolvers = {
  /**
   * An entity reference resolves only for the caller's own org: null when the org
   * has no meta or the credentials belong to another org. A failure to read is a
   * GraphQL error, since an entity has no result union to carry it.
   */
  async __resolveReference({ orgId }, { orgMeta }) {
    const result = await orgMeta();
    switch (result.__typename) {
      case 'BadgeOrgMeta':
        return result.orgId === orgId ? result : null;
      case 'OrgMetaNotFound':
        return null;
      case 'BadgesAuthenticationFailed':
      case 'BadgesAccessDenied':
      case 'BadgesUpstreamFailure':
        throw new GraphQLError(result.message, { extensions: { code: errorCode(result.__typename) } });
      default:
        throw new UnreachableCaseError(result);
    }
  },
};

function errorCode(typename: string): string {
  return typename.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
}

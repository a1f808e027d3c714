import type { QueryResolvers } from '../generated/resolvers-types.js';

export const Query: QueryResolvers = {
  badgeOrgMeta(_parent, _args, { orgMeta }) {
    return orgMeta();
  },
};

import { createOrgMeta, updateOrgMeta } from '../badges/orgMeta.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

export const Mutation: MutationResolvers = {
  async createBadgeOrgMeta(_parent, { input }, { badges, credentials, startDeadline }) {
    const deadline = startDeadline();
    const result = await createOrgMeta(badges, credentials, input, deadline);
    return result.__typename === 'OrgMetaAlreadyExists'
      ? { ...result, orgId: input.orgId, deadline }
      : result;
  },

  updateBadgeOrgMeta(_parent, { input }, { badges, credentials, startDeadline }) {
    return updateOrgMeta(badges, credentials, input, startDeadline());
  },
};

import { createOrgMeta, updateOrgMeta } from '../badges/orgMeta.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

export const Mutation: MutationResolvers = {
  async createBadgeOrgMeta(_parent, { input }, { badges, credentials, startDeadline, orgMetaWritten }) {
    const deadline = startDeadline();
    const result = await createOrgMeta(badges, credentials, input, deadline);
    // Even a failed attempt may have written: what this request reads next is read afresh.
    orgMetaWritten();
    return result.__typename === 'OrgMetaAlreadyExists'
      ? { ...result, orgId: input.orgId, deadline }
      : result;
  },

  async updateBadgeOrgMeta(_parent, { input }, { badges, credentials, startDeadline, orgMetaWritten }) {
    const result = await updateOrgMeta(badges, credentials, input, startDeadline());
    orgMetaWritten();
    return result;
  },
};

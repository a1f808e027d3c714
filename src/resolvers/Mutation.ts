import { perform } from '../capillary/operation.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { createBadgeOrgMeta, updateBadgeOrgMeta } from '../operations/index.js';

export const Mutation: MutationResolvers = {
  async createBadgeOrgMeta(_parent, args, context) {
    const result = await perform(createBadgeOrgMeta, args, context);
    // Even a failed attempt may have written: what this request reads next is read afresh.
    context.orgMetaWritten();
    return result;
  },

  async updateBadgeOrgMeta(_parent, args, context) {
    const result = await perform(updateBadgeOrgMeta, args, context);
    context.orgMetaWritten();
    return result;
  },
};

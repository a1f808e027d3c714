import { perform, type Caller, type Operation, type RequestReads } from '../capillary/operation.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';

/** A write: whatever it came to, what this request reads next is read afresh (a failed attempt may have written). */
async function write<A, D, R>(
  operation: Operation<A, D, R>,
  args: A,
  context: Caller & RequestReads,
): Promise<R> {
  try {
    return await perform(operation, args, context);
  } finally {
    context.written();
  }
}

export const Mutation: MutationResolvers = {
  createBadgeOrgMeta: (_parent, args, context) => write(registry.createBadgeOrgMeta, args, context),
  updateBadgeOrgMeta: (_parent, args, context) => write(registry.updateBadgeOrgMeta, args, context),
  createBadge: (_parent, args, context) => write(registry.createBadge, args, context),
  updateBadge: (_parent, args, context) => write(registry.updateBadge, args, context),
  claimBadge: (_parent, args, context) => write(registry.claimBadge, args, context),
  unclaimBadge: (_parent, args, context) => write(registry.unclaimBadge, args, context),
  activateBadge: (_parent, args, context) => write(registry.activateBadge, args, context),
  deactivateBadge: (_parent, args, context) => write(registry.deactivateBadge, args, context),
  createBadgeGroup: (_parent, args, context) => write(registry.createBadgeGroup, args, context),
  updateBadgeGroup: (_parent, args, context) => write(registry.updateBadgeGroup, args, context),
  createBadgeCustomField: (_parent, args, context) => write(registry.createBadgeCustomField, args, context),
  updateBadgeCustomField: (_parent, args, context) => write(registry.updateBadgeCustomField, args, context),
};

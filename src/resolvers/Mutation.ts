import { randomUUID } from 'node:crypto';
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

/**
 * A write that carries Capillary's idempotency key (`requestId`): the caller's,
 * or one made here. It is sent, and returned beside the outcome whatever that
 * is, so that a caller who could not tell whether the write was recorded can
 * send it again with the same key (Capillary then answers 809, never a second write).
 */
async function keyedWrite<I extends { readonly requestId?: string | null }, D, R>(
  operation: Operation<{ readonly input: I & { readonly requestId: string } }, D, R>,
  { input }: { readonly input: I },
  context: Caller & RequestReads,
): Promise<{ readonly requestId: string; readonly outcome: R }> {
  const requestId = input.requestId ?? randomUUID();
  return { requestId, outcome: await write(operation, { input: { ...input, requestId } }, context) };
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
  enrolCustomersInBadge: (_parent, args, context) =>
    keyedWrite(registry.enrolCustomersInBadge, args, context),
  earnBadge: (_parent, args, context) => keyedWrite(registry.earnBadge, args, context),
  earnBadgeForCustomers: (_parent, args, context) =>
    keyedWrite(registry.earnBadgeForCustomers, args, context),
  revokeBadgeEnrolment: (_parent, args, context) => write(registry.revokeBadgeEnrolment, args, context),
  revokeEarnedBadge: (_parent, args, context) => write(registry.revokeEarnedBadge, args, context),
  importEarnedBadges: (_parent, args, context) => write(registry.importEarnedBadges, args, context),
};

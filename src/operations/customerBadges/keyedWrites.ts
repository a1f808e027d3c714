import type { InputProblem } from '../../capillary/domain.js';
import type { OwnCode } from '../../capillary/envelope.js';
import type { Call } from '../../capillary/operation.js';
import type { BadgeTriggerInput } from '../../generated/resolvers-types.js';
import { blankProblems } from '../wire.js';
import {
  badgeNotClaimed,
  badgeNotLive,
  duplicateRequest,
  eventDateOutsideBadge,
  invalidCustomerBadgeInput,
  requestIdProblems,
  triggeredByBody,
} from './customerBadge.js';

/**
 * What enrol, earn and bulk earn share: the idempotency key (`requestId`, filled
 * in by the resolver when the caller sent none), `triggeredBy`, the checks made
 * before any call, and the codes all three answer.
 */

interface KeyedBadgeWrite {
  readonly input: {
    readonly badgeId: string;
    readonly triggeredBy: BadgeTriggerInput;
    readonly requestId: string;
  };
}

/** The body members all three send. */
export function keyedBody({ input }: KeyedBadgeWrite): Record<string, unknown> {
  return {
    badgeMetaId: input.badgeId,
    requestId: input.requestId,
    triggeredBy: triggeredByBody(input.triggeredBy),
  };
}

export function keyedWriteProblems({ input }: KeyedBadgeWrite): InputProblem[] {
  return [
    ...blankProblems(['badgeId'], input.badgeId),
    ...blankProblems(['triggeredBy', 'referenceId'], input.triggeredBy.referenceId),
    ...requestIdProblems(['requestId'], input.requestId),
  ];
}

/**
 * 809 (the key was used: the first attempt was recorded), 810 (no claim by
 * `triggeredBy`), 815 (GUESS: not live), 816 (event date outside the badge),
 * 750 (GUESS: an event date more than a day ahead: a problem at `earnedAt`).
 */
export const keyedWriteCodes = {
  809: (verdict: OwnCode, call: Call<KeyedBadgeWrite>) => duplicateRequest(verdict, call),
  810: (verdict: OwnCode, call: Call<KeyedBadgeWrite>) => badgeNotClaimed(verdict, call),
  815: (verdict: OwnCode, call: Call<KeyedBadgeWrite>) => badgeNotLive(verdict, call),
  816: (verdict: OwnCode, call: Call<KeyedBadgeWrite>) => eventDateOutsideBadge(verdict, call),
  750: (verdict: OwnCode) => invalidCustomerBadgeInput(verdict),
};

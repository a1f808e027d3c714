import type { InputProblem } from '../../capillary/domain.js';
import type { ClaimBadgeInput, UnclaimBadgeInput } from '../../generated/resolvers-types.js';

/** A claim names a badge and a module's object: neither may be blank. */
export function claimProblems(input: ClaimBadgeInput | UnclaimBadgeInput): InputProblem[] {
  return [
    ...(input.badgeId.trim() === '' ? [{ path: ['badgeId'], message: 'must not be blank' }] : []),
    ...(input.referenceId.trim() === '' ? [{ path: ['referenceId'], message: 'must not be blank' }] : []),
  ];
}

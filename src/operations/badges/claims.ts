import type { InputProblem } from '../../capillary/domain.js';
import type { ClaimBadgeInput, UnclaimBadgeInput } from '../../generated/resolvers-types.js';
import { blankProblems, idProblems } from '../wire.js';

/** A claim names a badge and a module's object: neither may be blank. */
export function claimProblems(input: ClaimBadgeInput | UnclaimBadgeInput): InputProblem[] {
  return [...idProblems(['badgeId'], input.badgeId), ...blankProblems(['referenceId'], input.referenceId)];
}

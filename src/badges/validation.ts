import type { InputProblem, OrgMetaInput } from './domain.js';

/**
 * The checks made before anything is sent to Capillary. Paths use the same
 * form as Capillary's `reference` (`["tags", "0", "dataType"]`).
 */
export function orgMetaInputProblems(input: OrgMetaInput): InputProblem[] {
  const problems: InputProblem[] = [];
  if (!(input.orgId > 0)) {
    problems.push({ path: ['orgId'], message: 'must be a positive org id' });
  }
  const firstIndexOfKey = new Map<string, number>();
  input.tags.forEach((tag, index) => {
    const at = ['tags', String(index)];
    if (tag.key.trim() === '') {
      problems.push({ path: [...at, 'key'], message: 'must not be blank' });
    } else {
      const first = firstIndexOfKey.get(tag.key);
      if (first === undefined) firstIndexOfKey.set(tag.key, index);
      else problems.push({ path: [...at, 'key'], message: `repeats the key of tags[${first}]` });
    }
    if (tag.dataType.trim() === '') {
      problems.push({ path: [...at, 'dataType'], message: 'must not be blank' });
    }
  });
  return problems;
}

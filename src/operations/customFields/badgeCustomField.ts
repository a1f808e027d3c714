import { z } from 'zod';
import type { BadgesErrorFields, BadgesWarning, InputProblem } from '../../capillary/domain.js';
import type { Invalid, Refusal } from '../../capillary/envelope.js';
import type {
  CreateBadgeCustomFieldInput,
  UpdateBadgeCustomFieldInput,
} from '../../generated/resolvers-types.js';
import { pageSchema, type Page } from '../paging.js';
import {
  auditFields,
  blankProblems,
  errorFields,
  idProblems,
  invalidInputFields,
  problemsAt,
} from '../wire.js';

/**
 * The badge custom field area (`api_gateway/v1/badges/customField…`; facts in
 * ../shared/upstream/badges-groups-fields-api.md): the field definition, the
 * body, the checks made before any call, and the members its operations build.
 */

/** The OpenAPI files type the flags as strings while the examples send booleans: read both. */
const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);

export const badgeCustomFieldSchema = z
  .object({
    id: z.string().min(1),
    orgId: z.number().int(),
    name: z.string(),
    dataType: z.enum(['INTEGER', 'BOOLEAN', 'DATE', 'STRING']),
    isMandatory: flag.nullish(),
    // Always a string on the wire, seen as "", as null and as the text "null".
    defaultValue: z.union([z.string(), z.number(), z.boolean()]).nullish(),
    isActive: flag.nullish(),
    ...auditFields,
  })
  .transform(({ isMandatory, isActive, defaultValue, ...field }) => ({
    ...field,
    mandatory: isMandatory ?? false,
    defaultValue: defaultValue == null || defaultValue === 'null' ? null : String(defaultValue),
    active: isActive ?? true,
  }));

export type BadgeCustomField = z.infer<typeof badgeCustomFieldSchema>;

export const badgeCustomFieldPageSchema = pageSchema('customFieldROList', badgeCustomFieldSchema);
export type BadgeCustomFieldPage = Page<BadgeCustomField>;

/** Capillary's names (`isMandatory`, `isActive`); absent values are left out. */
export function badgeCustomFieldBody(
  input: CreateBadgeCustomFieldInput | UpdateBadgeCustomFieldInput,
): unknown {
  return {
    name: input.name,
    dataType: input.dataType,
    ...(input.mandatory == null ? {} : { isMandatory: input.mandatory }),
    ...(input.defaultValue == null ? {} : { defaultValue: input.defaultValue }),
    ...('active' in input && input.active != null ? { isActive: input.active } : {}),
  };
}

/** A default value must read as the field's type: Capillary does not check it (GUESS: it should). */
export function badgeCustomFieldProblems(
  input: CreateBadgeCustomFieldInput | UpdateBadgeCustomFieldInput,
): InputProblem[] {
  const problems: InputProblem[] = [];
  if ('id' in input) problems.push(...idProblems(['id'], input.id));
  problems.push(...blankProblems(['name'], input.name));
  const value = input.defaultValue;
  if (value != null && !DEFAULT_VALUE_FORMS[input.dataType].test(value)) {
    problems.push({ path: ['defaultValue'], message: `is not a ${input.dataType} value` });
  }
  return problems;
}

const DEFAULT_VALUE_FORMS = {
  INTEGER: /^-?\d+$/,
  BOOLEAN: /^(true|false)$/,
  DATE: /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/,
  STRING: /^/,
} as const;

export interface BadgeCustomFieldSuccess<T extends string> {
  readonly __typename: T;
  readonly customField: BadgeCustomField;
  readonly warnings: readonly BadgesWarning[];
}

export type CreateBadgeCustomFieldSuccess = BadgeCustomFieldSuccess<'CreateBadgeCustomFieldSuccess'>;
export type UpdateBadgeCustomFieldSuccess = BadgeCustomFieldSuccess<'UpdateBadgeCustomFieldSuccess'>;

export interface BadgeCustomFieldNotFound extends BadgesErrorFields {
  readonly __typename: 'BadgeCustomFieldNotFound';
  readonly customFieldId: string;
}

export interface InvalidBadgeCustomFieldInput extends BadgesErrorFields {
  readonly __typename: 'InvalidBadgeCustomFieldInput';
  readonly problems: readonly InputProblem[];
}

export function badgeCustomFieldNotFound(
  customFieldId: string,
  verdict: Refusal<string>,
): BadgeCustomFieldNotFound {
  const message = `No badge custom field of this org has the id ${customFieldId}.`;
  return { __typename: 'BadgeCustomFieldNotFound', ...errorFields(message, verdict), customFieldId };
}

export function invalidBadgeCustomFieldInput(verdict: Invalid): InvalidBadgeCustomFieldInput {
  return {
    __typename: 'InvalidBadgeCustomFieldInput',
    ...invalidInputFields('badge custom field', verdict, problemsAt()),
  };
}

import { z } from 'zod';
import type { Deadline } from '../../capillary/client.js';
import type { BadgesErrorFields, BadgesWarning, InputProblem } from '../../capillary/domain.js';
import { timestampSchema, type Invalid, type Refusal } from '../../capillary/envelope.js';
import { blankProblems } from '../wire.js';

/**
 * The org meta area: an org's one tag schema for its badges
 * (`api_gateway/v1/badges/orgMeta`; facts in ../shared/upstream/badges-orgmeta-api.md).
 * What its three operations share: the object, its zod schema, the request
 * body, and the members their outcome tables build.
 */

export interface OrgMetaTag {
  readonly key: string;
  readonly dataType: string;
  readonly description: string | null;
  readonly mandatory: boolean | null;
}

export interface OrgMeta {
  readonly id: string;
  readonly orgId: number;
  readonly tags: readonly OrgMetaTag[];
  readonly createdOn: Date | null;
  readonly createdBy: number | null;
  readonly lastUpdatedOn: Date | null;
  readonly lastUpdatedBy: number | null;
}

/** What a caller asks to store: the body of POST (and PUT) orgMeta. */
export interface OrgMetaInput {
  readonly orgId: number;
  readonly tags: readonly OrgMetaTagInput[];
}

export interface OrgMetaTagInput {
  readonly key: string;
  readonly dataType: string;
  readonly description?: string | null;
  readonly mandatory?: boolean | null;
}

/**
 * The org has an org meta already. Carries what its lazy `existing` field
 * needs: the org to match, and the create's deadline, within which the
 * request's shared read of the org meta is made (src/graphql/context.ts).
 */
export interface OrgMetaAlreadyExists extends BadgesErrorFields {
  readonly __typename: 'OrgMetaAlreadyExists';
  readonly orgId: number;
  readonly deadline: Deadline;
}

export interface InvalidOrgMetaInput extends BadgesErrorFields {
  readonly __typename: 'InvalidOrgMetaInput';
  readonly problems: readonly InputProblem[];
}

export interface OrgMetaNotFound extends BadgesErrorFields {
  readonly __typename: 'OrgMetaNotFound';
}

export interface CreateBadgeOrgMetaSuccess {
  readonly __typename: 'CreateBadgeOrgMetaSuccess';
  readonly orgMeta: OrgMeta;
  readonly warnings: readonly BadgesWarning[];
}

export interface UpdateBadgeOrgMetaSuccess {
  readonly __typename: 'UpdateBadgeOrgMetaSuccess';
  readonly orgMeta: OrgMeta;
  readonly warnings: readonly BadgesWarning[];
}

export const orgMetaSchema = z
  .object({
    id: z.string().min(1),
    orgId: z.number().int(),
    tags: z.array(
      z.object({
        key: z.string(),
        dataType: z.string(),
        description: z.string().nullish(),
        mandatory: z.boolean().nullish(),
      }),
    ),
    createdOn: timestampSchema.nullish(),
    createdBy: z.number().int().nullish(),
    lastUpdatedOn: timestampSchema.nullish(),
    lastUpdatedBy: z.number().int().nullish(),
  })
  .transform((data): OrgMeta => ({
    id: data.id,
    orgId: data.orgId,
    tags: data.tags.map((tag) => ({
      key: tag.key,
      dataType: tag.dataType,
      description: tag.description ?? null,
      mandatory: tag.mandatory ?? null,
    })),
    createdOn: data.createdOn ?? null,
    createdBy: data.createdBy ?? null,
    lastUpdatedOn: data.lastUpdatedOn ?? null,
    lastUpdatedBy: data.lastUpdatedBy ?? null,
  }));

/** Exactly `orgId` and `tags`; optional tag fields are left out when absent. */
export function orgMetaBody(input: OrgMetaInput): unknown {
  return {
    orgId: input.orgId,
    tags: input.tags.map((tag) => ({
      key: tag.key,
      dataType: tag.dataType,
      ...(tag.description == null ? {} : { description: tag.description }),
      ...(tag.mandatory == null ? {} : { mandatory: tag.mandatory }),
    })),
  };
}

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
    problems.push(...blankProblems([...at, 'dataType'], tag.dataType));
  });
  return problems;
}

/** Input refused, locally (nothing sent) or by Capillary. */
export function invalidOrgMetaInput({
  local,
  upstreamErrors,
  requestId,
  problems,
}: Invalid): InvalidOrgMetaInput {
  return {
    __typename: 'InvalidOrgMetaInput',
    message: local
      ? 'The org meta input is invalid; nothing was sent to Capillary. See problems.'
      : 'Capillary rejected the org meta input; see problems and upstreamErrors.',
    upstreamErrors,
    requestId,
    problems,
  };
}

export function orgMetaNotFound({ upstreamErrors, requestId }: Refusal<'notFound'>): OrgMetaNotFound {
  return {
    __typename: 'OrgMetaNotFound',
    message: 'This org has no badge org meta yet; create it first.',
    upstreamErrors,
    requestId,
  };
}

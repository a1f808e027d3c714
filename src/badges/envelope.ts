import { z } from 'zod';
import { UnreachableCaseError } from '../unreachable.js';
import type { UnreachableReason, UpstreamOutcome } from './client.js';
import type {
  BadgeOrgMetaResult,
  BadgesUpstreamFailure,
  BadgesWarning,
  CommonFailure,
  CreateBadgeOrgMetaResult,
  InvalidOrgMetaInput,
  OrgMetaNotFound,
  UpdateBadgeOrgMetaResult,
  InputProblem,
  OrgMeta,
  UpstreamError,
  UpstreamFailureCause,
} from './domain.js';

/**
 * The one place where Capillary's answers are read. `readEnvelope` turns any
 * outcome of a call into a verdict (HTTP status first, then the body); the
 * `to…Result` functions pick the union member of each operation.
 */

const upstreamErrorSchema = z
  .object({
    code: z.number().int().nullish(),
    message: z.string(),
    reference: z.string().nullish(),
  })
  .transform((item): UpstreamError => ({
    code: item.code ?? null,
    message: item.message,
    reference: item.reference ?? null,
  }));

const warningSchema = z
  .object({ code: z.number().int().nullish(), message: z.string() })
  .transform((item): BadgesWarning => ({ code: item.code ?? null, message: item.message }));

const envelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.unknown()).nullish(),
  warnings: z.array(z.unknown()).nullish(),
});

/** Epoch seconds with fractions (real payloads) or an ISO-8601 string (the doc example). */
const timestampSchema = z.union([z.number(), z.iso.datetime({ offset: true })]).transform((value, ctx) => {
  const date = new Date(typeof value === 'number' ? Math.round(value * 1000) : value);
  if (Number.isNaN(date.getTime())) {
    ctx.addIssue({ code: 'custom', message: 'is not a representable point in time' });
    return z.NEVER;
  }
  return date;
});

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

/** What the upstream said about its answer, beside the body. */
interface AnswerMeta {
  /** The upstream's `X-Cap-Requestid`, for support tickets. */
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;
}

/** A refusal whose meaning the HTTP status tells. */
interface Refusal<K extends string> {
  readonly kind: K;
  readonly upstreamErrors: readonly UpstreamError[];
  readonly requestId: string | null;
}

interface Failed extends AnswerMeta {
  readonly kind: 'failed';
  readonly cause: UpstreamFailureCause;
  readonly status: number | null;
  readonly retryable: boolean;
  readonly reason: string;
  readonly upstreamErrors: readonly UpstreamError[];
}

/** What an upstream answer means, before any operation gives it a union member. */
export type Verdict<T> =
  | { readonly kind: 'success'; readonly data: T; readonly warnings: readonly BadgesWarning[] }
  | Refusal<'conflict'>
  | Refusal<'invalid'>
  | Refusal<'unauthenticated'>
  | Refusal<'forbidden'>
  | Refusal<'notFound'>
  | Failed;

type FailureVerdict = Exclude<Verdict<never>, { kind: 'success' }>;

const NO_META: AnswerMeta = { requestId: null, retryAfterSeconds: null };

export function readEnvelope<T>(outcome: UpstreamOutcome, dataSchema: z.ZodType<T>): Verdict<T> {
  switch (outcome.kind) {
    case 'timeout':
      return failed(
        'TIMEOUT',
        NO_META,
        null,
        true,
        `Capillary did not answer within ${outcome.timeoutMs} ms.`,
      );
    case 'unreachable': {
      const { cause, message } = UNREACHABLE[outcome.reason];
      return failed(cause, NO_META, null, true, message);
    }
    case 'oversized':
      return failed(
        'RESPONSE_TOO_LARGE',
        { requestId: outcome.requestId, retryAfterSeconds: null },
        outcome.status,
        false,
        `Capillary's answer was larger than the gateway accepts (${outcome.limitBytes} bytes).`,
      );
    case 'answered':
      return readAnswer(
        outcome.status,
        outcome.body,
        {
          requestId: outcome.requestId,
          retryAfterSeconds: outcome.retryAfterSeconds,
        },
        dataSchema,
      );
    default:
      throw new UnreachableCaseError(outcome);
  }
}

const UNREACHABLE: Record<UnreachableReason, { cause: UpstreamFailureCause; message: string }> = {
  refused: { cause: 'CONNECTION_REFUSED', message: 'Capillary refused the connection.' },
  reset: {
    cause: 'CONNECTION_RESET',
    message: 'The connection to Capillary was closed before its answer was complete.',
  },
  dns: { cause: 'HOST_NOT_FOUND', message: "Capillary's host name could not be resolved." },
  other: { cause: 'UNREACHABLE', message: 'Capillary could not be reached.' },
};

function readAnswer<T>(status: number, body: string, meta: AnswerMeta, dataSchema: z.ZodType<T>): Verdict<T> {
  const envelope = parseEnvelope(body);
  const upstreamErrors = envelope === null ? [] : itemsOf(envelope.errors, upstreamErrorSchema);
  if (status < 200 || status >= 300) return failureByStatus(status, upstreamErrors, meta);

  if (envelope === null) {
    return failed('MALFORMED_RESPONSE', meta, status, false, "Capillary's answer was not a JSON envelope.");
  }
  if (envelope.data === null || envelope.data === undefined) {
    if (upstreamErrors.length === 0) {
      return failed(
        'MALFORMED_RESPONSE',
        meta,
        status,
        false,
        "Capillary's answer had neither data nor errors.",
      );
    }
    // Some badges endpoints report errors with HTTP 200: the body's code decides
    // when it looks like an HTTP status; anything else is an unexplained failure.
    const httpLike = upstreamErrors.find(({ code }) => code !== null && code >= 400 && code < 600);
    return httpLike?.code != null
      ? failureByStatus(httpLike.code, upstreamErrors, meta)
      : failed('ERROR_STATUS', meta, status, false, 'Capillary reported errors.', upstreamErrors);
  }
  const data = dataSchema.safeParse(envelope.data);
  if (!data.success) {
    const issue = data.error.issues[0];
    const where = issue === undefined ? '' : ` (data.${issue.path.join('.')}: ${issue.message})`;
    return failed(
      'MALFORMED_RESPONSE',
      meta,
      status,
      false,
      `Capillary's answer does not match its documented shape${where}.`,
    );
  }
  return { kind: 'success', data: data.data, warnings: itemsOf(envelope.warnings, warningSchema) };
}

function failureByStatus(
  status: number,
  upstreamErrors: readonly UpstreamError[],
  meta: AnswerMeta,
): FailureVerdict {
  const { requestId } = meta;
  if (status === 409) return { kind: 'conflict', upstreamErrors, requestId };
  if (status === 400 || status === 422) return { kind: 'invalid', upstreamErrors, requestId };
  if (status === 401) return { kind: 'unauthenticated', upstreamErrors, requestId };
  if (status === 403) return { kind: 'forbidden', upstreamErrors, requestId };
  if (status === 404) return { kind: 'notFound', upstreamErrors, requestId };
  const retryable = status === 429 || status >= 500;
  return failed(
    'ERROR_STATUS',
    meta,
    status,
    retryable,
    `Capillary answered HTTP ${status}.`,
    upstreamErrors,
  );
}

function failed(
  cause: UpstreamFailureCause,
  meta: AnswerMeta,
  status: number | null,
  retryable: boolean,
  reason: string,
  upstreamErrors: readonly UpstreamError[] = [],
): Failed {
  const { requestId, retryAfterSeconds } = meta;
  return { kind: 'failed', cause, status, retryable, reason, upstreamErrors, requestId, retryAfterSeconds };
}

function parseEnvelope(body: string): z.infer<typeof envelopeSchema> | null {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const envelope = envelopeSchema.safeParse(json);
  return envelope.success ? envelope.data : null;
}

/** Keeps the items that have the documented shape and drops the rest. */
function itemsOf<T>(items: readonly unknown[] | null | undefined, schema: z.ZodType<T>): T[] {
  const kept: T[] = [];
  for (const item of items ?? []) {
    const parsed = schema.safeParse(item);
    if (parsed.success) kept.push(parsed.data);
  }
  return kept;
}

/** `tags[0].dataType` → `["tags", "0", "dataType"]`; an error without a reference locates nothing. */
export function problemsFrom(upstreamErrors: readonly UpstreamError[]): InputProblem[] {
  return upstreamErrors.flatMap(({ reference, message }) => {
    const path = reference?.match(/[^.[\]\s]+/g);
    return path ? [{ path, message }] : [];
  });
}

export function toCreateResult(verdict: Verdict<OrgMeta>): CreateBadgeOrgMetaResult {
  switch (verdict.kind) {
    case 'success':
      return { __typename: 'CreateBadgeOrgMetaSuccess', orgMeta: verdict.data, warnings: verdict.warnings };
    case 'conflict':
      return {
        __typename: 'OrgMetaAlreadyExists',
        message: 'This org already has a badge org meta; change it with an update instead.',
        upstreamErrors: verdict.upstreamErrors,
        requestId: verdict.requestId,
      };
    case 'invalid':
      return invalidInput(verdict);
    case 'notFound':
      return unexpectedStatus(404, verdict);
    case 'unauthenticated':
    case 'forbidden':
    case 'failed':
      return commonFailure(verdict);
    default:
      throw new UnreachableCaseError(verdict);
  }
}

export function toUpdateResult(verdict: Verdict<OrgMeta>): UpdateBadgeOrgMetaResult {
  switch (verdict.kind) {
    case 'success':
      return { __typename: 'UpdateBadgeOrgMetaSuccess', orgMeta: verdict.data, warnings: verdict.warnings };
    case 'notFound':
      return notFound(verdict);
    case 'invalid':
      return invalidInput(verdict);
    case 'conflict':
      return unexpectedStatus(409, verdict);
    case 'unauthenticated':
    case 'forbidden':
    case 'failed':
      return commonFailure(verdict);
    default:
      throw new UnreachableCaseError(verdict);
  }
}

export function toReadResult(verdict: Verdict<OrgMeta>): BadgeOrgMetaResult {
  switch (verdict.kind) {
    case 'success':
      return { __typename: 'BadgeOrgMeta', ...verdict.data };
    case 'notFound':
      return notFound(verdict);
    case 'invalid':
      return unexpectedStatus(400, verdict);
    case 'conflict':
      return unexpectedStatus(409, verdict);
    case 'unauthenticated':
    case 'forbidden':
    case 'failed':
      return commonFailure(verdict);
    default:
      throw new UnreachableCaseError(verdict);
  }
}

/** Reads a create's outcome: `POST api_gateway/v1/badges/orgMeta`. */
export function mapCreateOrgMeta(outcome: UpstreamOutcome): CreateBadgeOrgMetaResult {
  return toCreateResult(readEnvelope(outcome, orgMetaSchema));
}

/** Reads an update's outcome: `PUT api_gateway/v1/badges/orgMeta`. */
export function mapUpdateOrgMeta(outcome: UpstreamOutcome): UpdateBadgeOrgMetaResult {
  return toUpdateResult(readEnvelope(outcome, orgMetaSchema));
}

/** Reads a read's outcome: `GET api_gateway/v1/badges/orgMeta`. */
export function mapReadOrgMeta(outcome: UpstreamOutcome): BadgeOrgMetaResult {
  return toReadResult(readEnvelope(outcome, orgMetaSchema));
}

function commonFailure(verdict: Refusal<'unauthenticated'> | Refusal<'forbidden'> | Failed): CommonFailure {
  switch (verdict.kind) {
    case 'unauthenticated':
      return {
        __typename: 'BadgesAuthenticationFailed',
        message: 'Capillary did not accept the credentials (HTTP 401).',
        upstreamErrors: verdict.upstreamErrors,
        requestId: verdict.requestId,
      };
    case 'forbidden':
      return {
        __typename: 'BadgesAccessDenied',
        message: "Capillary denied access: the credentials' access group may not do this.",
        upstreamErrors: verdict.upstreamErrors,
        requestId: verdict.requestId,
      };
    case 'failed':
      return {
        __typename: 'BadgesUpstreamFailure',
        message: verdict.reason,
        upstreamErrors: verdict.upstreamErrors,
        requestId: verdict.requestId,
        status: verdict.status,
        retryable: verdict.retryable,
        retryAfterSeconds: verdict.retryAfterSeconds,
        cause: verdict.cause,
      };
    default:
      throw new UnreachableCaseError(verdict);
  }
}

function invalidInput({ upstreamErrors, requestId }: Refusal<'invalid'>): InvalidOrgMetaInput {
  return {
    __typename: 'InvalidOrgMetaInput',
    message: 'Capillary rejected the org meta input; see problems and upstreamErrors.',
    upstreamErrors,
    requestId,
    problems: problemsFrom(upstreamErrors),
  };
}

function notFound({ upstreamErrors, requestId }: Refusal<'notFound'>): OrgMetaNotFound {
  return {
    __typename: 'OrgMetaNotFound',
    message: 'This org has no badge org meta yet; create it first.',
    upstreamErrors,
    requestId,
  };
}

/** A status the endpoint is not known to answer with, for this operation. */
function unexpectedStatus(
  status: number,
  { upstreamErrors, requestId }: Refusal<string>,
): BadgesUpstreamFailure {
  return {
    __typename: 'BadgesUpstreamFailure',
    message: `Capillary answered HTTP ${status}, which this operation does not expect.`,
    upstreamErrors,
    requestId,
    status,
    retryable: false,
    retryAfterSeconds: null,
    cause: 'ERROR_STATUS',
  };
}

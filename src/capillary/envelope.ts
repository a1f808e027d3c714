import { z } from 'zod';
import { UnreachableCaseError } from '../unreachable.js';
import type { UnreachableReason, UpstreamOutcome } from './client.js';
import type { BadgesWarning, InputProblem, UpstreamError, UpstreamFailureCause } from './domain.js';

/**
 * The one place where Capillary's answers are read. `readEnvelope` turns any
 * outcome of a call into a verdict (HTTP status first, then the body, then the
 * operation's own error codes); each operation's outcome table then picks the
 * union member for each verdict kind (src/capillary/operation.ts).
 */

/**
 * An item of `errors`, read leniently: kept when it carries an integer code (a
 * number, or digits in a string) or a text message, since a code the operation
 * declares (809: a repeated idempotency key, …) must pick its member even when
 * the rest of the item is odd. An item with neither is dropped.
 */
export const upstreamErrorSchema = z
  .object({ code: z.unknown(), message: z.unknown(), reference: z.unknown() })
  .partial()
  .transform((item, ctx): UpstreamError => {
    const code =
      typeof item.code === 'number' && Number.isInteger(item.code)
        ? item.code
        : typeof item.code === 'string' && /^\d{1,9}$/.test(item.code)
          ? Number(item.code)
          : null;
    const message = typeof item.message === 'string' ? item.message : null;
    if (code === null && message === null) {
      ctx.addIssue({ code: 'custom', message: 'an error item with neither a code nor a message' });
      return z.NEVER;
    }
    return {
      code,
      message: message ?? 'Capillary gave no message',
      reference: typeof item.reference === 'string' ? item.reference : null,
    };
  });

const warningSchema = z
  .object({ code: z.number().int().nullish(), message: z.string() })
  .transform((item): BadgesWarning => ({ code: item.code ?? null, message: item.message }));

const envelopeSchema = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.unknown()).nullish(),
  warnings: z.array(z.unknown()).nullish(),
});

/**
 * Beyond this, a number of epoch seconds would lie past the year 5000: Capillary
 * stores some badge dates in milliseconds and sends them as they are (customer facts §1.3).
 */
const MILLISECONDS_FROM = 1e11;

/** Epoch seconds with fractions (real payloads), epoch milliseconds (some dates), or an ISO-8601 string. */
export const timestampSchema = z
  .union([z.number(), z.iso.datetime({ offset: true })])
  .transform((value, ctx) => {
    const millis = typeof value !== 'number' ? value : value >= MILLISECONDS_FROM ? value : value * 1000;
    const date = new Date(typeof millis === 'number' ? Math.round(millis) : millis);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'is not a representable point in time' });
      return z.NEVER;
    }
    return date;
  });

/** What the upstream said about its answer, beside the body. */
interface AnswerMeta {
  /** The upstream's `X-Cap-Requestid`, for support tickets. */
  readonly requestId: string | null;
  readonly retryAfterSeconds: number | null;
}

/** A refusal whose meaning the HTTP status (or an error code of the operation's) tells. */
export interface Refusal<K extends string> {
  readonly kind: K;
  /** The HTTP status, or the HTTP-like code of a 2xx answer that carried errors; null when decided locally. */
  readonly status: number | null;
  readonly upstreamErrors: readonly UpstreamError[];
  readonly requestId: string | null;
}

/** The input was refused: by Capillary (400, 422), or locally before any call (`local`). */
export interface Invalid extends Refusal<'invalid'> {
  readonly problems: readonly InputProblem[];
  readonly local: boolean;
}

/** No usable credentials: none were sent (`local`), or Capillary answered 401. */
export interface Unauthenticated extends Refusal<'unauthenticated'> {
  readonly local: boolean;
}

export interface Failed extends AnswerMeta {
  readonly kind: 'failed';
  readonly cause: UpstreamFailureCause;
  readonly status: number | null;
  readonly retryable: boolean;
  readonly reason: string;
  readonly upstreamErrors: readonly UpstreamError[];
}

export interface Success<T> {
  readonly kind: 'success';
  readonly data: T;
  readonly warnings: readonly BadgesWarning[];
  readonly requestId: string | null;
}

/**
 * What an upstream answer means, before any operation gives it a union member:
 * a kind every operation has, or one of the error codes the operation declares
 * as its own (`codes` of its declaration).
 */
export type Verdict<T> = CommonVerdict<T> | OwnCode;

/** A refusal carrying an error code the operation declared as its own (725: name taken, …). */
export interface OwnCode extends Refusal<'ownCode'> {
  readonly code: number;
}

/** The verdicts every operation has: its outcome table maps each kind. */
export type CommonVerdict<T> =
  | Success<T>
  | Refusal<'conflict'>
  | Invalid
  | Unauthenticated
  | Refusal<'forbidden'>
  | Refusal<'notFound'>
  | Failed;

type FailureVerdict = Exclude<Verdict<never>, Success<never>>;

const NO_CODES: ReadonlySet<number> = new Set();

const NO_META: AnswerMeta = { requestId: null, retryAfterSeconds: null };

export function readEnvelope<T>(
  outcome: UpstreamOutcome,
  dataSchema: z.ZodType<T>,
  codes: ReadonlySet<number> = NO_CODES,
): Verdict<T> {
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
        codes,
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

function readAnswer<T>(
  status: number,
  body: string,
  meta: AnswerMeta,
  dataSchema: z.ZodType<T>,
  codes: ReadonlySet<number>,
): Verdict<T> {
  const envelope = parseEnvelope(body);
  const upstreamErrors = envelope === null ? [] : itemsOf(envelope.errors, upstreamErrorSchema);
  if (status < 200 || status >= 300) return failureByStatus(status, upstreamErrors, meta, codes);

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
    const own = ownCode(upstreamErrors, codes);
    if (own !== null)
      return { kind: 'ownCode', code: own, status, upstreamErrors, requestId: meta.requestId };
    const httpLike = upstreamErrors.find(({ code }) => code !== null && code >= 400 && code < 600);
    return httpLike?.code != null
      ? failureByStatus(httpLike.code, upstreamErrors, meta, codes)
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
  return {
    kind: 'success',
    data: data.data,
    warnings: itemsOf(envelope.warnings, warningSchema),
    requestId: meta.requestId,
  };
}

/** The first error code that the operation declares as its own. */
function ownCode(upstreamErrors: readonly UpstreamError[], codes: ReadonlySet<number>): number | null {
  for (const { code } of upstreamErrors) if (code !== null && codes.has(code)) return code;
  return null;
}

function failureByStatus(
  status: number,
  upstreamErrors: readonly UpstreamError[],
  meta: AnswerMeta,
  codes: ReadonlySet<number>,
): FailureVerdict {
  const { requestId } = meta;
  if (status === 401) return { kind: 'unauthenticated', status, upstreamErrors, requestId, local: false };
  if (status === 403) return { kind: 'forbidden', status, upstreamErrors, requestId };
  // An operation's own codes (725: name taken, …) come with 4xx statuses; 401/403/429 mean what they say.
  const own = status >= 400 && status < 500 && status !== 429 ? ownCode(upstreamErrors, codes) : null;
  if (own !== null) return { kind: 'ownCode', code: own, status, upstreamErrors, requestId };
  if (status === 409) return { kind: 'conflict', status, upstreamErrors, requestId };
  if (status === 400 || status === 422) {
    return {
      kind: 'invalid',
      status,
      upstreamErrors,
      requestId,
      problems: problemsFrom(upstreamErrors),
      local: false,
    };
  }
  if (status === 404) return { kind: 'notFound', status, upstreamErrors, requestId };
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
  // A batch endpoint (the earned badge import) answers a bare array, one envelope per element: its data.
  if (Array.isArray(json)) return { data: json, errors: [], warnings: [] };
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

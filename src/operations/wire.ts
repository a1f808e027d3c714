import { z } from 'zod';
import type { BadgesErrorFields, InputProblem, UpstreamError } from '../capillary/domain.js';
import {
  problemsFrom,
  timestampSchema,
  type Invalid,
  type OwnCode,
  type Refusal,
} from '../capillary/envelope.js';

/**
 * Pieces every area reads Capillary's objects with, and builds its error
 * members from: optional values read as null, the audit fields, and the
 * `BadgesError` fields of a refusal.
 */

export const optionalTime = timestampSchema.nullish().transform((value) => value ?? null);
export const optionalInt = z
  .number()
  .int()
  .nullish()
  .transform((value) => value ?? null);
/** Ids and references arrive as strings or numbers. */
export const optionalString = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((value) => (value == null ? null : String(value)));

/** Who created and last changed an object, and when (`…ISO` companions are not needed: the numbers carry it). */
export const auditFields = {
  createdOn: optionalTime,
  createdBy: optionalInt,
  lastUpdatedOn: optionalTime,
  lastUpdatedBy: optionalInt,
};

/** The `BadgesError` fields of an error member: the sentence, and what Capillary sent. */
export function errorFields(
  message: string,
  { upstreamErrors, requestId }: Refusal<string>,
): BadgesErrorFields {
  return { message, upstreamErrors, requestId };
}

/**
 * The fields of an invalid-input member: refused locally (nothing was sent;
 * the gateway's own problems) or by Capillary (problems read from its errors
 * by `problemsOf`, an area's own reading of its codes and references).
 */
export function invalidInputFields(
  subject: string,
  verdict: Invalid | OwnCode,
  problemsOf: (upstreamErrors: readonly UpstreamError[]) => InputProblem[],
): BadgesErrorFields & { readonly problems: readonly InputProblem[] } {
  const local = verdict.kind === 'invalid' && verdict.local;
  return {
    message: local
      ? `The ${subject} input is invalid; nothing was sent to Capillary. See problems.`
      : `Capillary rejected the ${subject} input; see problems and upstreamErrors.`,
    upstreamErrors: verdict.upstreamErrors,
    requestId: verdict.requestId,
    problems:
      verdict.kind === 'invalid' && verdict.local ? verdict.problems : problemsOf(verdict.upstreamErrors),
  };
}

/**
 * Each error as a problem at its `reference`, else (`enumFields`) at the field an
 * enum error names ("for the field: 'ownerType'"), else at the path its code is
 * about (`codePaths`), else at the whole input.
 */
export function problemsAt(
  codePaths: Readonly<Record<number, readonly string[]>> = {},
  { enumFields = false } = {},
) {
  return (upstreamErrors: readonly UpstreamError[]): InputProblem[] =>
    upstreamErrors.map((error) => {
      const [referenced] = problemsFrom([error]);
      if (referenced !== undefined) return referenced;
      const field = enumFields ? /for the field: '([^']*)'/.exec(error.message)?.[1] : undefined;
      const path =
        field?.split('.').filter((part) => part !== '' && part !== 'null') ??
        codePaths[error.code ?? 0] ??
        [];
      return { path: [...path], message: error.message };
    });
}

/** A name clash alone is its own member; among other refusals, one problem of them all. */
export function nameClash<T, I>(verdict: OwnCode, taken: () => T, invalid: (verdict: OwnCode) => I): T | I {
  return verdict.upstreamErrors.length > 1 ? invalid(verdict) : taken();
}

/** A text that must say something: a problem at `path` when it is empty or only spaces. */
export function blankProblems(path: readonly string[], value: string): InputProblem[] {
  return value.trim() === '' ? [{ path: [...path], message: 'must not be blank' }] : [];
}

/** What an id may be when it goes into a path: no `/`, no `.` or `..`, nothing to escape. */
const PATH_ID = /^[\w-]{1,64}$/;
/** Capillary's ids of badges, groups and custom fields: 24 hexadecimal characters (a MongoDB ObjectId). */
const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * An id that goes into a Capillary path must stay one path segment of its own
 * endpoint; `objectId`: it must look like Capillary's ObjectIds (where a word
 * such as `orgMeta` would name another endpoint).
 */
export function idProblems(path: readonly string[], id: string, objectId = false): InputProblem[] {
  const blank = blankProblems(path, id);
  if (blank.length > 0) return blank;
  if (objectId ? !OBJECT_ID.test(id) : !PATH_ID.test(id)) {
    return [
      {
        path: [...path],
        message: objectId
          ? 'must be a Capillary id: 24 hexadecimal characters'
          : 'must be letters, digits, "_" or "-" (at most 64)',
      },
    ];
  }
  return [];
}

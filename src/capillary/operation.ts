import type { z } from 'zod';
import type { CapillaryClient, Deadline, Endpoint, HttpMethod, UpstreamOutcome } from './client.js';
import type { Credentials } from './credentials.js';
import type { InputProblem } from './domain.js';
import {
  readEnvelope,
  type Invalid,
  type CommonVerdict,
  type OwnCode,
  type Unauthenticated,
} from './envelope.js';

/** A GraphQL field, as `Type.field`. */
export type FieldCoordinate = `${string}.${string}`;

/** What an outcome can know of the call it answers. */
export interface Call<A> {
  readonly args: A;
  readonly deadline: Deadline;
}

/**
 * For every verdict kind, exactly once, the member of the operation's result
 * union it becomes. A kind left out, a kind that does not exist, or a member
 * outside `R` (the union codegen generated from the schema) fails to compile.
 */
export type Outcomes<A, D, R> = {
  readonly [K in CommonVerdict<D>['kind']]: (
    verdict: Extract<CommonVerdict<D>, { kind: K }>,
    call: Call<A>,
  ) => R;
};

/** Capillary error codes of an operation's own (725: name taken, …), each with its member. */
export type CodeOutcomes<A, R> = Readonly<Record<number, (verdict: OwnCode, call: Call<A>) => R>>;

/** One Capillary operation, declared once; the client, limits, metrics, logs and tests read it. */
export interface OperationDeclaration<A, D, R> {
  /** The GraphQL field whose result union `R` is: metrics and the request log count its members. */
  readonly field: FieldCoordinate;
  /** Other GraphQL fields whose resolvers make this call (each counts against MAX_UPSTREAM_FIELDS). */
  readonly alsoCalledBy?: readonly FieldCoordinate[];
  /** An entity type whose references (`_entities`) resolve through this call. */
  readonly entity?: string;
  readonly method: HttpMethod;
  /** Below `api_gateway/v1/badges/`, with `{name}` placeholders filled from `pathParams`. */
  readonly path: string;
  readonly pathParams?: Endpoint<A>['pathParams'];
  readonly query?: Endpoint<A>['query'];
  readonly headers?: Endpoint<A>['headers'];
  readonly body?: Endpoint<A>['body'];
  /** The zod schema of a successful answer's `data`: the boundary where Capillary's JSON is checked. */
  readonly data: z.ZodType<D>;
  /** Problems with the input found without calling Capillary; any problem means no call. */
  readonly check?: (args: A) => readonly InputProblem[];
  /**
   * Capillary error codes of this operation's own, each with the member it becomes. They win over
   * the status of a 4xx (but 401, 403, 429) and over a 2xx whose `data` is null with errors.
   */
  readonly codes?: CodeOutcomes<A, R>;
  readonly outcomes: Outcomes<A, D, R>;
}

export interface Operation<A, D, R> extends OperationDeclaration<A, D, R>, Endpoint<A> {
  /** The GraphQL field's name: the operation's name in logs and tests. */
  readonly name: string;
  /** The keys of `codes`, for the envelope reader. */
  readonly ownCodes: ReadonlySet<number>;
}

/** Any operation, for what reads the registry without calling it (limits, metrics, tests). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry holds operations of every type.
export type AnyOperation = Operation<any, any, any>;

/**
 * Declares an operation whose result union is `R` and whose field arguments are
 * `A` (both generated from the schema by codegen); `D` is read from its `data` schema.
 */
export function defineOperation<R, A>() {
  return <D>(declaration: OperationDeclaration<A, D, R>): Operation<A, D, R> => ({
    ...declaration,
    name: declaration.field.slice(declaration.field.indexOf('.') + 1),
    endpoint: declaration.path,
    ownCodes: new Set(Object.keys(declaration.codes ?? {}).map(Number)),
  });
}

/** What running an operation needs of the GraphQL request. */
export interface Caller {
  readonly capillary: CapillaryClient;
  /** The caller's own Capillary credentials, or null when the request carried none. */
  readonly credentials: Credentials | null;
  readonly startDeadline: () => Deadline;
}

/** Reads made once per GraphQL request (src/graphql/context.ts), and what a write must say. */
export interface RequestReads {
  /** The operation's result for these arguments, read at most once per request until a write. */
  readonly read: <A, D, R>(operation: Operation<A, D, R>, args: A, deadline?: Deadline) => Promise<R>;
  /** After a write: what the request reads next is read afresh. */
  readonly written: () => void;
}

const NO_CREDENTIALS: Unauthenticated = {
  kind: 'unauthenticated',
  status: null,
  upstreamErrors: [],
  requestId: null,
  local: true,
};

/**
 * Runs an operation for a resolver: what the gateway decides on its own (no
 * credentials, problems in the input) without calling Capillary, else one call
 * (retried as its method allows) and the member its outcome becomes.
 */
export async function perform<A, D, R>(
  operation: Operation<A, D, R>,
  args: A,
  caller: Caller,
  deadline: Deadline = caller.startDeadline(),
): Promise<R> {
  const call: Call<A> = { args, deadline };
  if (caller.credentials === null) return operation.outcomes.unauthenticated(NO_CREDENTIALS, call);
  const problems = operation.check?.(args) ?? [];
  if (problems.length > 0) return operation.outcomes.invalid(localProblems(problems), call);
  return resultOf(
    operation,
    await caller.capillary.call(operation, args, caller.credentials, deadline),
    call,
  );
}

/** The member an outcome of the operation's call becomes. Pure: the table-driven tests call it. */
export function resultOf<A, D, R>(operation: Operation<A, D, R>, outcome: UpstreamOutcome, call: Call<A>): R {
  const verdict = readEnvelope(outcome, operation.data, operation.ownCodes);
  if (verdict.kind === 'ownCode') {
    const toMember = operation.codes?.[verdict.code];
    if (toMember === undefined) throw new Error(`${operation.name}: no outcome for its code ${verdict.code}`);
    return toMember(verdict, call);
  }
  // The table has an entry of exactly this verdict's type (Outcomes); TypeScript cannot pair them by `kind`.
  const toMember = operation.outcomes[verdict.kind] as (verdict: CommonVerdict<D>, call: Call<A>) => R;
  return toMember(verdict, call);
}

function localProblems(problems: readonly InputProblem[]): Invalid {
  return { kind: 'invalid', status: null, upstreamErrors: [], requestId: null, problems, local: true };
}

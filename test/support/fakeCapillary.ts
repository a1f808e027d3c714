import type { CapillaryClient, Deadline, Endpoint, UpstreamOutcome } from '../../src/capillary/client.js';
import { resultOf, type Call, type Operation } from '../../src/capillary/operation.js';
import { registry, type OperationName } from '../../src/operations/index.js';

type ArgsOf<N extends OperationName> = (typeof registry)[N] extends { outcomes: infer O }
  ? O extends Record<string, (verdict: never, call: Call<infer A>) => unknown>
    ? A
    : never
  : never;

/** How a fake answers each registered operation it is asked for. */
export type FakeAnswers = {
  readonly [N in OperationName]?: (args: ArgsOf<N>) => UpstreamOutcome | Promise<UpstreamOutcome>;
};

export interface FakeCapillary extends CapillaryClient {
  /** Every call made, in order, by operation name. */
  readonly calls: Array<{
    readonly operation: OperationName;
    readonly args: unknown;
    readonly deadline: Deadline;
  }>;
}

/**
 * A Capillary client for unit tests, built from the registry: each operation
 * answers as `answers` says; an operation without an answer fails the test.
 */
export function fakeCapillary(answers: FakeAnswers, timeoutMs = 1_000): FakeCapillary {
  const calls: FakeCapillary['calls'] = [];
  const names = new Map<unknown, OperationName>(
    Object.entries(registry).map(([name, operation]) => [operation, name as OperationName]),
  );
  return {
    calls,
    startDeadline: (): Deadline => ({ expiresAt: performance.now() + timeoutMs }),
    call<A>(
      endpoint: Endpoint<A>,
      args: A,
      _credentials: unknown,
      deadline: Deadline,
    ): Promise<UpstreamOutcome> {
      const operation = names.get(endpoint);
      if (operation === undefined) throw new Error(`${endpoint.endpoint} is not a registered operation`);
      calls.push({ operation, args, deadline });
      const answer = answers[operation] as
        ((args: A) => UpstreamOutcome | Promise<UpstreamOutcome>) | undefined;
      if (answer === undefined) throw new Error(`the fake has no answer for ${operation}`);
      return Promise.resolve(answer(args));
    },
  };
}

/** An answered call: `status` and the JSON of `body` (a string is sent as it is). */
export function answered(
  status: number,
  body: unknown,
  meta: { readonly requestId?: string; readonly retryAfterSeconds?: number } = {},
): UpstreamOutcome {
  return {
    kind: 'answered',
    status,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    requestId: meta.requestId ?? null,
    retryAfterSeconds: meta.retryAfterSeconds ?? null,
  };
}

/** The deadline handed to outcomes in mapping tests. */
export const TEST_DEADLINE: Deadline = { expiresAt: Number.MAX_SAFE_INTEGER };

/** The member an outcome of a registered operation's call becomes (its declaration's pure mapping). */
export function resultFor<N extends OperationName>(
  name: N,
  outcome: UpstreamOutcome,
  args: ArgsOf<N>,
): unknown {
  const operation = registry[name] as unknown as Operation<ArgsOf<N>, unknown, unknown>;
  return resultOf(operation, outcome, { args, deadline: TEST_DEADLINE });
}

import type { Constraint, Duration } from './badgeInput.js';
import type { StoredBadge } from './badges.js';
import { LIMIT_REACHED } from './customerInput.js';
import { cycleHolding, cycleStatus, windowReferenceId } from './fixedWindows.js';
import { shifted, type Ledger } from './ledger.js';
import type { EnvelopeError, Json, JsonObject } from './wire.js';

/**
 * The earn limits of a badge's constraints (definitions note §1.2, A.4): what
 * an earn may not exceed, and the counters the explode read shows (customer
 * note §10.2). GUESS, all of it (gap G5): every earn not revoked counts
 * (imports too, expired ones too) by its event date; a customer constraint
 * counts the customer's earns, a badge constraint everyone's; an earn is
 * refused when the count in any window around its event date has reached
 * `maxEarnLimit`. The windows: FIXED_VALUE all time; FIXED_WINDOW the cycle
 * holding the date; BADGE_ROLLING_WINDOW `rollValue` `rollType` back from it;
 * CUSTOMER_BADGE_ROLLING_WINDOW each pair set of `maxEarnFor…`/`rollFor…`
 * (days, weeks, months) back from it; NO_LIMIT none. A rolling window also
 * counts earns dated after the date (back-dated earns).
 */

type Scope = 'CUSTOMER' | 'BADGE';

interface Limit {
  readonly max: number;
  /** Microseconds, `[from, to)`. */
  readonly from: number;
  readonly to: number;
}

const ROLLING_PAIRS: ReadonlyArray<readonly [Duration, string, string]> = [
  ['DAYS', 'maxEarnForDays', 'rollForDays'],
  ['WEEKS', 'maxEarnForWeeks', 'rollForWeeks'],
  ['MONTHS', 'maxEarnForMonths', 'rollForMonths'],
];

const ALL_TIME: Limit = { max: 0, from: Number.NEGATIVE_INFINITY, to: Number.POSITIVE_INFINITY };

function numberOf(limits: JsonObject, key: string): number | undefined {
  const value = limits[key];
  return typeof value === 'number' ? value : undefined;
}

function rolling(max: number | undefined, unit: Duration, count: number | undefined, at: number): Limit[] {
  return max === undefined || count === undefined
    ? []
    : [{ max, from: shifted(at, unit, -count), to: Number.POSITIVE_INFINITY }];
}

/** The windows of one constraint around `at` (microseconds). */
function limitsOf(constraint: Constraint, badge: StoredBadge, at: number): Limit[] {
  const { constraintType, window, limits } = constraint;
  const max = numberOf(limits, 'maxEarnLimit');
  if (window !== null && max !== undefined) {
    const cycle = cycleHolding(window, badge, at / 1_000_000);
    return [{ max, from: cycle.from * 1_000_000, to: cycle.to * 1_000_000 }];
  }
  if (constraintType === 'BADGE_ROLLING_WINDOW')
    return rolling(max, limits.rollType as Duration, numberOf(limits, 'rollValue'), at);
  if (constraintType === 'CUSTOMER_BADGE_ROLLING_WINDOW')
    return ROLLING_PAIRS.flatMap(([unit, maxKey, rollKey]) =>
      rolling(numberOf(limits, maxKey), unit, numberOf(limits, rollKey), at),
    );
  return max === undefined || constraintType.endsWith('_NO_LIMIT') ? [] : [{ ...ALL_TIME, max }];
}

function scoped(badge: StoredBadge): Array<readonly [Scope, readonly Constraint[]]> {
  return [
    ['CUSTOMER', badge.customerConstraints],
    ['BADGE', badge.badgeConstraints],
  ];
}

/** The 813 an earn by `customerId` dated `at` would meet, or null when every limit has room. */
export function reachedLimit(
  ledger: Ledger,
  badge: StoredBadge,
  customerId: number,
  at: number,
): EnvelopeError | null {
  for (const [scope, constraints] of scoped(badge)) {
    const who = scope === 'CUSTOMER' ? customerId : undefined;
    for (const constraint of constraints) {
      for (const { max, from, to } of limitsOf(constraint, badge, at)) {
        if (ledger.earnsDated(badge.orgId, badge.id, who, from, to) >= max) return LIMIT_REACHED[scope];
      }
    }
  }
  return null;
}

/** The explode read's `constraintType` for a definition's (C20's examples, contradiction 10). */
function levelType(constraintType: string): 'OVERALL' | 'FIXED_WINDOW' | 'ROLLING_WINDOW' | null {
  if (constraintType.endsWith('_FIXED_VALUE')) return 'OVERALL';
  if (constraintType.endsWith('_FIXED_WINDOW')) return 'FIXED_WINDOW';
  return constraintType.endsWith('_ROLLING_WINDOW') ? 'ROLLING_WINDOW' : null;
}

/**
 * `customerConstraints` and `badgeConstraints` of the explode read with
 * statistics, counted at `now` (microseconds). GUESS: NO_LIMIT constraints are
 * left out; `currentEarnCount` counts the constraint's window holding now (all
 * time for a customer rolling window), `currentEarnCountDays`/`Weeks`/`Months`
 * the customer rolling window's day, week and month windows (null otherwise);
 * the customer rolling members sit in `rollingWindowLimits`.
 */
export function constraintStatistics(
  ledger: Ledger,
  badge: StoredBadge,
  customerId: number,
  now: number,
): { readonly customerConstraints: JsonObject[]; readonly badgeConstraints: JsonObject[] } {
  const [customer, everyone] = scoped(badge).map(([scope, constraints]) =>
    constraints.flatMap((constraint): JsonObject[] => {
      const type = levelType(constraint.constraintType);
      if (type === null) return [];
      const who = scope === 'CUSTOMER' ? customerId : undefined;
      const count = (limit: Limit | undefined): number | null =>
        limit === undefined ? null : ledger.earnsDated(badge.orgId, badge.id, who, limit.from, limit.to);
      const windows = limitsOf(constraint, badge, now);
      const customerRolling = constraint.constraintType === 'CUSTOMER_BADGE_ROLLING_WINDOW';
      const perUnit = ROLLING_PAIRS.map(([unit, , rollKey]) =>
        customerRolling ? rolling(0, unit, numberOf(constraint.limits, rollKey), now)[0] : undefined,
      );
      return [
        {
          constraintLevel: scope,
          constraintType: type,
          ...windowMembers(constraint, badge, now),
          maxEarnLimit: numberOf(constraint.limits, 'maxEarnLimit') ?? null,
          earnConstraintBlockStatistics: {
            currentEarnCount: count(customerRolling ? ALL_TIME : windows[0]),
            currentEarnCountDays: count(perUnit[0]),
            currentEarnCountWeeks: count(perUnit[1]),
            currentEarnCountMonths: count(perUnit[2]),
          },
          rollingWindowLimits: customerRolling ? constraint.limits : null,
        },
      ];
    }),
  );
  return { customerConstraints: customer ?? [], badgeConstraints: everyone ?? [] };
}

/** The rolling and fixed-window members of an explode constraint entry, null where they do not apply. */
function windowMembers(constraint: Constraint, badge: StoredBadge, now: number): Record<string, Json> {
  const { constraintType, window, limits } = constraint;
  const rollingBadge = constraintType === 'BADGE_ROLLING_WINDOW';
  const cycle = window === null ? null : cycleHolding(window, badge, now / 1_000_000);
  return {
    rollType: rollingBadge ? (limits.rollType ?? null) : null,
    rollValue: rollingBadge ? (limits.rollValue ?? null) : null,
    refreshRate: window?.refreshRate ?? null,
    durationType: window?.durationType ?? null,
    cycleStatus: window === null ? null : cycleStatus(badge, now / 1_000_000),
    startDayOfTheWeek: window?.durationType === 'WEEKS' ? window.startDayOfTheWeek : null,
    // As `currentCycle` of a badge read: `endDate` is 00:00 UTC of the cycle's last day.
    fixedWindowCycle: cycle === null ? null : { startDate: cycle.from, endDate: cycle.to - 86_400 },
    fixedWindowReferenceId: window === null ? null : windowReferenceId(constraintType, window),
  };
}

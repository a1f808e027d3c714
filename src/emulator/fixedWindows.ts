import { createHash } from 'node:crypto';
import { WEEKDAYS, type Constraint, type WindowShape } from './badgeInput.js';
import { Issues, queryField, readPaging } from './input.js';
import {
  BADGES_PATH,
  EMPTY_LISTS,
  isoSeconds,
  notFound,
  pagination,
  success,
  type Answer,
  type Call,
  type JsonObject,
  type Route,
} from './wire.js';

/**
 * Fixed windows: what create, update and get add to a fixed-window constraint,
 * and `GET …/badgeMeta/getFixedWindowDetails`, after
 * ../shared/upstream/badges-definitions-api.md A.6 and §5. Kept simple:
 * GUESS: one config per constraint, replaced in place by an update (no
 * UPCOMING successor next to the ACTIVE config, no EXPIRED history).
 */

const DAY = 86_400;

/** The badge period a window runs over. */
export interface BadgePeriod {
  readonly startOn: number;
  readonly expiresOn: number;
}

/**
 * Seen: window `referenceId`s are name-based (version 3) UUIDs, the same for
 * the same window shape in any badge and org, whatever `maxEarnLimit` says.
 * GUESS: the name hashed is the constraint type, duration, refresh rate and
 * (weekly only) start day, in a namespace of zeros.
 */
export function windowReferenceId(constraintType: string, shape: WindowShape): string {
  const day = shape.durationType === 'WEEKS' ? `:${shape.startDayOfTheWeek}` : '';
  const name = `${constraintType}:${shape.durationType}:${shape.refreshRate}${day}`;
  const hash = createHash('md5').update(Buffer.alloc(16)).update(name).digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x30, 6);
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8);
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function startOfDay(seconds: number): number {
  return Math.floor(seconds / DAY) * DAY;
}

interface Cycle {
  readonly start: number;
  readonly end: number;
}

/**
 * The cycles of a window, by index from 0. Seen: cycles start at 00:00 UTC,
 * `endDate` is 00:00 UTC of the last day inside the cycle, months are calendar
 * months. GUESS: the first cycle starts on the badge's start day (weekly: on the
 * chosen weekday at or before it, first of the month for monthly); cycles run
 * until the badge expires, the last one cut short at its expiry day.
 */
class Schedule {
  private readonly base: number;

  constructor(
    private readonly shape: WindowShape,
    private readonly period: BadgePeriod,
  ) {
    const day = startOfDay(period.startOn);
    if (shape.durationType === 'MONTHS') {
      const date = new Date(day * 1000);
      this.base = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / 1000;
    } else if (shape.durationType === 'WEEKS') {
      const weekday = (new Date(day * 1000).getUTCDay() + 6) % 7;
      this.base = day - ((weekday - WEEKDAYS.indexOf(shape.startDayOfTheWeek) + 7) % 7) * DAY;
    } else {
      this.base = day;
    }
  }

  private monthStart(index: number): number {
    const base = new Date(this.base * 1000);
    const seconds =
      Date.UTC(base.getUTCFullYear(), base.getUTCMonth() + index * this.shape.refreshRate, 1) / 1000;
    return Number.isFinite(seconds) ? seconds : Number.POSITIVE_INFINITY;
  }

  private get days(): number {
    return this.shape.refreshRate * (this.shape.durationType === 'WEEKS' ? 7 : 1) * DAY;
  }

  /** The index of the cycle holding `seconds` (negative before the first). */
  indexAt(seconds: number): number {
    if (this.shape.durationType !== 'MONTHS') return Math.floor((seconds - this.base) / this.days);
    const base = new Date(this.base * 1000);
    const at = new Date(seconds * 1000);
    const months = (at.getUTCFullYear() - base.getUTCFullYear()) * 12 + at.getUTCMonth() - base.getUTCMonth();
    return Math.floor(months / this.shape.refreshRate);
  }

  at(index: number): Cycle {
    const start =
      this.shape.durationType === 'MONTHS' ? this.monthStart(index) : this.base + index * this.days;
    const next = this.shape.durationType === 'MONTHS' ? this.monthStart(index + 1) : start + this.days;
    return { start, end: Math.min(next - DAY, startOfDay(this.period.expiresOn)) };
  }

  /** How many cycles start before the badge expires. */
  count(): number {
    const last = this.indexAt(this.period.expiresOn);
    return this.at(last).start < this.period.expiresOn ? last + 1 : last;
  }

  /** The indexes of the cycles overlapping `from`…`to`. */
  range(from: number, to: number): { readonly first: number; readonly last: number } {
    return { first: Math.max(this.indexAt(from), 0), last: Math.min(this.indexAt(to), this.count() - 1) };
  }
}

/**
 * The cycle of a window holding `seconds`, as `[from, to)` epoch seconds (its
 * last day included): what a fixed-window earn limit counts over.
 */
export function cycleHolding(
  shape: WindowShape,
  period: BadgePeriod,
  seconds: number,
): { readonly from: number; readonly to: number } {
  const schedule = new Schedule(shape, period);
  const cycle = schedule.at(schedule.indexAt(seconds));
  return { from: cycle.start, to: cycle.end + DAY };
}

/** GUESS: a config is UPCOMING before the badge starts, EXPIRED once it has expired, ACTIVE in between. */
export function cycleStatus(period: BadgePeriod, now: number): 'UPCOMING' | 'ACTIVE' | 'EXPIRED' {
  if (now < period.startOn) return 'UPCOMING';
  return now < period.expiresOn ? 'ACTIVE' : 'EXPIRED';
}

function dated(prefix: 'start' | 'end', seconds: number): JsonObject {
  return { [`${prefix}Date`]: seconds, [`${prefix}DateISO`]: isoSeconds(seconds) };
}

/**
 * A constraint as answered. A fixed window adds `referenceId`, `cycleStatus`,
 * `startDate`/`endDate` (GUESS: the badge's start day and its expiry) and, on
 * get by id while ACTIVE, `currentCycle` (GUESS: the cycle holding now, without
 * `…ISO` companions, as documented). `startDayOfTheWeek` is answered for WEEKS
 * only (GUESS). GUESS: weekly windows are answered
 * like the others (one sample dropped these members for WEEKS).
 */
export function constraintJson(
  constraint: Constraint,
  period: BadgePeriod,
  now: number,
  withCurrentCycle: boolean,
): JsonObject {
  const { constraintType, window, limits } = constraint;
  if (window === null) return { constraintType, ...limits };
  const status = cycleStatus(period, now);
  const schedule = new Schedule(window, period);
  const current = withCurrentCycle && status === 'ACTIVE' ? schedule.at(schedule.indexAt(now)) : undefined;
  return {
    constraintType,
    referenceId: windowReferenceId(constraintType, window),
    durationType: window.durationType,
    refreshRate: window.refreshRate,
    startDayOfTheWeek: window.durationType === 'WEEKS' ? window.startDayOfTheWeek : undefined,
    ...limits,
    cycleStatus: status,
    ...dated('start', startOfDay(period.startOn)),
    ...dated('end', period.expiresOn),
    currentCycle: current === undefined ? undefined : { startDate: current.start, endDate: current.end },
  };
}

/** What getFixedWindowDetails needs of a badge. */
export interface WindowedBadge extends BadgePeriod {
  readonly id: string;
  readonly orgId: number;
  readonly customerConstraints: readonly Constraint[];
  readonly badgeConstraints: readonly Constraint[];
}

const SCOPES = ['BADGE', 'CUSTOMER', 'ALL'] as const;

/**
 * Earns of a badge not revoked, dated (event date) from `from` to before `to`
 * (epoch seconds): of one customer, or of every customer when undefined.
 */
export type EarnCounter = (
  orgId: number,
  badgeId: string,
  customerId: number | undefined,
  from: number,
  to: number,
) => number;

interface WindowSources {
  readonly find: (orgId: number, id: string) => WindowedBadge | undefined;
  readonly earnCount: EarnCounter;
}

/** The docs give this path once without `api_gateway/`; GUESS: only the `api_gateway/` form is served. */
export function fixedWindowRoute(sources: WindowSources): Route {
  return {
    method: 'GET',
    path: `${BADGES_PATH}/badgeMeta/getFixedWindowDetails`,
    handle: (call) => fixedWindowDetails(call, sources),
  };
}

function fixedWindowDetails(call: Call, { find, earnCount }: WindowSources): Answer {
  const issues = new Issues();
  const read = (name: string) => queryField(issues, call.query, name);
  // GUESS: Spring's message for a missing request parameter.
  const badgeMetaId = read('badgeMetaId')
    .required("Required request parameter 'badgeMetaId' for method parameter type String is not present")
    .string();
  // GUESS: ALL when absent.
  const scope = read('constraintType').choice(SCOPES) ?? 'ALL';
  const includeEarnCount = read('includeEarnCount').boolean() ?? false;
  const customer = read('customerId');
  if (includeEarnCount && scope !== 'BADGE')
    customer.required('customerId is mandatory when includeEarnCount is true');
  const customerId = customer.integer(1, Number.MAX_SAFE_INTEGER);
  const referenceId = read('fixedWindowCycleReferenceId').string();
  // The docs type these "Date"; GUESS: epoch seconds or ISO-8601, like every other date.
  const from = read('startDate').epoch();
  const to = read('endDate').epoch();
  const paging = readPaging(issues, call.query, ['size']);
  const invalid = issues.answer();
  if (invalid !== null || badgeMetaId === undefined) return invalid ?? notFound('Passed badge is not found');
  const badge = find(call.orgId(), badgeMetaId);
  // GUESS (inferred in the docs): an unknown badge answers like get by id.
  if (badge === undefined) return notFound('Passed badge is not found');

  // GUESS: `data.startDate`/`endDate` echo the range asked for, else the badge's window.
  const start = from ?? startOfDay(badge.startOn);
  const end = to ?? badge.expiresOn;
  const windows = [...badge.customerConstraints, ...badge.badgeConstraints].flatMap((constraint) => {
    const { window, constraintType } = constraint;
    if (window === null) return [];
    const inScope = scope === 'ALL' || constraintType.startsWith('CUSTOMER_') === (scope === 'CUSTOMER');
    const id = windowReferenceId(constraintType, window);
    if (!inScope || (referenceId !== undefined && id !== referenceId)) return [];
    const schedule = new Schedule(window, badge);
    return [{ id, constraintType, schedule, ...schedule.range(start, end) }];
  });
  const total = windows.reduce((sum, window) => sum + Math.max(window.last - window.first + 1, 0), 0);
  const offset = paging.page * paging.size;
  const cycles: JsonObject[] = [];
  let position = 0;
  for (const { window, cycle } of merged(windows.map(cyclesOf))) {
    if (position >= offset + paging.size) break;
    position += 1;
    if (position <= offset) continue;
    cycles.push({
      fixedWindowCycleReferenceId: window.id,
      ...dated('start', cycle.start),
      ...dated('end', cycle.end),
      // GUESS: a cycle counts the earns dated inside it, the customer's for a customer window.
      earnCount: includeEarnCount
        ? earnCount(
            badge.orgId,
            badge.id,
            window.constraintType.startsWith('CUSTOMER_') ? customerId : undefined,
            cycle.start,
            cycle.end + DAY,
          )
        : undefined,
      constraintType: window.constraintType,
    });
  }
  return success(
    {
      badgeMetaId: badge.id,
      orgId: badge.orgId,
      ...dated('start', start),
      ...dated('end', end),
      customerId,
      fixedWindowCycles: cycles,
      pagination: pagination(paging, total),
    },
    EMPTY_LISTS,
  );
}

interface Window {
  readonly id: string;
  readonly constraintType: string;
  readonly schedule: Schedule;
  readonly first: number;
  readonly last: number;
}

interface WindowCycle {
  readonly window: Window;
  readonly cycle: Cycle;
}

function* cyclesOf(window: Window): Generator<WindowCycle> {
  for (let index = window.first; index <= window.last; index += 1)
    yield { window, cycle: window.schedule.at(index) };
}

/** The cycles of several windows, ascending by start date. */
function* merged(sources: ReadonlyArray<Iterator<WindowCycle>>): Generator<WindowCycle> {
  const heads = sources.map((source) => source.next());
  for (;;) {
    let pick = -1;
    let earliest = Number.POSITIVE_INFINITY;
    heads.forEach((head, index) => {
      if (!head.done && head.value.cycle.start < earliest) {
        earliest = head.value.cycle.start;
        pick = index;
      }
    });
    const head = heads[pick];
    const source = sources[pick];
    if (head === undefined || head.done === true || source === undefined) return;
    yield head.value;
    heads[pick] = source.next();
  }
}

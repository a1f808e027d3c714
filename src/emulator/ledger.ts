import type { Duration, OwnerType } from './badgeInput.js';
import type { BadgeUsage } from './badges.js';
import type { BadgePeriod } from './fixedWindows.js';
import type { JsonObject } from './wire.js';

/**
 * What customers hold of an org's badges: issuances (enrolments) and earns,
 * with the request ids already used. Times are epoch microseconds. See
 * ../shared/upstream/badges-customer-api.md §13.
 */

export interface Issuance {
  readonly id: string;
  readonly badgeId: string;
  readonly customerId: number;
  readonly issuedOnMicros: number;
  /** Where the issuance's window starts (C13: an earn must fall inside it). */
  readonly issueEventDate: number;
  /** Null: never expires. */
  readonly expiresOn: number | null;
  readonly ownerType: OwnerType;
  readonly referenceId: string;
  readonly requestId: string | null;
  /** Set once, by revokeIssue. */
  revokedOn: number | null;
}

export interface Earn {
  readonly id: string;
  readonly badgeId: string;
  readonly customerId: number;
  readonly earnedOnMicros: number;
  readonly earnEventDate: number;
  readonly expiresOn: number | null;
  /** The issuance it used (ISSUE_EARN badges), else null. */
  readonly issuedId: string | null;
  readonly ownerType: OwnerType;
  /** Null for an import. */
  readonly referenceId: string | null;
  readonly requestId: string | null;
  /** Set once, by revokeEarn. */
  revokedOn: number | null;
}

export type IssuanceStatus = 'ACTIVE' | 'EXPIRED' | 'REVOKED';

/** `ACTIVE` is seen on enrol and `REVOKED` on the explode read; GUESS: `EXPIRED` once `expiresOn` has passed. */
export function issuanceStatus(issuance: Issuance, now: number): IssuanceStatus {
  if (issuance.revokedOn !== null) return 'REVOKED';
  return issuance.expiresOn !== null && issuance.expiresOn <= now ? 'EXPIRED' : 'ACTIVE';
}

export function earnIsActive(earn: Earn, now: number): boolean {
  return earn.revokedOn === null && (earn.expiresOn === null || now < earn.expiresOn);
}

/** One customer's records of one badge, oldest first. */
export interface Holding {
  readonly issuances: Issuance[];
  readonly earns: Earn[];
}

/** GUESS: a revoked earn or issuance no longer counts, towards limits or statistics; an expired one does. */
export function standingEarns(holding: Holding | undefined): Earn[] {
  return holding?.earns.filter((earn) => earn.revokedOn === null) ?? [];
}

export function activeIssuance(holding: Holding | undefined, now: number): Issuance | undefined {
  return holding?.issuances.find((issuance) => issuanceStatus(issuance, now) === 'ACTIVE');
}

class OrgLedger {
  /** badge id → customer id → holding. */
  readonly holdings = new Map<string, Map<number, Holding>>();
  readonly issuances = new Map<string, Issuance>();
  readonly earns = new Map<string, Earn>();
  readonly requestIds = new Set<string>();

  holding(badgeId: string, customerId: number): Holding {
    let ofBadge = this.holdings.get(badgeId);
    if (ofBadge === undefined) {
      ofBadge = new Map();
      this.holdings.set(badgeId, ofBadge);
    }
    let holding = ofBadge.get(customerId);
    if (holding === undefined) {
      holding = { issuances: [], earns: [] };
      ofBadge.set(customerId, holding);
    }
    return holding;
  }
}

export class Ledger implements BadgeUsage {
  private readonly orgs = new Map<number, OrgLedger>();
  private issuancesRecorded = 0;
  private earnsRecorded = 0;

  private org(orgId: number): OrgLedger {
    let org = this.orgs.get(orgId);
    if (org === undefined) {
      org = new OrgLedger();
      this.orgs.set(orgId, org);
    }
    return org;
  }

  holding(orgId: number, badgeId: string, customerId: number): Holding | undefined {
    return this.orgs.get(orgId)?.holdings.get(badgeId)?.get(customerId);
  }

  /** Every customer's holding of a badge. */
  holdings(orgId: number, badgeId: string): Holding[] {
    return [...(this.orgs.get(orgId)?.holdings.get(badgeId)?.values() ?? [])];
  }

  issuance(orgId: number, id: string): Issuance | undefined {
    return this.orgs.get(orgId)?.issuances.get(id);
  }

  earn(orgId: number, id: string): Earn | undefined {
    return this.orgs.get(orgId)?.earns.get(id);
  }

  addIssuance(orgId: number, issuance: Issuance): void {
    const org = this.org(orgId);
    org.holding(issuance.badgeId, issuance.customerId).issuances.push(issuance);
    org.issuances.set(issuance.id, issuance);
    this.issuancesRecorded += 1;
  }

  addEarn(orgId: number, earn: Earn): void {
    const org = this.org(orgId);
    org.holding(earn.badgeId, earn.customerId).earns.push(earn);
    org.earns.set(earn.id, earn);
    this.earnsRecorded += 1;
  }

  /** GUESS: request ids are unique per org, across enrol, earn and bulk earn. */
  requestIdTaken(orgId: number, requestId: string): boolean {
    return this.orgs.get(orgId)?.requestIds.has(requestId) ?? false;
  }

  /** GUESS: only a call answered 200 uses its request id up; a refused one may be sent again with it. */
  takeRequestId(orgId: number, requestId: string | null): void {
    if (requestId !== null) this.org(orgId).requestIds.add(requestId);
  }

  /** Every issuance ever recorded, in all orgs (revoked ones included). */
  issuanceCount(): number {
    return this.issuancesRecorded;
  }

  /** Every earn ever recorded (earn, bulk earn, import), in all orgs (revoked ones included). */
  recordedEarnCount(): number {
    return this.earnsRecorded;
  }

  issuedCount(orgId: number, badgeId: string): number {
    return this.holdings(orgId, badgeId).reduce(
      (sum, holding) => sum + holding.issuances.filter((issuance) => issuance.revokedOn === null).length,
      0,
    );
  }

  earnedCount(orgId: number, badgeId: string): number {
    return this.holdings(orgId, badgeId).reduce((sum, holding) => sum + standingEarns(holding).length, 0);
  }

  /** As `BadgeUsage` wants it: epoch seconds. */
  readonly earnCount = (
    orgId: number,
    badgeId: string,
    customerId: number | undefined,
    from: number,
    to: number,
  ): number => this.earnsDated(orgId, badgeId, customerId, from * 1_000_000, to * 1_000_000);

  /** Earns not revoked whose event date is in `[from, to)` (microseconds): one customer's, or all. */
  earnsDated(
    orgId: number,
    badgeId: string,
    customerId: number | undefined,
    from: number,
    to: number,
  ): number {
    const holdings =
      customerId === undefined ? this.holdings(orgId, badgeId) : [this.holding(orgId, badgeId, customerId)];
    return holdings.reduce(
      (sum, holding) =>
        sum +
        standingEarns(holding).filter((earn) => earn.earnEventDate >= from && earn.earnEventDate < to).length,
      0,
    );
  }
}

const DAY_MICROS = 86_400_000_000;

/** `micros` moved by `count` days, weeks or calendar months (UTC). */
export function shifted(micros: number, unit: Duration, count: number): number {
  if (unit !== 'MONTHS') return micros + count * (unit === 'WEEKS' ? 7 : 1) * DAY_MICROS;
  const date = new Date(Math.floor(micros / 1000));
  date.setUTCMonth(date.getUTCMonth() + count);
  return date.getTime() * 1000 + (micros % 1000);
}

/**
 * When an issuance or earn made at `from` expires, by the badge's rule (A.6 of
 * the definitions note): RELATIVE counts from its creation ([INFERRED] from
 * the ids), ABSOLUTE is the fixed date or the badge's expiry, NEVER is null.
 * GUESS: without a rule (an issuance of an EARN badge) it expires with the badge.
 */
export function expiryOf(rule: JsonObject | null, from: number, badge: BadgePeriod): number | null {
  const badgeExpiry = Math.round(badge.expiresOn * 1_000_000);
  if (rule === null) return badgeExpiry;
  const { expiryType, relativeExpirytype, value, type, expiresOn } = rule;
  if (expiryType === 'NEVER') return null;
  if (expiryType === 'RELATIVE' && typeof value === 'number')
    return shifted(from, relativeExpirytype as Duration, value);
  return type === 'FIXED_DATE' && typeof expiresOn === 'number'
    ? Math.round(expiresOn * 1_000_000)
    : badgeExpiry;
}

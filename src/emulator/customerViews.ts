import { statusOf, type Status, type StoredBadge } from './badges.js';
import { constraintStatistics, reachedLimit } from './earnLimits.js';
import { constraintJson } from './fixedWindows.js';
import {
  activeIssuance,
  earnIsActive,
  issuanceStatus,
  standingEarns,
  type Earn,
  type Holding,
  type Issuance,
  type Ledger,
} from './ledger.js';
import { datedJson, epochSeconds, isoSeconds, type Json, type JsonObject } from './wire.js';

/**
 * How the customer reads (customerReads.ts) answer one badge from one
 * customer's point of view (../shared/upstream/badges-customer-api.md §8.3,
 * §9.3, §10.2). Ledger times are answered with milliseconds, as every
 * read-back (seen on badges); badge dates as stored. GUESSes are marked.
 */

/** What one customer has of one badge, at `now` (microseconds). */
export interface Standing {
  readonly badge: StoredBadge;
  readonly status: Status;
  readonly holding: Holding | undefined;
  /** Earns not revoked, oldest first. */
  readonly earns: readonly Earn[];
  readonly activeEarns: number;
  readonly lastEarnedOn: number | null;
  readonly lastEarnEventDate: number | null;
  readonly activeIssuance: Issuance | undefined;
  readonly latestIssuance: Issuance | undefined;
  /**
   * GUESS: the customer may earn the badge when it is active and not EXPIRED
   * (UPCOMING too: §9's examples filter AVAILABLE by UPCOMING), needs no
   * enrolment or holds an active one, and no earn limit is reached now.
   */
  readonly mayEarn: boolean;
}

export function latest(values: ReadonlyArray<number | null>): number | null {
  return values.reduce<number | null>(
    (max, value) => (value !== null && (max === null || value > max) ? value : max),
    null,
  );
}

export function standingOf(
  ledger: Ledger,
  orgId: number,
  badge: StoredBadge,
  customerId: number,
  now: number,
): Standing {
  const holding = ledger.holding(orgId, badge.id, customerId);
  const earns = standingEarns(holding);
  const active = activeIssuance(holding, now);
  const status = statusOf(badge, now / 1_000_000);
  return {
    badge,
    status,
    holding,
    earns,
    activeEarns: earns.filter((earn) => earnIsActive(earn, now)).length,
    lastEarnedOn: latest(earns.map((earn) => earn.earnedOnMicros)),
    lastEarnEventDate: latest(earns.map((earn) => earn.earnEventDate)),
    activeIssuance: active,
    latestIssuance: holding?.issuances.at(-1),
    mayEarn:
      badge.active &&
      status !== 'EXPIRED' &&
      (badge.earnType === 'EARN' || active !== undefined) &&
      reachedLimit(ledger, badge, customerId, now) === null,
  };
}

function secondsOrNull(micros: number | null): Json {
  return micros === null ? null : epochSeconds(micros, 'millis');
}

function isoOrNull(micros: number | null): string | null {
  return micros === null ? null : isoSeconds(micros / 1_000_000);
}

/** The badge window members, named `startOn` on §8 and `startsOn` on §9 and §10. */
function windowJson(badge: StoredBadge, startName: 'startOn' | 'startsOn'): JsonObject {
  return {
    [startName]: badge.startOn,
    [`${startName}ISO`]: isoSeconds(badge.startOn),
    expiresOn: badge.expiresOn,
    expiresOnISO: isoSeconds(badge.expiresOn),
  };
}

function groupJson(badge: StoredBadge, groupName: string | null): JsonObject {
  return { badgeGroupId: badge.badgeGroupId, badgeGroupName: groupName, badgeRank: badge.badgeRank };
}

/** §8.3. GUESS: `earnedCount` counts the earns not revoked (null when none). */
export function customerBadgeJson(standing: Standing, groupName: string | null, now: number): JsonObject {
  const { badge } = standing;
  const constraints = (list: StoredBadge['customerConstraints']) =>
    list.map((constraint) => constraintJson(constraint, badge, now / 1_000_000, false));
  return {
    badgeMetaId: badge.id,
    orgId: badge.orgId,
    name: badge.name,
    description: badge.description,
    ...windowJson(badge, 'startOn'),
    images: badge.images,
    tags: badge.tags,
    ...groupJson(badge, groupName),
    ownership: { restrictedToOwners: badge.restrictedToOwners, claims: badge.claims },
    earnType: badge.earnType,
    benefits: badge.benefits,
    customerConstraints: constraints(badge.customerConstraints),
    badgeConstraints: constraints(badge.badgeConstraints),
    earnedCount: standing.earns.length === 0 ? null : standing.earns.length,
    ...datedJson('lastEarnedOnDate', standing.lastEarnedOn, 'millis'),
    ...datedJson('lastEarnEventDate', standing.lastEarnEventDate, 'millis'),
    customFields: badge.customFields,
    active: badge.active,
  };
}

/** §9.3. GUESS: `issueStatus` is the latest issuance's status, null without one. */
export function managementJson(standing: Standing, groupName: string | null, now: number): JsonObject {
  const { badge, latestIssuance } = standing;
  return {
    name: badge.name,
    description: badge.description,
    badgeMetaId: badge.id,
    badgeType: badge.earnType,
    ...groupJson(badge, groupName),
    ...datedJson('createdOn', badge.createdOnMicros, 'millis'),
    ...datedJson('lastUpdatedOn', badge.lastUpdatedOnMicros, 'millis'),
    images: badge.images,
    badgeStatus: standing.status,
    ...datedJson('lastEarnedOn', standing.lastEarnedOn, 'millis'),
    ...windowJson(badge, 'startsOn'),
    earnCount: standing.earns.length === 0 ? null : standing.earns.length,
    ownership: { restrictedToOwners: badge.restrictedToOwners, claims: badge.claims },
    issueStatus: latestIssuance === undefined ? null : issuanceStatus(latestIssuance, now),
    active: badge.active,
    ...datedJson('lastEarnedOnDate', standing.lastEarnedOn, 'millis'),
    ...datedJson('lastEarnEventDate', standing.lastEarnEventDate, 'millis'),
  };
}

/**
 * §10.2 without the statistics. GUESS: `claimedBy` lists the owner types of
 * the active claims (always `[]` in the examples); `issueExpiry` and the group
 * members are left out when the badge has none.
 */
function explodeJson(standing: Standing, groupName: string | null): JsonObject {
  const { badge } = standing;
  return {
    id: badge.id,
    name: badge.name,
    description: badge.description,
    ...datedJson('createdOn', badge.createdOnMicros, 'millis'),
    ...datedJson('lastUpdatedOn', badge.lastUpdatedOnMicros, 'millis'),
    ...windowJson(badge, 'startsOn'),
    action: badge.active ? 'ACTIVATED' : 'DE_ACTIVATED',
    badgeType: badge.earnType,
    badgeStatus: standing.status,
    owner: badge.restrictedToOwners,
    claimedBy: [...new Set(badge.claims.filter((claim) => claim.isActive).map((claim) => claim.ownerType))],
    images: badge.images,
    tags: badge.tags,
    earnExpiry: badge.earnedBadgeExpiry,
    issueExpiry: badge.issuedBadgeExpiry ?? undefined,
    ...(badge.badgeGroupId === null ? {} : groupJson(badge, groupName)),
  };
}

/** §10.2: the badge, with `includeStatistics=true` its statistics, then the customer's counters. */
export function explodedJson(
  ledger: Ledger,
  standing: Standing,
  groupName: string | null,
  customerId: number,
  now: number,
  statistics: boolean,
): JsonObject {
  return {
    ...explodeJson(standing, groupName),
    ...(statistics ? statisticsJson(ledger, standing, customerId, now) : {}),
    activeEarnedCount: standing.activeEarns,
    ...datedJson('lastEarnedOn', standing.lastEarnedOn, 'millis'),
    lastEarnedOnDateISO: isoOrNull(standing.lastEarnedOn),
    lastEarnEventDateISO: isoOrNull(standing.lastEarnEventDate),
    customFields: standing.badge.customFields,
  };
}

/**
 * With `includeStatistics=true`. GUESS: `issualDetails` and `earnDetails`
 * list every issuance and earn, revoked ones included (C20 shows a REVOKED
 * issual counted); `issuedStatus` is the latest issuance's; an earn is
 * answered like an issual (its shape is never shown).
 */
function statisticsJson(ledger: Ledger, standing: Standing, customerId: number, now: number): JsonObject {
  const issuances = standing.holding?.issuances ?? [];
  const earns = standing.holding?.earns ?? [];
  return {
    ...constraintStatistics(ledger, standing.badge, customerId, now),
    issualDetails: {
      issuedCount: issuances.length,
      issuals: issuances.map((issuance) => ({
        issuedOn: epochSeconds(issuance.issuedOnMicros, 'millis'),
        issuedStatus: issuanceStatus(issuance, now),
        issueExpiresOn: secondsOrNull(issuance.expiresOn),
        issueId: issuance.id,
        ownerType: issuance.ownerType,
        ownerReferenceId: issuance.referenceId,
        revokedOn: secondsOrNull(issuance.revokedOn),
        issueEventDate: secondsOrNull(issuance.issueEventDate),
      })),
    },
    issuedStatus: standing.latestIssuance === undefined ? null : issuanceStatus(standing.latestIssuance, now),
    earnDetails: {
      earnCount: earns.length,
      earns: earns.map((earn) => ({
        earnedBadgeId: earn.id,
        earnedOn: epochSeconds(earn.earnedOnMicros, 'millis'),
        isActive: earnIsActive(earn, now),
        earnExpiresOn: secondsOrNull(earn.expiresOn),
        issueId: earn.issuedId,
        ownerType: earn.ownerType,
        ownerReferenceId: earn.referenceId,
        requestId: earn.requestId,
        revokedOn: secondsOrNull(earn.revokedOn),
        earnEventDate: secondsOrNull(earn.earnEventDate),
      })),
    },
  };
}

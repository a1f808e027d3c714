import { OWNER_TYPES, OWNER_TYPES_SHOWN } from './badgeInput.js';
import type { Group } from './badgeGroups.js';
import { BADGE_NOT_FOUND, type Status, type StoredBadge } from './badges.js';
import type { BadgeCatalog } from './customerBadges.js';
import { customerNamed } from './customerInput.js';
import {
  customerBadgeJson,
  explodedJson,
  latest,
  managementJson,
  standingOf,
  type Standing,
} from './customerViews.js';
import { Issues, queryField, readOrder, readPaging, type Field } from './input.js';
import type { Ledger } from './ledger.js';
import {
  Answer,
  BADGES_PATH,
  EMPTY_LISTS,
  nowMicros,
  pageJson,
  success,
  type Call,
  type JsonObject,
  type Route,
} from './wire.js';

/**
 * The three reads of one customer's badges (../shared/upstream/badges-customer-api.md
 * §8–§10), each addressing the customer by id or by `X-CAP-CUSTOMER-IDENTIFIER`:
 * the queries, filters and orders; the items are answered by customerViews.ts.
 * What the facts leave open is marked GUESS.
 */

const CUSTOMER_TYPES = ['AVAILABLE', 'EARNED'] as const;
const CUSTOMER_SORTS = ['RANK', 'LAST_EARNED_ON_DATE', 'LAST_EARNED_EVENT_DATE'] as const;
const MANAGEMENT_TYPES = ['AVAILABLE_TO_ISSUE', 'AVAILABLE', 'EARNED', 'EXPIRED'] as const;
const MANAGEMENT_SORTS = [
  'EXPIRES_ON',
  'LAST_MODIFIED_DATE',
  'LAST_ISSUED_DATE',
  'LAST_EXPIRED_BADGE',
  'LAST_EARNED_EVENT_DATE',
  'LAST_EARNED_ON_DATE',
] as const;
const STATUSES = ['UPCOMING', 'LIVE', 'EXPIRED'] as const;
const OPERATORS = ['LESS_THAN', 'GREATER_THAN'] as const;

type Keep = (standing: Standing) => boolean;
type SortKey = (standing: Standing) => number | null;

/**
 * §9's sort keys. GUESS: LAST_EXPIRED_BADGE is the latest expiry among the
 * customer's earns; a badge without the value sorts as the oldest.
 */
const MANAGEMENT_KEYS: Readonly<Record<(typeof MANAGEMENT_SORTS)[number], SortKey>> = {
  EXPIRES_ON: (standing) => standing.badge.expiresOn,
  LAST_MODIFIED_DATE: (standing) => standing.badge.lastUpdatedOnMicros,
  LAST_ISSUED_DATE: (standing) => standing.latestIssuance?.issuedOnMicros ?? null,
  LAST_EXPIRED_BADGE: (standing) => latest(standing.earns.map((earn) => earn.expiresOn)),
  LAST_EARNED_EVENT_DATE: (standing) => standing.lastEarnEventDate,
  LAST_EARNED_ON_DATE: (standing) => standing.lastEarnedOn,
};

export class CustomerReads {
  constructor(
    private readonly ledger: Ledger,
    private readonly badges: BadgeCatalog,
    private readonly group: (orgId: number, groupId: string) => Group | undefined,
  ) {}

  routes(): Route[] {
    return [
      {
        method: 'GET',
        path: `${BADGES_PATH}/customer/{customerId}`,
        handle: (call) => this.customerBadges(call),
      },
      {
        method: 'GET',
        path: `${BADGES_PATH}/management/{customerId}`,
        handle: (call) => this.management(call),
      },
      {
        method: 'GET',
        path: `${BADGES_PATH}/management/{customerId}/badge/{badgeId}`,
        handle: (call) => this.explode(call),
      },
    ];
  }

  /** The customer, then the standing of every badge of the org, filtered and sorted; or the answer to give. */
  private list(
    call: Call,
    read: (
      issues: Issues,
      query: (name: string) => Field,
    ) => { keep: Keep[]; sort: (a: Standing, b: Standing) => number },
    sizeNames: readonly string[],
    listKey: string,
    toJson: (standing: Standing, now: number) => JsonObject,
  ): Answer {
    const customerId = customerNamed(call.headers, call.params.customerId ?? '');
    if (customerId instanceof Answer) return customerId;
    const issues = new Issues();
    const { keep, sort } = read(issues, (name) => queryField(issues, call.query, name));
    const paging = readPaging(issues, call.query, sizeNames);
    const invalid = issues.answer();
    if (invalid !== null) return invalid;
    const orgId = call.orgId();
    const now = nowMicros();
    const standings = this.badges
      .all(orgId)
      .map((badge) => standingOf(this.ledger, orgId, badge, customerId, now))
      .filter((standing) => keep.every((test) => test(standing)))
      .sort((a, b) => sort(a, b) || (a.badge.id < b.badge.id ? -1 : 1));
    // GUESS ([INFERRED] from C19's examples): the answered `size` is the number of items on the page.
    const page = pageJson(listKey, standings, paging, (standing) => toJson(standing, now), true);
    return success(page, EMPTY_LISTS);
  }

  /**
   * §8. GUESS: AVAILABLE (the default) lists what the customer may earn,
   * EARNED what it holds an active earn of (`includeExpired=true`: any earn
   * not revoked); the page size is `Limit`, `limit` or `size`, the page `page`;
   * RANK (the default, also spelled `rank`) orders grouped badges first by
   * group rank, then by badge rank, then badges without a rank by expiry,
   * latest first; the two date orders are latest first.
   */
  private customerBadges(call: Call): Answer {
    return this.list(
      call,
      (issues, query) => {
        const type = query('badgeType').choice(CUSTOMER_TYPES) ?? 'AVAILABLE';
        const includeExpired = query('includeExpired').boolean() ?? false;
        const sortOn = query('sortOn').choice(CUSTOMER_SORTS, { aliases: { rank: 'RANK' } }) ?? 'RANK';
        const keep: Keep[] = [
          type === 'AVAILABLE'
            ? (standing) => standing.mayEarn
            : (standing) => standing.activeEarns > 0 || (includeExpired && standing.earns.length > 0),
          ...groupFilter(query),
        ];
        const byDate = (key: SortKey) => (a: Standing, b: Standing) =>
          (key(b) ?? -Infinity) - (key(a) ?? -Infinity);
        const sort =
          sortOn === 'RANK'
            ? (a: Standing, b: Standing) => this.rankOrder(a.badge, b.badge)
            : byDate(
                sortOn === 'LAST_EARNED_ON_DATE'
                  ? MANAGEMENT_KEYS.LAST_EARNED_ON_DATE
                  : MANAGEMENT_KEYS.LAST_EARNED_EVENT_DATE,
              );
        return { keep, sort };
      },
      ['Limit', 'limit', 'size'],
      'badges',
      (standing, now) => customerBadgeJson(standing, this.groupName(standing.badge), now),
    );
  }

  private groupName(badge: StoredBadge): string | null {
    return badge.badgeGroupId === null ? null : (this.group(badge.orgId, badge.badgeGroupId)?.name ?? null);
  }

  private rankOrder(a: StoredBadge, b: StoredBadge): number {
    const key = (badge: StoredBadge): number[] => {
      const group = badge.badgeGroupId === null ? undefined : this.group(badge.orgId, badge.badgeGroupId);
      return [
        group === undefined ? 1 : 0,
        group?.rank ?? 0,
        badge.badgeRank === null ? 1 : 0,
        badge.badgeRank ?? 0,
        -badge.expiresOn,
      ];
    };
    const [left, right] = [key(a), key(b)];
    return left.reduce((order, value, index) => order || value - (right[index] ?? 0), 0);
  }

  /**
   * §9. GUESS: AVAILABLE_TO_ISSUE (the default) lists the active, unexpired
   * ISSUE_EARN badges the customer holds no active enrolment of; AVAILABLE
   * what it may earn (see `mayEarn`); EARNED what it holds an active earn of;
   * EXPIRED what it earned whose earns have all expired. Filters combine;
   * `name` is a case-insensitive substring; `startOn` keeps badges starting
   * after it unless `startOnOperator=LESS_THAN`, `expiresOn` those expiring
   * before it unless `expiresOnOperator` (or `endOnOperator`) is GREATER_THAN.
   */
  private management(call: Call): Answer {
    return this.list(
      call,
      (issues, query) => {
        const type = query('badgeType').choice(MANAGEMENT_TYPES) ?? 'AVAILABLE_TO_ISSUE';
        const sortOn = query('sortOn').choice(MANAGEMENT_SORTS) ?? 'EXPIRES_ON';
        const order = readOrder(issues, call.query, 'DESC');
        const keep: Keep[] = [BY_TYPE[type], ...managementFilters(query), ...groupFilter(query)];
        const key = MANAGEMENT_KEYS[sortOn];
        const sign = order === 'ASC' ? 1 : -1;
        return { keep, sort: (a, b) => sign * ((key(a) ?? -Infinity) - (key(b) ?? -Infinity)) };
      },
      ['size'],
      'customerBadges',
      (standing, now) => managementJson(standing, this.groupName(standing.badge), now),
    );
  }

  /**
   * §10. GUESS: an unknown badge answers 404 like get badge by id; the
   * customer is checked first.
   */
  private explode(call: Call): Answer {
    const customerId = customerNamed(call.headers, call.params.customerId ?? '');
    if (customerId instanceof Answer) return customerId;
    const issues = new Issues();
    const statistics = queryField(issues, call.query, 'includeStatistics').boolean() ?? false;
    const invalid = issues.answer();
    if (invalid !== null) return invalid;
    const orgId = call.orgId();
    const badge = this.badges.find(orgId, call.params.badgeId ?? '');
    if (badge === undefined) return BADGE_NOT_FOUND;
    const now = nowMicros();
    const standing = standingOf(this.ledger, orgId, badge, customerId, now);
    return success(
      explodedJson(this.ledger, standing, this.groupName(badge), customerId, now, statistics),
      EMPTY_LISTS,
    );
  }
}

const BY_TYPE: Readonly<Record<(typeof MANAGEMENT_TYPES)[number], Keep>> = {
  AVAILABLE_TO_ISSUE: ({ badge, status, activeIssuance: active }) =>
    badge.earnType === 'ISSUE_EARN' && badge.active && status !== 'EXPIRED' && active === undefined,
  AVAILABLE: (standing) => standing.mayEarn,
  EARNED: (standing) => standing.activeEarns > 0,
  EXPIRED: (standing) => standing.earns.length > 0 && standing.activeEarns === 0,
};

function groupFilter(query: (name: string) => Field): Keep[] {
  const groupId = query('groupId').string();
  return groupId === undefined ? [] : [({ badge }) => badge.badgeGroupId === groupId];
}

/** §9's filters besides `badgeType` and `groupId`; each one present must hold. */
function managementFilters(query: (name: string) => Field): Keep[] {
  const keep: Keep[] = [];
  const add = <T>(value: T | undefined, test: (badge: StoredBadge, value: T, status: Status) => boolean) => {
    if (value !== undefined) keep.push(({ badge, status }) => test(badge, value, status));
  };
  add(query('name').string()?.toLowerCase(), (badge, name) => badge.name.toLowerCase().includes(name));
  // C19 names DEACTIVATED, responses DE_ACTIVATED: both are read.
  add(
    query('action').choice(['ACTIVATED', 'DEACTIVATED'], { aliases: { DE_ACTIVATED: 'DEACTIVATED' } }),
    (badge, action) => badge.active === (action === 'ACTIVATED'),
  );
  // Y-mgmt spells it `badgeStatu`: both are read.
  const status = query('badgeStatus').present ? query('badgeStatus') : query('badgeStatu');
  add(status.choice(STATUSES), (_badge, wanted, current) => current === wanted);
  const owner = (name: string) => query(name).choice(OWNER_TYPES, { shown: OWNER_TYPES_SHOWN });
  add(owner('owner'), (badge, wanted) => badge.restrictedToOwners.includes(wanted));
  add(owner('claimedBy'), (badge, wanted) =>
    badge.claims.some((claim) => claim.isActive && claim.ownerType === wanted),
  );
  const operator = (name: string, fallback: (typeof OPERATORS)[number]) =>
    query(name).choice(OPERATORS) ?? fallback;
  const startsBefore = operator('startOnOperator', 'GREATER_THAN') === 'LESS_THAN';
  add(query('startOn').epoch(), (badge, at) => (startsBefore ? badge.startOn < at : badge.startOn > at));
  const expiryName = query('expiresOnOperator').present ? 'expiresOnOperator' : 'endOnOperator';
  const expiresAfter = operator(expiryName, 'LESS_THAN') === 'GREATER_THAN';
  add(query('expiresOn').epoch(), (badge, at) =>
    expiresAfter ? badge.expiresOn > at : badge.expiresOn < at,
  );
  return keep;
}

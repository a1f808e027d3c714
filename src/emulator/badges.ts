import {
  EARN_TYPES,
  completeDraft,
  readBadge,
  readOwnerType,
  type BadgeDraft,
  type BadgeRead,
  type Constraint,
  type OwnerType,
} from './badgeInput.js';
import { constraintJson, fixedWindowRoute, type EarnCounter } from './fixedWindows.js';
import { Field, Issues, Reader, queryField, readPaging } from './input.js';
import {
  BADGES_PATH,
  EMPTY_LISTS,
  NULL_LISTS,
  OrgStore,
  auditJson,
  createdAudit,
  failure,
  isoSeconds,
  notFound,
  nowMicros,
  objectId,
  pageJson,
  problem,
  success,
  updatedAudit,
  type Answer,
  type Audit,
  type Call,
  type JsonObject,
  type Precision,
  type Route,
} from './wire.js';

/**
 * The badge definition endpoints (`api_gateway/v1/badges/badgeMeta…`), after
 * ../shared/upstream/badges-definitions-api.md; what it leaves open is marked GUESS.
 */

export type Claim = {
  readonly ownerType: OwnerType;
  readonly referenceId: string;
  readonly isActive: boolean;
};

export type StoredBadge = BadgeDraft &
  Audit & {
    readonly id: string;
    readonly orgId: number;
    readonly badgeNumericId: number;
    readonly claims: readonly Claim[];
  };

export type Status = 'UPCOMING' | 'LIVE' | 'EXPIRED';

const BADGE_META = `${BADGES_PATH}/badgeMeta`;
export const BADGE_NOT_FOUND = notFound('Passed badge is not found');
const YEAR = 365.25 * 86_400;
/** Claim and unclaim answer `errors: null` but `warnings: []` (A.2). */
const CLAIM_LISTS = { errors: null, warnings: [] };
const ALREADY_CLAIMED = { code: 900, message: 'Badge is already claimed by this owner' };

/** Seen: derived from the clock at every read, never stored. */
export function statusOf(badge: BadgeDraft, now: number): Status {
  if (now < badge.startOn) return 'UPCOMING';
  return now < badge.expiresOn ? 'LIVE' : 'EXPIRED';
}

/** How a badge is answered: create and update, get by id, a list item (A.5). */
interface View {
  readonly precision: Precision;
  /** Reduced: no constraints, `issuedBadgeExpiry` or `badgeNumericId`; `badgeGroupName` added. */
  readonly listItem: boolean;
  readonly statistics: boolean;
  /** A fixed window adds `currentCycle` while ACTIVE. */
  readonly currentCycle: boolean;
}
const WRITE_VIEW: View = { precision: 'micros', listItem: false, statistics: false, currentCycle: false };
const READ_VIEW: View = { precision: 'millis', listItem: false, statistics: false, currentCycle: true };
const LIST_VIEW: View = { precision: 'millis', listItem: true, statistics: true, currentCycle: false };

/** What customers did with the badges (ledger.ts), for their statistics. */
export interface BadgeUsage {
  /** Issuances (enrolments) of the badge not revoked. */
  issuedCount(orgId: number, badgeId: string): number;
  /** Earns of the badge not revoked. */
  earnedCount(orgId: number, badgeId: string): number;
  readonly earnCount: EarnCounter;
}

export class Badges {
  private readonly store = new OrgStore<StoredBadge>();
  /** GUESS: `badgeNumericId` counts per org from 1. */
  private readonly lastNumericId = new Map<number, number>();

  constructor(
    private readonly groupName: (orgId: number, groupId: string) => string | null,
    private readonly usage: BadgeUsage,
  ) {}

  count(): number {
    return this.store.count();
  }

  find(orgId: number, id: string): StoredBadge | undefined {
    return this.store.get(orgId, id);
  }

  /** The org's badges in creation order. */
  all(orgId: number): StoredBadge[] {
    return this.store.all(orgId);
  }

  routes(): Route[] {
    return [
      { method: 'POST', path: BADGE_META, body: 'envelope', handle: (call) => this.create(call) },
      { method: 'PUT', path: BADGE_META, body: 'envelope', handle: (call) => this.update(call) },
      { method: 'GET', path: BADGE_META, handle: (call) => this.list(call) },
      fixedWindowRoute({ find: (orgId, id) => this.store.get(orgId, id), earnCount: this.usage.earnCount }),
      { method: 'GET', path: `${BADGE_META}/{badgeId}`, handle: (call) => this.get(call) },
      {
        method: 'POST',
        path: `${BADGE_META}/{badgeId}/claim`,
        body: 'envelope',
        handle: (call) => this.claim(call),
      },
      {
        method: 'POST',
        path: `${BADGE_META}/{badgeId}/unclaim`,
        body: 'envelope',
        handle: (call) => this.unclaim(call),
      },
      // No body is documented; the samples send one and it is ignored.
      {
        method: 'PUT',
        path: `${BADGE_META}/{badgeId}/{activationStatus}`,
        handle: (call) => this.activation(call),
      },
    ];
  }

  private create(call: Call): Answer {
    const orgId = call.orgId();
    const now = nowMicros();
    const issues = new Issues();
    const body = Reader.body(call.body, issues);
    const read = body && readBadge(body, issues);
    if (read !== undefined) this.checkCreate(orgId, read, call, now / 1_000_000, issues);
    const draft = completeDraft(read, issues);
    if (draft === null) return issues.answer() ?? failure(400, []);
    const badgeNumericId = (this.lastNumericId.get(orgId) ?? 0) + 1;
    this.lastNumericId.set(orgId, badgeNumericId);
    const badge: StoredBadge = {
      ...draft,
      id: objectId(now),
      orgId,
      badgeNumericId,
      claims: [],
      ...createdAudit(call.user, now),
    };
    this.store.put(orgId, badge);
    return success(this.badgeJson(badge, WRITE_VIEW), EMPTY_LISTS, 201);
  }

  private checkCreate(orgId: number, read: BadgeRead, call: Call, now: number, issues: Issues): void {
    // Documented: the header permits a past start, but "never more than 100 years back" (GUESS: 722 then too).
    // GUESS: the value is compared case-insensitively; "past" means before the current second.
    const migration = String(call.headers['x-cap-badges-migration']).toLowerCase() === 'migration';
    const earliest = migration ? now - 100 * YEAR : Math.floor(now);
    if (read.startOn !== undefined && read.startOn < earliest)
      issues.invalid(722, 'Start Date cannot be past date');
    this.checkCommon(orgId, read, issues, undefined);
  }

  /**
   * The rules create and update share: 720 (GUESS: documented for update only,
   * create applies it too) and 725 (names are unique per org, case-sensitive).
   */
  private checkCommon(orgId: number, read: BadgeRead, issues: Issues, exceptId: string | undefined): void {
    const { startOn, expiresOn, name } = read;
    if (startOn !== undefined && expiresOn !== undefined && expiresOn <= startOn) {
      issues.invalid(720, 'Start Date should be before End Date');
    }
    if (name !== undefined && this.store.nameTaken(orgId, name, exceptId)) {
      issues.invalid(725, 'Badge name cannot be duplicate');
    }
  }

  /** PUT replaces every writable member (GUESS, as the docs infer); claims stay. */
  private update(call: Call): Answer {
    const orgId = call.orgId();
    const now = nowMicros();
    const issues = new Issues();
    const body = Reader.body(call.body, issues);
    const id = body?.field('id').nonBlank().string();
    const stored = id === undefined ? undefined : this.store.get(orgId, id);
    // GUESS: an unknown id answers 404 before the rest of the body is validated.
    if (id !== undefined && stored === undefined) return BADGE_NOT_FOUND;
    const read = body && readBadge(body, issues);
    if (read !== undefined && stored !== undefined)
      this.checkUpdate(orgId, read, stored, now / 1_000_000, issues);
    const draft = completeDraft(read, issues);
    if (draft === null || stored === undefined) return issues.answer() ?? BADGE_NOT_FOUND;
    const badge: StoredBadge = { ...stored, ...draft, ...updatedAudit(stored, call.user, now) };
    this.store.put(orgId, badge);
    return success(this.badgeJson(badge, WRITE_VIEW), EMPTY_LISTS);
  }

  private checkUpdate(
    orgId: number,
    read: BadgeRead,
    stored: StoredBadge,
    now: number,
    issues: Issues,
  ): void {
    // Seen: 723 and 724 fire only when the value changes (an EXPIRED badge was updated unchanged).
    if (
      read.startOn !== undefined &&
      read.startOn !== stored.startOn &&
      statusOf(stored, now) !== 'UPCOMING'
    ) {
      issues.invalid(723, 'Start Date cannot change once the badge is live');
    }
    if (read.expiresOn !== undefined && read.expiresOn !== stored.expiresOn && read.expiresOn < now) {
      issues.invalid(724, 'Expiry Date cannot be past date');
    }
    this.checkCommon(orgId, read, issues, stored.id);
    if (
      switchesWindowKind(stored.customerConstraints, read.customerConstraints) ||
      switchesWindowKind(stored.badgeConstraints, read.badgeConstraints)
    ) {
      issues.invalid(
        826,
        'Change from rolling window or fixed constraint to fixed window or vice versa is not allowed.',
      );
    }
    // Documented: an owner holding an active claim cannot be removed; GUESS: no code is, so 400 with this message.
    for (const claim of stored.claims) {
      if (claim.isActive && read.restrictedToOwners?.includes(claim.ownerType) === false) {
        issues.invalid(400, `Owner type with an active claim cannot be removed: '${claim.ownerType}'`, [
          'ownership',
          'restrictedToOwners',
        ]);
      }
    }
  }

  private get(call: Call): Answer {
    const badge = this.badgeOf(call);
    if (badge === undefined) return BADGE_NOT_FOUND;
    const issues = new Issues();
    // GUESS: `limit`, `order` and `status`, documented without a purpose, are ignored.
    const statistics = queryField(issues, call.query, 'includeStatistics').boolean() ?? false;
    return issues.answer() ?? success(this.badgeJson(badge, { ...READ_VIEW, statistics }), NULL_LISTS);
  }

  private list(call: Call): Answer {
    const orgId = call.orgId();
    const issues = new Issues();
    const read = (name: string) => queryField(issues, call.query, name);
    const filters = readListFilters(issues, read);
    // The documented size is `limit`, and no page parameter is; GUESS: `page` and `size`, as on the
    // other lists, are read too, `size` before `limit`.
    const paging = readPaging(issues, call.query, ['size', 'limit']);
    const sortOn = read('sortOn').choice(SORTS) ?? 'ID';
    const invalid = issues.answer();
    if (invalid !== null) return invalid;
    const now = nowMicros() / 1_000_000;
    const matching = this.store.all(orgId).filter((badge) => filters.every((keep) => keep(badge, now)));
    const sorted = matching.sort((a, b) => SORT_ORDERS[sortOn](a, b) || (a.id < b.id ? 1 : -1));
    return success(
      pageJson('metaBasicDetails', sorted, paging, (badge) => this.badgeJson(badge, LIST_VIEW)),
      EMPTY_LISTS,
    );
  }

  private claim(call: Call): Answer {
    return this.changeClaim(call, (badge, claim, existing) => {
      // GUESS (inferred in the docs): only an owner type the badge allows may claim it.
      if (!badge.restrictedToOwners.includes(claim.ownerType)) {
        return failure(400, [problem(714, 'Owner type is not allowed, Please check the configuration')]);
      }
      const claimed = { ...claim, isActive: true };
      if (existing?.isActive === true) return success(claimed, { errors: null, warnings: [ALREADY_CLAIMED] });
      // GUESS: claiming again after an unclaim re-activates the same claim.
      this.putClaims(
        badge,
        existing === undefined ? [...badge.claims, claimed] : replace(badge.claims, existing, claimed),
      );
      return success(claimed, CLAIM_LISTS);
    });
  }

  private unclaim(call: Call): Answer {
    return this.changeClaim(call, (badge, claim, existing) => {
      // GUESS: a claim already unclaimed is not found either; HTTP 400 is inferred in the docs.
      if (existing?.isActive !== true)
        return failure(400, [problem(737, 'Claim not found in existing claims')]);
      const unclaimed = { ...claim, isActive: false };
      this.putClaims(badge, replace(badge.claims, existing, unclaimed));
      return success(unclaimed, CLAIM_LISTS);
    });
  }

  /** Reads `{ownerType, referenceId}` of a claim or unclaim on a known badge, then lets `change` answer. */
  private changeClaim(
    call: Call,
    change: (badge: StoredBadge, claim: Omit<Claim, 'isActive'>, existing: Claim | undefined) => Answer,
  ): Answer {
    const badge = this.badgeOf(call);
    if (badge === undefined) return BADGE_NOT_FOUND;
    const issues = new Issues();
    const body = Reader.body(call.body, issues);
    const ownerType = body && readOwnerType(body.field('ownerType').required());
    // GUESS: a blank reference id is missing too, and unclaim checks it the same way.
    const referenceId = body?.field('referenceId').nonBlank('Owner id is mandatory', 717).string();
    const invalid = issues.answer();
    if (invalid !== null || ownerType === undefined || referenceId === undefined)
      return invalid ?? failure(400, []);
    const existing = badge.claims.find(
      (claim) => claim.ownerType === ownerType && claim.referenceId === referenceId,
    );
    return change(badge, { ownerType, referenceId }, existing);
  }

  private putClaims(badge: StoredBadge, claims: readonly Claim[]): void {
    // GUESS: claims do not move `lastUpdatedOn`.
    this.store.put(badge.orgId, { ...badge, claims });
  }

  private activation(call: Call): Answer {
    const issues = new Issues();
    // GUESS: the segment is read case-insensitively (one table capitalises it); another answers the enum error.
    const segment = new Field(
      issues,
      call.params.activationStatus?.toLowerCase(),
      ['activationStatus'],
      'query',
    );
    const status = segment.choice(['activate', 'deactivate']);
    const invalid = issues.answer();
    if (invalid !== null || status === undefined) return invalid ?? failure(400, []);
    const badge = this.badgeOf(call);
    if (badge === undefined) return BADGE_NOT_FOUND;
    const active = status === 'activate';
    // GUESS: the flag does not move `lastUpdatedOn` either.
    this.store.put(badge.orgId, { ...badge, active });
    // Documented: reported as `isActive`, though the badge calls it `active`.
    return success({ id: badge.id, isActive: active }, EMPTY_LISTS);
  }

  private badgeOf(call: Call): StoredBadge | undefined {
    const id = call.params.badgeId;
    return id === undefined ? undefined : this.store.get(call.orgId(), id);
  }

  /**
   * A.5. GUESS: `startOn`/`expiresOn` are echoed as the number sent (an ISO
   * input becomes epoch seconds); `benefits` and `tags` are in every view; the
   * `…ISO` companions of newer payloads are in every view, list items included.
   */
  private badgeJson(badge: StoredBadge, view: View): JsonObject {
    const now = nowMicros() / 1_000_000;
    const listed = view.listItem;
    const constraints = (list: readonly Constraint[]) =>
      listed ? undefined : list.map((item) => constraintJson(item, badge, now, view.currentCycle));
    return {
      id: badge.id,
      badgeNumericId: listed ? undefined : badge.badgeNumericId,
      orgId: badge.orgId,
      name: badge.name,
      description: badge.description,
      startOn: badge.startOn,
      startOnISO: isoSeconds(badge.startOn),
      expiresOn: badge.expiresOn,
      expiresOnISO: isoSeconds(badge.expiresOn),
      earnedBadgeExpiry: badge.earnedBadgeExpiry,
      issuedBadgeExpiry: listed ? undefined : badge.issuedBadgeExpiry,
      images: badge.images,
      ownership: { restrictedToOwners: badge.restrictedToOwners, claims: badge.claims },
      customerConstraints: constraints(badge.customerConstraints),
      badgeConstraints: constraints(badge.badgeConstraints),
      benefits: badge.benefits,
      tags: badge.tags,
      badgeGroupId: badge.badgeGroupId,
      badgeGroupName: listed ? groupNameOf(this.groupName, badge) : undefined,
      badgeRank: badge.badgeRank,
      earnType: badge.earnType,
      status: statusOf(badge, now),
      // Only a list item or `includeStatistics=true` carries them; GUESS: what is not revoked counts.
      issuedCount: view.statistics ? this.usage.issuedCount(badge.orgId, badge.id) : undefined,
      earnedCount: view.statistics ? this.usage.earnedCount(badge.orgId, badge.id) : undefined,
      ...auditJson(badge, view.precision, true),
      customFields: badge.customFields,
      active: badge.active,
    };
  }
}

function groupNameOf(
  groupName: (orgId: number, groupId: string) => string | null,
  badge: StoredBadge,
): string | null {
  return badge.badgeGroupId === null ? null : groupName(badge.orgId, badge.badgeGroupId);
}

function replace(claims: readonly Claim[], old: Claim, updated: Claim): Claim[] {
  return claims.map((claim) => (claim === old ? updated : claim));
}

/** 826: a scope with a fixed window may not switch to a rolling window or fixed value, nor back. */
function switchesWindowKind(stored: readonly Constraint[], next: readonly Constraint[] | undefined): boolean {
  const kind = (constraints: readonly Constraint[]) => {
    if (constraints.some((constraint) => constraint.window !== null)) return 'window';
    const limited = constraints.some((constraint) =>
      /_(ROLLING_WINDOW|FIXED_VALUE)$/.test(constraint.constraintType),
    );
    return limited ? 'other' : 'none';
  };
  // GUESS: adding or dropping constraints altogether (or NO_LIMIT) is no switch.
  const before = kind(stored);
  const after = next === undefined ? 'none' : kind(next);
  return before !== 'none' && after !== 'none' && before !== after;
}

const STATUSES = ['UPCOMING', 'LIVE', 'EXPIRED'] as const;
const SORTS = ['ID', 'NAME', 'START_DATE'] as const;
type Compare = (a: StoredBadge, b: StoredBadge) => number;
/**
 * Seen: the default ID order is newest first; no direction parameter is
 * documented. GUESS: NAME ascending (code points), START_DATE newest first,
 * ties newest first.
 */
const SORT_ORDERS: Readonly<Record<(typeof SORTS)[number], Compare>> = {
  ID: () => 0,
  NAME: (a, b) => (a.name === b.name ? 0 : a.name < b.name ? -1 : 1),
  START_DATE: (a, b) => b.startOn - a.startOn,
};

type Filter = (badge: StoredBadge, now: number) => boolean;

/** The list's query filters (§4.1); each present one must hold. */
function readListFilters(issues: Issues, read: (name: string) => Field): Filter[] {
  const filters: Filter[] = [];
  const keep = <T>(value: T | undefined, test: (badge: StoredBadge, value: T, now: number) => boolean) => {
    if (value !== undefined) filters.push((badge, now) => test(badge, value, now));
  };
  // GUESS: ENDED, documented but never seen, reads as EXPIRED.
  const statuses = read('status')
    .string()
    ?.split(',')
    .flatMap(
      (part) =>
        new Field(issues, part.trim(), ['status'], 'query').choice(STATUSES, {
          aliases: { ENDED: 'EXPIRED' },
        }) ?? [],
    );
  keep(statuses, (badge, wanted, now) => wanted.includes(statusOf(badge, now)));
  keep(read('earnType').choice(EARN_TYPES), (badge, earnType) => badge.earnType === earnType);
  // GUESS: `badgeType` (YAML: lower case) filters like `earnType`.
  const badgeType = read('badgeType').choice(EARN_TYPES, {
    aliases: { earn: 'EARN', issue_earn: 'ISSUE_EARN' },
  });
  keep(badgeType, (badge, earnType) => badge.earnType === earnType);
  keep(
    read('action').choice(['ACTIVATED', 'DE_ACTIVATED']),
    (badge, action) => badge.active === (action === 'ACTIVATED'),
  );
  const ownerType = (name: string) => readOwnerType(read(name));
  keep(ownerType('owner'), (badge, owner) => badge.restrictedToOwners.includes(owner));
  // GUESS: only active claims count for `claimedBy` and `unclaimed`.
  const activeClaim = (badge: StoredBadge, owner?: OwnerType) =>
    badge.claims.some((claim) => claim.isActive && (owner === undefined || claim.ownerType === owner));
  keep(ownerType('claimedBy'), (badge, owner) => activeClaim(badge, owner));
  keep(read('unclaimed').boolean(), (badge, unclaimed) => !unclaimed || !activeClaim(badge));
  // GUESS: `name` matches a case-insensitive substring.
  keep(read('name').string()?.toLowerCase(), (badge, name) => badge.name.toLowerCase().includes(name));
  // GUESS: `startOn` keeps badges starting at or after it, `expiresOn` those expiring at or before it.
  keep(read('startOn').epoch(), (badge, startOn) => badge.startOn >= startOn);
  keep(read('expiresOn').epoch(), (badge, expiresOn) => badge.expiresOn <= expiresOn);
  return filters;
}

import { BADGE_NOT_FOUND, statusOf, type StoredBadge } from './badges.js';
import {
  FUTURE_EVENT,
  ISSUE_EXISTS,
  ISSUE_FIRST,
  NOT_CLAIMED,
  NOT_LIVE,
  OUTSIDE_BADGE,
  REQUEST_ID_TAKEN,
  UNKNOWN_CUSTOMER,
  isCustomer,
  readCustomerId,
  readCustomerIds,
  readEventDate,
  readRequestId,
  readTriggeredBy,
  type TriggeredBy,
} from './customerInput.js';
import { reachedLimit } from './earnLimits.js';
import { Field, Issues, Reader } from './input.js';
import { activeIssuance, expiryOf, issuanceStatus, type Earn, type Issuance, type Ledger } from './ledger.js';
import {
  Answer,
  BADGES_PATH,
  EMPTY_LISTS,
  NULL_LISTS,
  bodyRoute,
  datedJson,
  envelope,
  failure,
  failureEnvelope,
  nowMicros,
  objectId,
  problem,
  success,
  type Call,
  type EnvelopeError,
  type Json,
  type JsonObject,
  type Route,
} from './wire.js';

/**
 * The customer-side writes that record (../shared/upstream/badges-customer-api.md
 * §2–§5): enrol, earn, bulk earn, import; the revokes are in revocations.ts.
 * The records live in the ledger (ledger.ts); what the facts leave open is
 * marked GUESS.
 */

/** The badges the customer endpoints act on. */
export interface BadgeCatalog {
  find(orgId: number, id: string): StoredBadge | undefined;
  all(orgId: number): StoredBadge[];
}

/** What enrol, earn and bulk earn share once their common checks passed. */
interface Order<T> {
  readonly orgId: number;
  readonly badge: StoredBadge;
  readonly triggeredBy: TriggeredBy;
  readonly requestId: string | null;
  /** Microseconds. */
  readonly now: number;
  readonly input: T;
}

/** GUESS: an earn event date may lie up to 24 hours ahead (Y-earnBulk), 750 beyond. */
const EARN_AHEAD_MICROS = 86_400_000_000;

export class CustomerBadges {
  constructor(
    private readonly ledger: Ledger,
    private readonly badges: BadgeCatalog,
  ) {}

  routes(): Route[] {
    const customer = `${BADGES_PATH}/customer`;
    return [
      bodyRoute('POST', `${BADGES_PATH}/badgeMeta/customer/issueBulk`, (call) => this.issueBulk(call)),
      bodyRoute('POST', `${customer}/earn`, (call) => this.earn(call)),
      bodyRoute('POST', `${customer}/earnBulk`, (call) => this.earnBulk(call)),
      // PUT in C15, POST in Y-import: both are served.
      ...(['PUT', 'POST'] as const).map((method) =>
        bodyRoute(method, `${BADGES_PATH}/import/customerBadges`, (call) => this.importEarns(call)),
      ),
    ];
  }

  /**
   * The checks enrol, earn and bulk earn share, in this order (GUESS): the body
   * (400), the request id (809, before anything else so that a retry of a call
   * that went through is told so), the badge (404), its activation and, for
   * earns, its status (815), the claim of `triggeredBy` (810).
   */
  private open<T>(
    call: Call,
    read: (body: Reader, issues: Issues) => T | undefined,
    earning: boolean,
  ): Order<T> | Answer {
    const issues = new Issues();
    const body = Reader.body(call.body, issues);
    const badgeMetaId = body?.field('badgeMetaId').nonBlank().string();
    // GUESS: mandatory on both earns (C13, Y-earnBulk), optional on enrol (C12 does not mark it).
    const requestId = body && readRequestId(body, earning);
    const triggeredBy = body && readTriggeredBy(body);
    const input = body && read(body, issues);
    const invalid = issues.answer();
    if (invalid !== null || badgeMetaId === undefined || triggeredBy === undefined || input === undefined)
      return invalid ?? failure(400, []);
    const orgId = call.orgId();
    if (requestId !== undefined && this.ledger.requestIdTaken(orgId, requestId)) return REQUEST_ID_TAKEN;
    const badge = this.badges.find(orgId, badgeMetaId);
    if (badge === undefined) return BADGE_NOT_FOUND;
    const now = nowMicros();
    // GUESS: a deactivated badge is not live either; enrolment only needs its event date in the badge (816).
    if (!badge.active || (earning && statusOf(badge, now / 1_000_000) !== 'LIVE')) return NOT_LIVE;
    if (!claimedFor(badge, triggeredBy)) return NOT_CLAIMED;
    return { orgId, badge, triggeredBy, requestId: requestId ?? null, now, input };
  }

  /** §2. GUESS: items answer in the request's order; a repeated customer meets its own new issuance (1040). */
  private issueBulk(call: Call): Answer {
    const order = this.open(
      call,
      (body, issues) => {
        const customers = readCustomerIds(body.field('customers'), issues);
        const issueEventDate = readEventDate(body, 'issueEventDate');
        return customers && { customers, issueEventDate };
      },
      false,
    );
    if (order instanceof Answer) return order;
    const { badge, now, input } = order;
    const issuedAt = input.issueEventDate ?? now;
    if (outsideBadge(badge, issuedAt)) return OUTSIDE_BADGE;
    const expiresOn = expiryOf(badge.issuedBadgeExpiry, now, badge);
    const issuedBadges = input.customers.map((customerId) => {
      if (!isCustomer(customerId))
        return { customerId, issuedId: null, error: UNKNOWN_CUSTOMER, status: null };
      // GUESS (C13m, C14): an active issuance refuses another, naming itself.
      const active = activeIssuance(this.ledger.holding(order.orgId, badge.id, customerId), now);
      if (active !== undefined)
        return { customerId, issuedId: active.id, error: ISSUE_EXISTS, status: 'ACTIVE' };
      const issuance = this.issue(order, customerId, issuedAt, expiresOn);
      return { customerId, issuedId: issuance.id, error: null, status: 'ACTIVE' };
    });
    this.ledger.takeRequestId(order.orgId, order.requestId);
    return success(
      {
        badgeMetaId: badge.id,
        triggeredBy: order.triggeredBy,
        ...datedJson('expiresOn', expiresOn, 'micros'),
        issuedBadges,
        requestId: order.requestId,
      },
      EMPTY_LISTS,
    );
  }

  /** §3. */
  private earn(call: Call): Answer {
    const order = this.open(
      call,
      (body) => {
        const customerId = readCustomerId(body.field('customerId'));
        const earnEventDate = readEventDate(body, 'earnEventDate');
        return customerId === undefined ? undefined : { customerId, earnEventDate };
      },
      true,
    );
    if (order instanceof Answer) return order;
    const earnedAt = earnDate(order, order.input.earnEventDate);
    if (earnedAt instanceof Answer) return earnedAt;
    const { customerId } = order.input;
    if (!isCustomer(customerId)) return failure(404, [UNKNOWN_CUSTOMER]);
    const earn = this.earnFor(order, customerId, earnedAt, undefined);
    // GUESS: 811 (documented) and 813 answer 409.
    if (!('id' in earn)) return failure(409, [earn]);
    this.ledger.takeRequestId(order.orgId, order.requestId);
    return success(
      {
        badgeMetaId: order.badge.id,
        customerId,
        earnedBadgeId: earn.id,
        ...datedJson('expiresOn', earn.expiresOn, 'micros'),
        requestId: order.requestId,
        issuedId: earn.issuedId,
      },
      EMPTY_LISTS,
    );
  }

  /**
   * §4, answered in shape B (Y-earnBulk's newest example: it names the earns,
   * which revokeEarn needs). GUESS: a failure is `{customerId, error}` in
   * `failedEarnBadgeErrorList` (its shape is never shown). GUESS, following
   * C14's 1040 and Y-earnBulk's `issueEventDate`: on an ISSUE_EARN badge a bulk
   * earn enrols each customer (dated `issueEventDate`, default now) and earns
   * on that enrolment, so a customer already enrolled meets 1040.
   */
  private earnBulk(call: Call): Answer {
    const order = this.open(
      call,
      (body, issues) => {
        // Y-earnBulk's schema has one `customerId`, its example `customerIds`: GUESS, both are read.
        const single = body.field('customerId');
        const customerIds = single.present
          ? [readCustomerId(single)].flatMap((id) => id ?? [])
          : readCustomerIds(body.field('customerIds'), issues);
        const earnEventDate = readEventDate(body, 'earnEventDate');
        const issueEventDate = readEventDate(body, 'issueEventDate');
        return customerIds && { customerIds, earnEventDate, issueEventDate };
      },
      true,
    );
    if (order instanceof Answer) return order;
    const { badge, now, input } = order;
    const earnedAt = earnDate(order, input.earnEventDate);
    if (earnedAt instanceof Answer) return earnedAt;
    const issuedAt = input.issueEventDate ?? now;
    // GUESS: the enrolment must start inside the badge, and the earn inside the enrolment.
    if (badge.earnType === 'ISSUE_EARN' && (outsideBadge(badge, issuedAt) || !notBefore(earnedAt, issuedAt)))
      return OUTSIDE_BADGE;
    const earned: JsonObject[] = [];
    const failed: JsonObject[] = [];
    for (const customerId of input.customerIds) {
      const earn = isCustomer(customerId)
        ? this.earnFor(order, customerId, earnedAt, issuedAt)
        : UNKNOWN_CUSTOMER;
      if ('id' in earn) earned.push({ customerId, earnedBadgeId: earn.id });
      else failed.push({ customerId, error: earn });
    }
    this.ledger.takeRequestId(order.orgId, order.requestId);
    return success(
      {
        badgeMetaId: badge.id,
        ...datedJson('expiresOn', expiryOf(badge.earnedBadgeExpiry, now, badge), 'micros'),
        earnedBadgesList: earned,
        totalCount: input.customerIds.length,
        earnedCount: earned.length,
        failedCount: failed.length,
        failedEarnBadgeErrorList: failed,
        triggeredBy: order.triggeredBy,
      },
      EMPTY_LISTS,
    );
  }

  /**
   * One customer's earn at `earnedAt`. `issuedAt` undefined (single earn): an
   * ISSUE_EARN badge needs an active issuance whose window holds `earnedAt`
   * (GUESS: else 811; an issuance carries any number of earns, the limits
   * permitting). `issuedAt` set (bulk earn): a new issuance from then.
   */
  private earnFor(
    order: Order<unknown>,
    customerId: number,
    earnedAt: number,
    issuedAt: number | undefined,
  ): Earn | EnvelopeError {
    const { orgId, badge, now } = order;
    const holding = this.ledger.holding(orgId, badge.id, customerId);
    let issuance: Issuance | undefined;
    if (badge.earnType === 'ISSUE_EARN' && issuedAt === undefined) {
      issuance = holding?.issuances.find(
        (candidate) =>
          issuanceStatus(candidate, now) === 'ACTIVE' &&
          notBefore(earnedAt, candidate.issueEventDate) &&
          (candidate.expiresOn === null || earnedAt < candidate.expiresOn),
      );
      if (issuance === undefined) return ISSUE_FIRST;
    } else if (badge.earnType === 'ISSUE_EARN' && activeIssuance(holding, now) !== undefined) {
      return ISSUE_EXISTS;
    }
    const reached = reachedLimit(this.ledger, badge, customerId, earnedAt);
    if (reached !== null) return reached;
    if (badge.earnType === 'ISSUE_EARN' && issuedAt !== undefined)
      issuance = this.issue(order, customerId, issuedAt, expiryOf(badge.issuedBadgeExpiry, now, badge));
    const earn: Earn = {
      id: objectId(now),
      badgeId: badge.id,
      customerId,
      earnedOnMicros: now,
      earnEventDate: earnedAt,
      expiresOn: expiryOf(badge.earnedBadgeExpiry, now, badge),
      issuedId: issuance?.id ?? null,
      ownerType: order.triggeredBy.ownerType,
      referenceId: order.triggeredBy.referenceId,
      requestId: order.requestId,
      revokedOn: null,
    };
    this.ledger.addEarn(orgId, earn);
    return earn;
  }

  private issue(
    order: Order<unknown>,
    customerId: number,
    issuedAt: number,
    expiresOn: number | null,
  ): Issuance {
    const issuance: Issuance = {
      id: objectId(order.now),
      badgeId: order.badge.id,
      customerId,
      issuedOnMicros: order.now,
      issueEventDate: issuedAt,
      expiresOn,
      ownerType: order.triggeredBy.ownerType,
      referenceId: order.triggeredBy.referenceId,
      requestId: order.requestId,
      revokedOn: null,
    };
    this.ledger.addIssuance(order.orgId, issuance);
    return issuance;
  }

  /**
   * §5: a JSON array in, an array of envelopes out, always HTTP 200. GUESS: an
   * element that cannot be read, names an unknown badge (404) or no customer
   * (1026) answers a failure envelope in its place; an import needs no claim,
   * enrolment, live badge or room under the limits, is never refused as a
   * duplicate, and is recorded as owned by `Historical_Import`; its request id
   * is `<ObjectId>_<position from 1>`; its `earnEventDate` and
   * `earnExpiresOn` are epoch seconds or ISO-8601.
   */
  private importEarns(call: Call): Answer {
    const issues = new Issues();
    const elements = new Field(issues, call.body, []).list();
    const invalid = issues.answer();
    if (invalid !== null || elements === undefined) return invalid ?? failure(400, []);
    const orgId = call.orgId();
    const now = nowMicros();
    const batch = objectId(now);
    const answers = elements.map((element, index) =>
      this.importOne(orgId, element.value, `${batch}_${index + 1}`, now),
    );
    return Answer.json(200, answers);
  }

  private importOne(orgId: number, value: unknown, requestId: string, now: number): Json {
    const issues = new Issues();
    const element = Reader.body(value, issues);
    const badgeMetaId = element?.field('badgeMetaId').nonBlank().string();
    const customerId = element && readCustomerId(element.field('customerId'));
    const earnEventDate = element?.field('earnEventDate').required().epoch();
    const earnExpiresOn = element?.field('earnExpiresOn').required().epoch();
    const errors = issues.errors();
    if (
      errors !== null ||
      badgeMetaId === undefined ||
      customerId === undefined ||
      earnEventDate === undefined ||
      earnExpiresOn === undefined
    )
      return failureEnvelope(errors ?? []);
    const badge = this.badges.find(orgId, badgeMetaId);
    if (badge === undefined) return failureEnvelope([problem(404, 'Passed badge is not found')]);
    if (!isCustomer(customerId)) return failureEnvelope([UNKNOWN_CUSTOMER]);
    const earn: Earn = {
      id: objectId(now),
      badgeId: badge.id,
      customerId,
      earnedOnMicros: now,
      earnEventDate: Math.round(earnEventDate * 1_000_000),
      expiresOn: Math.round(earnExpiresOn * 1_000_000),
      issuedId: null,
      ownerType: 'Historical_Import',
      referenceId: null,
      requestId,
      revokedOn: null,
    };
    this.ledger.addEarn(orgId, earn);
    return envelope(
      {
        badgeMetaId: badge.id,
        customerId,
        earnedBadgeId: earn.id,
        ...datedJson('expiresOn', earn.expiresOn, 'micros'),
        requestId,
        issuedId: null,
      },
      NULL_LISTS,
    );
  }
}

/** GUESS: MemberCare needs no claim (C12, C13); any other owner needs an active claim with this reference. */
function claimedFor(badge: StoredBadge, triggeredBy: TriggeredBy): boolean {
  return (
    triggeredBy.ownerType === 'Membercare' ||
    badge.claims.some(
      (claim) =>
        claim.isActive &&
        claim.ownerType === triggeredBy.ownerType &&
        claim.referenceId === triggeredBy.referenceId,
    )
  );
}

/**
 * Whether `at` is not before `start` (microseconds). GUESS: compared to the
 * second, so that an earn dated "now" by a client (ISO, milliseconds, its own
 * clock) right after an enrolment dated now by the server falls inside it.
 */
function notBefore(at: number, start: number): boolean {
  return Math.floor(at / 1_000_000) >= Math.floor(start / 1_000_000);
}

function outsideBadge(badge: StoredBadge, micros: number): boolean {
  return micros < badge.startOn * 1_000_000 || micros > badge.expiresOn * 1_000_000;
}

/**
 * The earn event date, default now (GUESS): 750 more than 24 hours ahead, 816
 * outside the badge's window (GUESS: for ISSUE_EARN badges too, before the
 * enrolment's window is checked).
 */
function earnDate(order: Order<unknown>, earnEventDate: number | undefined): number | Answer {
  const at = earnEventDate ?? order.now;
  if (at > order.now + EARN_AHEAD_MICROS) return FUTURE_EVENT;
  return outsideBadge(order.badge, at) ? OUTSIDE_BADGE : at;
}

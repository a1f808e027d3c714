import { BADGE_NOT_FOUND } from './badges.js';
import type { BadgeCatalog } from './customerBadges.js';
import {
  NEEDS_A_LIST,
  NOT_THEIR_ISSUE,
  NO_ACTIVE_EARN,
  NO_ISSUE,
  customerNamed,
  readCustomerId,
} from './customerInput.js';
import { Issues, Reader, type Field } from './input.js';
import { earnIsActive, issuanceStatus, type Issuance, type Ledger } from './ledger.js';
import {
  Answer,
  BADGES_PATH,
  EMPTY_LISTS,
  bodyRoute,
  failure,
  nowMicros,
  success,
  type Call,
  type JsonObject,
  type Route,
} from './wire.js';

/**
 * Revoking a customer's enrolments and earns (../shared/upstream/badges-customer-api.md
 * §6, §7). What the facts leave open is marked GUESS.
 */

/** C16: at most 20 entries; GUESS: more answer Bean Validation's `@Size`. */
const MAX_REVOKES = 20;

/** revokeIssue and revokeEarn, on the ledger's records of the catalog's badges. */
export function revocationRoutes(ledger: Ledger, badges: BadgeCatalog): Route[] {
  return [
    bodyRoute('POST', `${BADGES_PATH}/badgeMeta/customer/revokeIssue`, (call) =>
      revokeIssue(ledger, badges, call),
    ),
    bodyRoute('POST', `${BADGES_PATH}/customer/revokeEarn`, (call) => revokeEarn(ledger, call)),
  ];
}

/**
 * §6. `revokeIssuals` wins over `customers`; neither (GUESS: or both empty)
 * answers 1051. GUESS: only ACTIVE issuances are revoked (an expired one is
 * no issue instance); the earns made on them stay; the checks run before the
 * badge is looked up.
 */
function revokeIssue(ledger: Ledger, badges: BadgeCatalog, call: Call): Answer {
  const issues = new Issues();
  const body = Reader.body(call.body, issues);
  const badgeMetaId = body?.field('badgeMetaId').nonBlank().string();
  const byIssue = body?.field('revokeIssuals').list()?.flatMap(readRevokeIssual) ?? [];
  const customers = (body?.field('customers').list() ?? []).flatMap(
    (item) => item.required().integer(undefined, Number.MAX_SAFE_INTEGER) ?? [],
  );
  if (body !== undefined) checkSize(issues, body, ['revokeIssuals', 'customers']);
  const invalid = issues.answer();
  if (invalid !== null || badgeMetaId === undefined) return invalid ?? failure(400, []);
  if (byIssue.length === 0 && customers.length === 0) return NEEDS_A_LIST;
  const orgId = call.orgId();
  const badge = badges.find(orgId, badgeMetaId);
  if (badge === undefined) return BADGE_NOT_FOUND;
  const now = nowMicros();
  const revoke = (issuance: Issuance): JsonObject => {
    issuance.revokedOn = now;
    return { customerId: issuance.customerId, issuedId: issuance.id, error: null };
  };
  if (byIssue.length > 0) {
    const revokedIssuedBadges = byIssue.map(({ customerId, issueId }) => {
      const issuance = ledger.issuance(orgId, issueId);
      if (issuance?.badgeId !== badge.id) return { customerId, issuedId: null, error: NO_ISSUE };
      if (issuance.customerId !== customerId) return { customerId, issuedId: null, error: NOT_THEIR_ISSUE };
      if (issuanceStatus(issuance, now) !== 'ACTIVE') return { customerId, issuedId: null, error: NO_ISSUE };
      return revoke(issuance);
    });
    // Seen: `requestId` is missing altogether when revoking by issue.
    return success({ badgeMetaId: badge.id, revokedIssuedBadges }, EMPTY_LISTS);
  }
  const revokedIssuedBadges = customers.flatMap((customerId): JsonObject[] => {
    const holding = ledger.holding(orgId, badge.id, customerId);
    const active = holding?.issuances.filter((issuance) => issuanceStatus(issuance, now) === 'ACTIVE') ?? [];
    return active.length === 0 ? [{ customerId, issuedId: null, error: NO_ISSUE }] : active.map(revoke);
  });
  return success({ badgeMetaId: badge.id, revokedIssuedBadges, requestId: null }, EMPTY_LISTS);
}

/**
 * §7. The customer is named as on the reads (`X-CAP-CUSTOMER-IDENTIFIER`).
 * [INFERRED] An unknown earn, or one of another badge or customer, or one
 * already revoked, answers 814; GUESS: an expired one too.
 */
function revokeEarn(ledger: Ledger, call: Call): Answer {
  const issues = new Issues();
  const body = Reader.body(call.body, issues);
  const badgeMetaId = body?.field('badgeMetaId').nonBlank().string();
  const named = body?.field('customerId').nonBlank('CustomerId information is missing', 812).string();
  const earnedBadgeId = body?.field('earnedBadgeId').nonBlank().string();
  const invalid = issues.answer();
  if (invalid !== null || badgeMetaId === undefined || named === undefined || earnedBadgeId === undefined)
    return invalid ?? failure(400, []);
  const customerId = customerNamed(call.headers, named);
  if (customerId instanceof Answer) return customerId;
  const earn = ledger.earn(call.orgId(), earnedBadgeId);
  const now = nowMicros();
  if (earn?.badgeId !== badgeMetaId || earn.customerId !== customerId || !earnIsActive(earn, now))
    return NO_ACTIVE_EARN;
  earn.revokedOn = now;
  return success({ badgeMetaId, customerId, earnedBadgeId, isActive: false }, EMPTY_LISTS);
}

/** One `{customerId, issueId}` of `revokeIssuals` (C16's example sends the id as a string). */
function readRevokeIssual(item: Field): Array<{ readonly customerId: number; readonly issueId: string }> {
  const revoke = item.required().object();
  const customerId = revoke && readCustomerId(revoke.field('customerId'));
  const issueId = revoke?.field('issueId').nonBlank().string();
  return customerId === undefined || issueId === undefined ? [] : [{ customerId, issueId }];
}

function checkSize(issues: Issues, body: Reader, keys: readonly string[]): void {
  for (const key of keys) {
    const field = body.field(key);
    if (Array.isArray(field.value) && field.value.length > MAX_REVOKES)
      issues.invalid(400, `size must be between 0 and ${MAX_REVOKES}`, field.path);
  }
}

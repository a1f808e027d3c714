/**
 * Capillary payloads as the facts files show them (../shared/upstream/), for
 * mapping tests: one of each object the Badges API answers with.
 */

export const storedBadge = {
  id: '69430a521a2b3c4d5e6f7a8b',
  badgeNumericId: 12,
  orgId: 100001,
  name: 'Weekend Explorer',
  description: null,
  startOn: 1767225600,
  expiresOn: 1798761600,
  startOnISO: '2026-01-01T00:00:00Z',
  earnedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: 30 },
  issuedBadgeExpiry: null,
  images: [],
  ownership: { restrictedToOwners: ['Milestones', 'Loyalty'], claims: [] },
  customerConstraints: [
    {
      constraintType: 'CUSTOMER_BADGE_FIXED_WINDOW',
      referenceId: '00000000-0000-3000-8000-000000000001',
      durationType: 'DAYS',
      refreshRate: 7,
      maxEarnLimit: 1,
      cycleStatus: 'UPCOMING',
      startDate: 1767225600,
      endDate: 1798761600,
    },
  ],
  badgeConstraints: [{ constraintType: 'BADGE_FIXED_VALUE', maxEarnLimit: 5000 }],
  benefits: [],
  tags: [],
  badgeGroupId: null,
  badgeRank: null,
  earnType: 'EARN',
  status: 'UPCOMING',
  createdOn: 1766001234.5,
  createdBy: 75000001,
  lastUpdatedOn: 1766001234.5,
  lastUpdatedBy: 75000001,
  customFields: {},
  active: true,
};

export const badgePageData = {
  metaBasicDetails: [
    { ...storedBadge, customerConstraints: undefined, badgeConstraints: undefined, badgeGroupName: null },
  ],
  pagination: { page: 0, size: 10, total: 1, totalPages: 1 },
};

export const fixedWindowsData = {
  badgeMetaId: storedBadge.id,
  orgId: 100001,
  startDate: 1767225600,
  endDate: 1798761600,
  customerId: 5550001,
  fixedWindowCycles: [
    {
      fixedWindowCycleReferenceId: '00000000-0000-3000-8000-000000000001',
      startDate: 1767225600,
      endDate: 1767744000,
      earnCount: 1,
      constraintType: 'CUSTOMER_BADGE_FIXED_WINDOW',
    },
  ],
  pagination: { page: 0, size: 10, total: 53, totalPages: 6 },
};

export const claimData = { ownerType: 'Journeys', referenceId: 'journey-481', isActive: true };

export const activationData = { id: storedBadge.id, isActive: false };

export const storedGroup = {
  id: '66544a00aa11bb22cc33dd01',
  orgId: 100001,
  name: 'Intermediate',
  rank: 2,
  createdBy: 4001,
  createdOn: 1716800000.123456,
  createdOnISO: '2024-05-27T08:53:20Z',
  lastUpdatedBy: 4001,
  lastUpdatedOn: 1716800000.123456,
  isActive: true,
};

export const groupPageData = {
  badgeGroups: [storedGroup],
  pagination: { page: 0, size: 10, total: 1, totalPages: 1 },
};

export const storedCustomField = {
  id: '6655d0a0aa11bb22cc33dd02',
  orgId: 100001,
  name: 'Tier Hint',
  isMandatory: false,
  defaultValue: '0',
  isActive: true,
  dataType: 'INTEGER',
  createdOn: 1716900000.25,
  createdBy: 4001,
  lastUpdatedOn: 1716900000.25,
  lastUpdatedBy: 4001,
};

export const customFieldPageData = {
  customFieldROList: [storedCustomField],
  pagination: { page: 0, size: 10, total: 1, totalPages: 1 },
};

/** A valid new badge, as the GraphQL input takes it. */
export const badgeInput = {
  name: 'Weekend Explorer',
  startOn: new Date('2030-01-01T00:00:00Z'),
  expiresOn: new Date('2031-01-01T00:00:00Z'),
  earnType: 'EARN' as const,
  active: true,
  historical: false,
  earnedBadgeExpiry: { expiryType: 'RELATIVE' as const, relativeExpiryType: 'DAYS' as const, value: 30 },
  ownership: { restrictedToOwners: ['Loyalty' as const, 'Milestones' as const] },
};

// ---- customer badges: `data` of the documented answers (../shared/upstream/badges-customer-api.md) ----

const earnedBadgeId = '65f0bb000000000000000020';
const enrolmentId = '65f0aa000000000000000010';

/** §8.3's example item. */
export const customerBadgeItem = {
  badgeMetaId: storedBadge.id,
  orgId: 100001,
  name: 'Weekend Shopper',
  description: 'Shop on 3 weekends',
  startOn: 1704067200.0,
  expiresOn: 1735689600.0,
  images: [],
  tags: [],
  badgeGroupId: null,
  badgeGroupName: null,
  badgeRank: null,
  ownership: {
    restrictedToOwners: ['Loyalty'],
    claims: [{ ownerType: 'Loyalty', referenceId: 'prog-9', isActive: true }],
  },
  earnType: 'EARN',
  benefits: [],
  customerConstraints: [],
  badgeConstraints: [],
  earnedCount: 1,
  lastEarnedOnDate: 1710000000.12,
  lastEarnEventDate: 1709990000.0,
  customFields: {},
  active: true,
};

export const customerBadgesData = {
  badges: [customerBadgeItem],
  pagination: { page: 0, size: 1, total: 1, totalPages: 1 },
};

/** §9.3's fields; `startsOn` here, and an ms-sized expiry (contradiction 7). */
export const customerBadgeHistoryData = {
  customerBadges: [
    {
      name: 'Premium Member',
      description: 'Enrol, then spend',
      badgeMetaId: storedBadge.id,
      badgeType: 'ISSUE_EARN',
      badgeGroupId: null,
      badgeGroupName: null,
      badgeRank: null,
      createdOn: 1709251200.5,
      lastUpdatedOn: 1709251200.5,
      images: [],
      badgeStatus: 'LIVE',
      lastEarnedOn: null,
      startsOn: 1709251200,
      expiresOn: 1767225600000,
      earnCount: null,
      ownership: { restrictedToOwners: ['Journeys'], claims: [] },
      issueStatus: null,
      active: true,
    },
  ],
  pagination: { page: 0, size: 1, total: 1, totalPages: 1 },
};

/** §10.2's example, with statistics. */
export const customerBadgeDetailData = {
  id: storedBadge.id,
  name: 'Premium Member',
  description: 'Enrol, then spend',
  createdOn: 1709251200.5,
  lastUpdatedOn: 1709251200.5,
  startsOn: 1709251200,
  expiresOn: 1767225600,
  action: 'ACTIVATED',
  badgeType: 'ISSUE_EARN',
  badgeStatus: 'LIVE',
  owner: ['Journeys', 'Loyalty'],
  claimedBy: [],
  images: [],
  earnExpiry: { expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: 30 },
  issualDetails: {
    issuedCount: 1,
    issuals: [
      {
        issuedOn: 1709300000.1,
        issuedStatus: 'REVOKED',
        issueExpiresOn: 1767225600.0,
        issueId: enrolmentId,
        ownerType: 'Journeys',
        ownerReferenceId: 'journey-77',
        revokedOn: 1709400000.2,
        issueEventDate: 1709299000.0,
      },
    ],
  },
  issuedStatus: 'REVOKED',
  earnDetails: { earnCount: 0, earns: [] },
  customerConstraints: [
    {
      constraintLevel: 'CUSTOMER',
      constraintType: 'OVERALL',
      maxEarnLimit: 3,
      earnConstraintBlockStatistics: { currentEarnCount: 1 },
      fixedWindowCycle: null,
    },
  ],
  badgeConstraints: [],
  activeEarnedCount: 0,
  customFields: {},
};

/** §2.2's example. */
export const enrolData = {
  badgeMetaId: storedBadge.id,
  triggeredBy: { ownerType: 'Journeys', referenceId: 'journey-77' },
  expiresOn: 1767225600.0,
  issuedBadges: [
    { customerId: 4001, issuedId: enrolmentId, error: null },
    { customerId: 4002, issuedId: '65f0aa000000000000000011', error: null },
  ],
  requestId: 'enrol-2024-03-001',
};

/** §3.2's example. */
export const earnData = {
  badgeMetaId: storedBadge.id,
  customerId: 4001,
  earnedBadgeId,
  expiresOn: 1712000000.25,
  requestId: 'earn-4001-1',
  issuedId: enrolmentId,
};

/** §4.2, shape B (Y-earnBulk's newest example). */
export const earnBulkData = {
  badgeMetaId: storedBadge.id,
  expiresOn: 1719000000,
  expiresOnISO: '2024-06-21T20:00:00Z',
  earnedBadgesList: [
    { customerId: 4001, earnedBadgeId },
    { customerId: 4002, earnedBadgeId: '65f0bb000000000000000021' },
  ],
  totalCount: 2,
  earnedCount: 2,
  failedCount: 0,
  failedEarnBadgeErrorList: [],
  triggeredBy: { ownerType: 'Loyalty', referenceId: 'prog-9' },
};

/** §4.2, shape A (C14): an issuance id per customer, 1040 on the second. */
export const olderEarnBulkData = {
  badgeMetaId: storedBadge.id,
  triggeredBy: { ownerType: 'Loyalty', referenceId: 'prog-9' },
  expiresOn: 1719000000.0,
  issuedBadges: [
    { customerId: 4001, issuedId: '65f0cc000000000000000031', status: 'LIVE' },
    {
      customerId: 4002,
      issuedId: '65f0cc000000000000000032',
      status: 'EXPIRED',
      error: { code: 1040, message: 'An active issue for the badge already exists.', reference: null },
    },
  ],
  requestId: 'bulk-earn-17',
};

/** §6.2's example: one revoked, one customer without an enrolment. */
export const revokeIssueData = {
  badgeMetaId: storedBadge.id,
  revokedIssuedBadges: [
    { customerId: 4001, issuedId: enrolmentId, error: null },
    {
      customerId: 4003,
      issuedId: null,
      error: { code: 404, message: "Customer doesn't have issue instance", reference: null },
    },
  ],
  requestId: null,
};

/** §7.2's example. */
export const revokeEarnData = {
  badgeMetaId: storedBadge.id,
  customerId: 4001,
  earnedBadgeId,
  isActive: false,
};

/** §5.2's example: the bare array, one envelope per element sent. */
export const importData = [
  {
    data: {
      badgeMetaId: storedBadge.id,
      customerId: 4001,
      earnedBadgeId: '65f0dd000000000000000041',
      expiresOn: 1735689600.0,
      requestId: '9b2f3c1d_1',
    },
    errors: null,
    warnings: null,
  },
];

export const customerIds = { earnedBadgeId, enrolmentId };

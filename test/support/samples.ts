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

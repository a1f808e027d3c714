import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { badgeBody, badgeInputProblems, badgeSchema } from '../../src/operations/badges/badge.js';
import type { CreateBadgeInput } from '../../src/generated/resolvers-types.js';
import { badgeInput, storedBadge } from '../support/samples.js';

describe('reading a badge, in every form the docs and payloads show', () => {
  it('reads epoch seconds with fractions and ISO strings alike', () => {
    const badge = badgeSchema.parse({
      ...storedBadge,
      startOn: 1767225600.5,
      expiresOn: '2027-01-01T00:00:00Z',
    });
    expect(badge.startOn).toEqual(new Date('2026-01-01T00:00:00.500Z'));
    expect(badge.expiresOn).toEqual(new Date('2027-01-01T00:00:00.000Z'));
  });

  it('takes isActive where active is missing (older create examples, the activation endpoint)', () => {
    expect(badgeSchema.parse({ ...storedBadge, active: undefined, isActive: false }).active).toBe(false);
  });

  it.each([
    ['relativeExpirytype', 'WEEKS'],
    ['relativeExpiryType', 'WEEKS'],
  ])('reads the relative expiry unit spelt %s', (key, unit) => {
    const badge = badgeSchema.parse({
      ...storedBadge,
      earnedBadgeExpiry: { expiryType: 'RELATIVE', [key]: unit, value: 2 },
    });
    expect(badge.earnedBadgeExpiry).toMatchObject({ relativeExpiryType: 'WEEKS', value: 2 });
  });

  it('reads DAILY/WEEKLY/MONTHLY as DAYS/WEEKS/MONTHS and day numbers as names', () => {
    const badge = badgeSchema.parse({
      ...storedBadge,
      customerConstraints: [
        {
          constraintType: 'CUSTOMER_BADGE_FIXED_WINDOW',
          durationType: 'WEEKLY',
          startDayOfTheWeek: 1,
          maxEarnLimit: 1,
        },
      ],
    });
    expect(badge.customerConstraints).toMatchObject([
      { durationType: 'WEEKS', startDayOfTheWeek: 'TUESDAY' },
    ]);
  });

  it('reads upper-case owner types (docs tables) as the wire values', () => {
    const badge = badgeSchema.parse({
      ...storedBadge,
      ownership: {
        restrictedToOwners: ['LOYALTY', 'LOYALTY_PROMOTIONS'],
        claims: [{ ownerType: 'JOURNEYS', referenceId: 626, isActive: false }],
      },
    });
    expect(badge.ownership).toEqual({
      restrictedToOwners: ['Loyalty', 'Loyalty_Promotion'],
      claims: [{ ownerType: 'Journeys', referenceId: '626', active: false }],
    });
  });

  it('reads the documented ENDED status as EXPIRED and "ISSUE EARN" as ISSUE_EARN', () => {
    expect(badgeSchema.parse({ ...storedBadge, status: 'ENDED', earnType: 'ISSUE EARN' })).toMatchObject({
      status: 'EXPIRED',
      earnType: 'ISSUE_EARN',
    });
  });

  it('keeps lists Capillary left out as null, and turns the custom field map into name–value pairs', () => {
    const listItem = { ...storedBadge, customerConstraints: undefined, badgeConstraints: undefined };
    const badge = badgeSchema.parse({ ...listItem, customFields: { Priority: 1, Featured: true } });
    expect(badge.customerConstraints).toBeNull();
    expect(badge.badgeConstraints).toBeNull();
    expect(badge.customFields).toEqual([
      { name: 'Priority', value: '1' },
      { name: 'Featured', value: 'true' },
    ]);
  });
});

describe('the create body', () => {
  it('sends epoch seconds, the payloads’ relativeExpirytype spelling, and no historical flag', () => {
    const body = badgeBody(badgeInput);
    expect(body).toMatchObject({
      name: 'Weekend Explorer',
      startOn: 1893456000,
      expiresOn: 1924992000,
      active: true,
      earnedBadgeExpiry: { expiryType: 'RELATIVE', relativeExpirytype: 'DAYS', value: 30 },
      ownership: { restrictedToOwners: ['Loyalty', 'Milestones'] },
    });
    expect(body).not.toHaveProperty('historical');
  });
});

/** An independent statement of the rules the facts give, for the property below. */
function violatesAFactsRule(input: CreateBadgeInput, now: Date): boolean {
  return (
    input.name.trim() === '' ||
    input.expiresOn <= input.startOn ||
    (!input.historical && input.startOn.getTime() < now.getTime() - 60_000) ||
    input.ownership.restrictedToOwners.length === 0
  );
}

describe('the checks before any call, for any input', () => {
  const now = new Date('2029-06-01T00:00:00Z');
  const input = fc.record({
    name: fc.constantFrom('', ' ', 'Weekend Explorer'),
    startOn: fc.date({ min: new Date('2028-01-01'), max: new Date('2031-01-01'), noInvalidDate: true }),
    expiresOn: fc.date({ min: new Date('2028-01-01'), max: new Date('2032-01-01'), noInvalidDate: true }),
    historical: fc.boolean(),
    owners: fc.subarray(['Loyalty', 'Journeys'] as const),
  });

  it('refuse exactly the inputs that break a rule of the facts', () => {
    fc.assert(
      fc.property(input, ({ owners, ...fields }) => {
        const candidate = { ...badgeInput, ...fields, ownership: { restrictedToOwners: owners } };
        expect(badgeInputProblems(candidate, now).length > 0).toBe(violatesAFactsRule(candidate, now));
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    [
      'FIXED_DATE without its date',
      { earnedBadgeExpiry: { expiryType: 'ABSOLUTE', type: 'FIXED_DATE' } },
      ['earnedBadgeExpiry', 'expiresOn'],
    ],
    ['ISSUE_EARN without an issued badge expiry', { earnType: 'ISSUE_EARN' }, ['issuedBadgeExpiry']],
    [
      'eleven benefits',
      { benefits: Array.from({ length: 11 }, () => ({ benefitType: 'COUPON', seriesId: 's' })) },
      ['benefits'],
    ],
    [
      'a customer limit among the badge limits',
      { badgeConstraints: [{ constraintType: 'CUSTOMER_BADGE_FIXED_VALUE', maxEarnLimit: 1 }] },
      ['badgeConstraints', '0', 'constraintType'],
    ],
    ['a coupon without its series', { benefits: [{ benefitType: 'COUPON' }] }, ['benefits', '0', 'seriesId']],
  ])('refuse %s, naming the field', (_label, change, path) => {
    const problems = badgeInputProblems({ ...badgeInput, ...change } as typeof badgeInput, now);
    expect(problems.map((problem) => problem.path)).toContainEqual(path);
  });
});

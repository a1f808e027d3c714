import type { Field, Issues, Reader } from './input.js';
import { isoSeconds, type JsonObject } from './wire.js';

/**
 * The body of badge create and update (../shared/upstream/badges-definitions-api.md
 * §1.2, §2.1, A.4, A.6), read into a draft whose JSON parts are already in the
 * shape the responses echo.
 */

/** A.4. The server's own enum message names only these seven (seen on claim and update). */
export const OWNER_TYPES_SHOWN = [
  'Loyalty',
  'Referral_Campaigns',
  'Journeys',
  'Audience_Campaigns',
  'Rewards_Catalog',
  'Goodwill_Module',
  'Milestones',
] as const;
/** Mixed case is required; the three more seen in payloads are accepted too. */
export const OWNER_TYPES = [
  ...OWNER_TYPES_SHOWN,
  'Loyalty_Promotion',
  'Historical_Import',
  'Membercare',
] as const;
export type OwnerType = (typeof OWNER_TYPES)[number];

export function readOwnerType(field: Field): OwnerType | undefined {
  return field.choice(OWNER_TYPES, { shown: OWNER_TYPES_SHOWN });
}

export const EARN_TYPES = ['EARN', 'ISSUE_EARN'] as const;
export type EarnType = (typeof EARN_TYPES)[number];
const EXPIRY_TYPES = ['RELATIVE', 'ABSOLUTE', 'NEVER'] as const;
const ABSOLUTE_TYPES = ['WITH_BADGE_META', 'FIXED_DATE'] as const;
const DURATIONS = ['DAYS', 'WEEKS', 'MONTHS'] as const;
export type Duration = (typeof DURATIONS)[number];
export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];
const CONSTRAINT_TYPES = [
  'CUSTOMER_BADGE_FIXED_WINDOW',
  'CUSTOMER_BADGE_FIXED_VALUE',
  'CUSTOMER_BADGE_ROLLING_WINDOW',
  'CUSTOMER_BADGE_NO_LIMIT',
  'BADGE_FIXED_WINDOW',
  'BADGE_ROLLING_WINDOW',
  'BADGE_FIXED_VALUE',
  'BADGE_NO_LIMIT',
] as const;
export type ConstraintType = (typeof CONSTRAINT_TYPES)[number];
const IMAGE_TAGS = ['UN_EARNED', 'IN_PROGRESS', 'EARNED'] as const;
const BENEFIT_TYPES = ['COUPON', 'LOYALTY_POINTS'] as const;
const MAX_BENEFITS = 10;

/** A fixed window's shape: what its `referenceId` and its cycles follow. */
export type WindowShape = {
  readonly durationType: Duration;
  readonly refreshRate: number;
  readonly startDayOfTheWeek: Weekday;
};

export type Constraint = {
  readonly constraintType: ConstraintType;
  /** Set for the two fixed-window types. */
  readonly window: WindowShape | null;
  /** The other members, as echoed. */
  readonly limits: JsonObject;
};

export type BadgeDraft = {
  readonly name: string;
  readonly description: string | null;
  readonly startOn: number;
  readonly expiresOn: number;
  readonly earnType: EarnType;
  readonly active: boolean;
  readonly earnedBadgeExpiry: JsonObject;
  readonly issuedBadgeExpiry: JsonObject | null;
  /** GUESS: a set, answered in the order of `OWNER_TYPES` (seen: not the request's order). */
  readonly restrictedToOwners: readonly OwnerType[];
  readonly customerConstraints: readonly Constraint[];
  readonly badgeConstraints: readonly Constraint[];
  readonly benefits: readonly JsonObject[];
  readonly images: readonly JsonObject[];
  readonly tags: readonly JsonObject[];
  readonly customFields: Readonly<Record<string, string>>;
  readonly badgeGroupId: string | null;
  readonly badgeRank: number | null;
};

/** A draft as read: a mandatory member is undefined when it could not be read, and an issue says why. */
export type BadgeRead = { readonly [K in keyof BadgeDraft]: BadgeDraft[K] | undefined };

/** The draft once reading and the rules raised no issue: then every mandatory member was read. */
export function completeDraft(read: BadgeRead | undefined, issues: Issues): BadgeDraft | null {
  return read === undefined || issues.failed ? null : (read as BadgeDraft);
}

export function readBadge(body: Reader, issues: Issues): BadgeRead {
  const name = body.field('name').nonBlank().string();
  const description = body.field('description').string() ?? null;
  const startOn = body.field('startOn').required().epoch();
  const expiresOn = body.field('expiresOn').required().epoch();
  const earnType = body.field('earnType').required().choice(EARN_TYPES);
  const read = {
    name,
    description,
    startOn,
    expiresOn,
    earnType,
    // Documented as `active`; three create examples send `isActive`: both are read, `active` first.
    // GUESS: with neither, `must not be null` on `active` (the docs mark it mandatory).
    active: body.fieldOf('active', 'isActive').required().boolean(),
    earnedBadgeExpiry: readExpiry(body.field('earnedBadgeExpiry').required()),
    // GUESS (from the examples): mandatory for ISSUE_EARN; for EARN ignored and answered as null.
    issuedBadgeExpiry: earnType === 'EARN' ? null : readExpiry(body.field('issuedBadgeExpiry').required()),
    restrictedToOwners: readOwners(body, issues),
    ...readConstraints(body),
    benefits: readBenefits(body.field('benefits'), issues),
    // GUESS: members of an image or tag left out are answered as null.
    images: objects(body.field('images'), (image) => ({
      name: image.field('name').string() ?? null,
      fileSvcHandle: image.field('fileSvcHandle').string() ?? null,
      url: image.field('url').string() ?? null,
      tag: image.field('tag').choice(IMAGE_TAGS) ?? null,
    })),
    tags: objects(body.field('tags'), (tag) => ({
      name: tag.field('name').string() ?? null,
      value: tag.field('value').string() ?? null,
    })),
    // GUESS: keys are not checked against the org's custom field definitions.
    customFields: body.field('customFields').stringMap() ?? {},
    // GUESS: a group id is not checked against the org's groups (a number is read as its text).
    badgeGroupId: body.field('badgeGroupId').string() ?? null,
    badgeRank: body.field('badgeRank').integer() ?? null,
  };
  // Ownership claims in the body are ignored (seen: a claim sent on create came back as `claims: []`).
  return read;
}

/** The objects of a list; an item that is not an object is an issue, and so is one `read` gives up on. */
function objects<T>(field: Field, read: (item: Reader) => T | undefined): T[] {
  const found: T[] = [];
  for (const item of field.list() ?? []) {
    const reader = item.required().object();
    const value = reader === undefined ? undefined : read(reader);
    if (value !== undefined) found.push(value);
  }
  return found;
}

/** A.6: the echo depends on `expiryType`. */
function readExpiry(field: Field): JsonObject | undefined {
  const expiry = field.object();
  if (expiry === undefined) return undefined;
  const expiryType = expiry.field('expiryType').required().choice(EXPIRY_TYPES);
  switch (expiryType) {
    case undefined:
      return undefined;
    case 'NEVER':
      return { expiryType };
    case 'RELATIVE':
      return {
        expiryType,
        // Every payload spells it `relativeExpirytype`; GUESS: the tables' `relativeExpiryType` is read too.
        relativeExpirytype: expiry
          .fieldOf('relativeExpirytype', 'relativeExpiryType')
          .required()
          .choice(DURATIONS),
        value: expiry.field('value').required().integer(1),
      };
    case 'ABSOLUTE': {
      const type = expiry.field('type').required().choice(ABSOLUTE_TYPES);
      if (type !== 'FIXED_DATE')
        return { expiryType, type, expiresOn: null, expiresOnISO: null, expireWithBadgeMeta: true };
      const expiresOn = expiry.field('expiresOn').required().epoch();
      return {
        expiryType,
        type,
        expiresOn,
        expiresOnISO: expiresOn === undefined ? undefined : isoSeconds(expiresOn),
        expireWithBadgeMeta: false,
      };
    }
  }
}

function readOwners(body: Reader, issues: Issues): OwnerType[] {
  const ownership = body.field('ownership').object();
  const owners = new Set(
    (ownership?.field('restrictedToOwners').list() ?? []).flatMap((owner) => readOwnerType(owner) ?? []),
  );
  // GUESS: a missing `ownership` answers the same 728 as an empty list.
  if (owners.size === 0)
    issues.invalid(728, 'Atleast one owner is required', ['ownership', 'restrictedToOwners']);
  return OWNER_TYPES.filter((owner) => owners.has(owner));
}

/**
 * The limits each constraint type carries, non-negative integers. GUESS: `maxEarnLimit` is mandatory
 * wherever it is documented, `rollValue` with it; the six rolling-window
 * members of the customer scope are optional.
 */
const LIMITS: Readonly<
  Record<ConstraintType, { readonly required: readonly string[]; readonly optional: readonly string[] }>
> = {
  CUSTOMER_BADGE_FIXED_WINDOW: { required: ['maxEarnLimit'], optional: [] },
  CUSTOMER_BADGE_FIXED_VALUE: { required: ['maxEarnLimit'], optional: [] },
  CUSTOMER_BADGE_ROLLING_WINDOW: {
    required: [],
    optional: [
      'maxEarnForDays',
      'rollForDays',
      'maxEarnForWeeks',
      'rollForWeeks',
      'maxEarnForMonths',
      'rollForMonths',
    ],
  },
  CUSTOMER_BADGE_NO_LIMIT: { required: [], optional: [] },
  BADGE_FIXED_WINDOW: { required: ['maxEarnLimit'], optional: [] },
  BADGE_ROLLING_WINDOW: { required: ['rollValue', 'maxEarnLimit'], optional: [] },
  BADGE_FIXED_VALUE: { required: ['maxEarnLimit'], optional: [] },
  BADGE_NO_LIMIT: { required: [], optional: [] },
};

/** Seen: an item lands in the array its `constraintType` names, whichever array it was sent in. */
function readConstraints(body: Reader): Pick<BadgeRead, 'customerConstraints' | 'badgeConstraints'> {
  const all = ['customerConstraints', 'badgeConstraints'].flatMap((key) =>
    objects(body.field(key), readConstraint),
  );
  return {
    customerConstraints: all.filter((constraint) => constraint.constraintType.startsWith('CUSTOMER_')),
    badgeConstraints: all.filter((constraint) => !constraint.constraintType.startsWith('CUSTOMER_')),
  };
}

function readConstraint(item: Reader): Constraint | undefined {
  const constraintType = item.field('constraintType').required().choice(CONSTRAINT_TYPES);
  if (constraintType === undefined) return undefined;
  const { required, optional } = LIMITS[constraintType];
  const limits: Record<string, string | number | undefined> = {};
  if (constraintType === 'BADGE_ROLLING_WINDOW')
    limits.rollType = item.field('rollType').required().choice(DURATIONS);
  for (const key of [...required, ...optional]) {
    const field = item.field(key);
    limits[key] = (required.includes(key) ? field.required() : field).integer(0);
  }
  const window = constraintType.endsWith('_FIXED_WINDOW') ? readWindow(item) : null;
  return { constraintType, window, limits };
}

/**
 * Payloads use DAYS/WEEKS/MONTHS, the tables DAILY/WEEKLY/MONTHLY: both are
 * read, the first answered. `startDayOfTheWeek` is a name or, as request
 * examples send it, an integer with 0 = MONDAY (seen: 1 came back TUESDAY).
 * GUESS: `refreshRate` is mandatory for DAYS and defaults to 1 otherwise.
 */
function readWindow(item: Reader): WindowShape {
  const durationType =
    item
      .field('durationType')
      .required()
      .choice(DURATIONS, { aliases: { DAILY: 'DAYS', WEEKLY: 'WEEKS', MONTHLY: 'MONTHS' } }) ?? 'DAYS';
  const refreshRate = item.field('refreshRate');
  const startDay = item.field('startDayOfTheWeek').choice(WEEKDAYS, {
    aliases: Object.fromEntries(WEEKDAYS.map((day, index) => [String(index), day])),
  });
  return {
    durationType,
    refreshRate: (durationType === 'DAYS' ? refreshRate.required() : refreshRate).integer(1) ?? 1,
    startDayOfTheWeek: startDay ?? 'MONDAY',
  };
}

/**
 * At most ten; COUPON needs `seriesId`, LOYALTY_POINTS its four ids (not
 * checked against anything). GUESS: ids are echoed as sent (number or text),
 * an eleventh benefit answers Bean Validation's `@Size` message.
 */
function readBenefits(field: Field, issues: Issues): JsonObject[] {
  const benefits = objects(field, (benefit) => {
    const benefitType = benefit.field('benefitType').required().choice(BENEFIT_TYPES);
    const ids =
      benefitType === 'COUPON'
        ? ['seriesId']
        : ['programId', 'promotionId', 'allocationStrategyId', 'expirationStrategyId'];
    const echoed: Record<string, string | number | null | undefined> = { benefitType };
    for (const key of ids) echoed[key] = idValue(benefit.field(key).required());
    if (benefitType === 'LOYALTY_POINTS') {
      echoed.points = benefit.field('points').integer(0);
      echoed.defaultTillId = idValue(benefit.field('defaultTillId')) ?? null;
    }
    return echoed;
  });
  if (benefits.length > MAX_BENEFITS)
    issues.invalid(400, `size must be between 0 and ${MAX_BENEFITS}`, ['benefits']);
  return benefits;
}

function idValue(field: Field): string | number | undefined {
  return typeof field.value === 'number' && Number.isFinite(field.value) ? field.value : field.string();
}

import fc from 'fast-check';
import { getNamedType, isObjectType, isUnionType, type GraphQLNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { UpstreamOutcome } from '../../src/capillary/client.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { operations, registry, type OperationName } from '../../src/operations/index.js';
import { anyOutcome } from '../support/arbitraries.js';
import { answered, resultFor } from '../support/fakeCapillary.js';
import { categoryInput } from '../support/gateway.js';
import {
  activationData,
  badgeInput,
  badgePageData,
  claimData,
  customFieldPageData,
  customerBadgeDetailData,
  customerBadgeHistoryData,
  customerBadgesData,
  customerIds,
  earnBulkData,
  earnData,
  enrolData,
  importData,
  revokeEarnData,
  revokeIssueData,
  fixedWindowsData,
  groupPageData,
  storedBadge,
  storedCustomField,
  storedGroup,
} from '../support/samples.js';
import { storedOrgMeta } from '../support/stubUpstream.js';

/**
 * The registry, operation by operation, against what Capillary documents: a
 * specification written here, apart from the declarations it checks.
 */
interface Specification {
  /** Arguments of the GraphQL field, valid ones. */
  readonly args: Parameters<typeof resultFor<OperationName>>[2];
  /** `data` of a documented successful answer. */
  readonly data: unknown;
  /** The member each outcome that differs by operation becomes. */
  readonly success: string;
  readonly 400: string;
  readonly 404: string;
  readonly 409: string;
}

const triggeredBy = { ownerType: 'Journeys' as const, referenceId: 'journey-77' };
const keyed = { badgeId: storedBadge.id, triggeredBy, requestId: 'req-1' };

const claimInput = { badgeId: storedBadge.id, ownerType: 'Journeys' as const, referenceId: 'journey-481' };

/** For each operation: valid arguments, documented `data`, and the member each varying outcome becomes. */
const SPECIFICATIONS: { readonly [N in OperationName]: Specification } = {
  createBadgeOrgMeta: {
    args: { input: categoryInput },
    data: storedOrgMeta,
    success: 'CreateBadgeOrgMetaSuccess',
    400: 'InvalidOrgMetaInput',
    404: 'BadgesUpstreamFailure',
    409: 'OrgMetaAlreadyExists',
  },
  badgeOrgMeta: {
    args: {},
    data: storedOrgMeta,
    success: 'BadgeOrgMeta',
    400: 'BadgesUpstreamFailure',
    404: 'OrgMetaNotFound',
    409: 'BadgesUpstreamFailure',
  },
  updateBadgeOrgMeta: {
    args: { input: categoryInput },
    data: storedOrgMeta,
    success: 'UpdateBadgeOrgMetaSuccess',
    400: 'InvalidOrgMetaInput',
    404: 'OrgMetaNotFound',
    409: 'BadgesUpstreamFailure',
  },
  createBadge: {
    args: { input: badgeInput },
    data: storedBadge,
    success: 'CreateBadgeSuccess',
    400: 'InvalidBadgeInput',
    404: 'BadgesUpstreamFailure',
    409: 'BadgesUpstreamFailure',
  },
  updateBadge: {
    args: { input: { ...badgeInput, id: storedBadge.id } },
    data: storedBadge,
    success: 'UpdateBadgeSuccess',
    400: 'InvalidBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  badge: {
    args: { id: storedBadge.id, includeStatistics: false },
    data: storedBadge,
    success: 'Badge',
    400: 'BadgesUpstreamFailure',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  badges: {
    args: { filter: { status: ['LIVE', 'UPCOMING'] }, page: 0, size: 10 },
    data: badgePageData,
    success: 'BadgePage',
    400: 'InvalidBadgeInput',
    404: 'BadgesUpstreamFailure',
    409: 'BadgesUpstreamFailure',
  },
  badgeFixedWindows: {
    args: { badgeId: storedBadge.id, includeEarnCount: false, page: 0, size: 10 },
    data: fixedWindowsData,
    success: 'BadgeFixedWindowPage',
    400: 'InvalidBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  claimBadge: {
    args: { input: claimInput },
    data: claimData,
    success: 'ClaimBadgeSuccess',
    400: 'InvalidBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  unclaimBadge: {
    args: { input: claimInput },
    data: { ...claimData, isActive: false },
    success: 'UnclaimBadgeSuccess',
    400: 'InvalidBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  activateBadge: {
    args: { id: storedBadge.id },
    data: { ...activationData, isActive: true },
    success: 'BadgeActivationChanged',
    400: 'BadgesUpstreamFailure',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  deactivateBadge: {
    args: { id: storedBadge.id },
    data: activationData,
    success: 'BadgeActivationChanged',
    400: 'BadgesUpstreamFailure',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  createBadgeGroup: {
    args: { input: { name: 'Intermediate', rank: 2 } },
    data: storedGroup,
    success: 'CreateBadgeGroupSuccess',
    400: 'InvalidBadgeGroupInput',
    404: 'BadgesUpstreamFailure',
    409: 'BadgesUpstreamFailure',
  },
  updateBadgeGroup: {
    args: { input: { id: storedGroup.id, name: 'Intermediate II', rank: 3 } },
    data: storedGroup,
    success: 'UpdateBadgeGroupSuccess',
    400: 'InvalidBadgeGroupInput',
    404: 'BadgeGroupNotFound',
    409: 'BadgesUpstreamFailure',
  },
  badgeGroup: {
    args: { id: storedGroup.id },
    data: storedGroup,
    success: 'BadgeGroup',
    400: 'BadgesUpstreamFailure',
    404: 'BadgeGroupNotFound',
    409: 'BadgesUpstreamFailure',
  },
  badgeGroups: {
    args: { page: 0, size: 10 },
    data: groupPageData,
    success: 'BadgeGroupPage',
    400: 'InvalidBadgeGroupInput',
    404: 'BadgesUpstreamFailure',
    409: 'BadgesUpstreamFailure',
  },
  createBadgeCustomField: {
    args: { input: { name: 'Tier Hint', dataType: 'INTEGER', defaultValue: '0' } },
    data: storedCustomField,
    success: 'CreateBadgeCustomFieldSuccess',
    400: 'InvalidBadgeCustomFieldInput',
    404: 'BadgesUpstreamFailure',
    409: 'BadgesUpstreamFailure',
  },
  updateBadgeCustomField: {
    args: { input: { id: storedCustomField.id, name: 'Tier Hint', dataType: 'INTEGER', active: false } },
    data: storedCustomField,
    success: 'UpdateBadgeCustomFieldSuccess',
    400: 'InvalidBadgeCustomFieldInput',
    404: 'BadgeCustomFieldNotFound',
    409: 'BadgesUpstreamFailure',
  },
  badgeCustomField: {
    args: { id: storedCustomField.id },
    data: storedCustomField,
    success: 'BadgeCustomField',
    400: 'BadgesUpstreamFailure',
    404: 'BadgeCustomFieldNotFound',
    409: 'BadgesUpstreamFailure',
  },
  badgeCustomFields: {
    args: { active: true, page: 0, size: 10 },
    data: customFieldPageData,
    success: 'BadgeCustomFieldPage',
    400: 'InvalidBadgeCustomFieldInput',
    404: 'BadgesUpstreamFailure',
    409: 'BadgesUpstreamFailure',
  },
  customerBadges: {
    args: { customer: { id: '4001' }, kind: 'EARNED', includeExpired: false, sort: 'RANK', limit: 10 },
    data: customerBadgesData,
    success: 'CustomerBadgeList',
    400: 'InvalidCustomerBadgeInput',
    404: 'CustomerNotFound',
    409: 'BadgesUpstreamFailure',
  },
  customerBadgeHistory: {
    args: { customer: { email: 'c4001@example.com' }, page: 0, size: 10 },
    data: customerBadgeHistoryData,
    success: 'CustomerBadgeHistoryPage',
    400: 'InvalidCustomerBadgeInput',
    404: 'CustomerNotFound',
    409: 'BadgesUpstreamFailure',
  },
  customerBadge: {
    args: { customerId: '4001', badgeId: storedBadge.id, includeStatistics: true },
    data: customerBadgeDetailData,
    success: 'CustomerBadgeDetail',
    400: 'InvalidCustomerBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  enrolCustomersInBadge: {
    args: { input: { ...keyed, customerIds: ['4001', '4002'] } },
    data: enrolData,
    success: 'CustomerEnrolmentReport',
    400: 'InvalidCustomerBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  earnBadge: {
    args: { input: { ...keyed, customerId: '4001' } },
    data: earnData,
    success: 'BadgeEarned',
    400: 'InvalidCustomerBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  earnBadgeForCustomers: {
    args: { input: { ...keyed, customerIds: ['4001', '4002'] } },
    data: earnBulkData,
    success: 'CustomerEarnReport',
    400: 'InvalidCustomerBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  revokeBadgeEnrolment: {
    args: { input: { badgeId: storedBadge.id, customerIds: ['4001', '4003'] } },
    data: revokeIssueData,
    success: 'BadgeEnrolmentRevocationReport',
    400: 'InvalidCustomerBadgeInput',
    404: 'BadgeNotFound',
    409: 'BadgesUpstreamFailure',
  },
  revokeEarnedBadge: {
    args: {
      input: { badgeId: storedBadge.id, customer: { id: '4001' }, earnedBadgeId: customerIds.earnedBadgeId },
    },
    data: revokeEarnData,
    success: 'EarnedBadgeRevoked',
    400: 'InvalidCustomerBadgeInput',
    404: 'BadgesUpstreamFailure',
    409: 'BadgesUpstreamFailure',
  },
  importEarnedBadges: {
    args: {
      input: {
        earns: [
          {
            badgeId: storedBadge.id,
            customerId: '4001',
            earnedAt: new Date('2023-01-21T09:06:51Z'),
            expiresOn: new Date('2025-01-01T00:00:00Z'),
          },
        ],
      },
    },
    data: importData,
    success: 'EarnedBadgeImportReport',
    400: 'InvalidCustomerBadgeInput',
    404: 'BadgesUpstreamFailure',
    409: 'BadgesUpstreamFailure',
  },
};

const errors = (code: number, message = 'refused') => ({
  data: null,
  errors: [{ code, message, reference: null }],
  warnings: null,
});

/** Outcomes that every operation answers alike, with the member and what it must carry. */
const COMMON: ReadonlyArray<readonly [string, UpstreamOutcome, Record<string, unknown>]> = [
  ['401 without a body', answered(401, ''), { __typename: 'BadgesAuthenticationFailed' }],
  [
    '403 with the documented body (no data key)',
    answered(403, {
      warnings: [],
      errors: [{ status: false, code: 4000, message: 'Not authorized. Access is denied!' }],
    }),
    { __typename: 'BadgesAccessDenied', upstreamErrors: [{ code: 4000 }] },
  ],
  [
    '429 with Retry-After',
    answered(429, errors(429, 'Too many requests'), { retryAfterSeconds: 7 }),
    { __typename: 'BadgesUpstreamFailure', status: 429, retryable: true, retryAfterSeconds: 7 },
  ],
  [
    '500 with code 999999',
    answered(500, errors(999999, 'Something went wrong')),
    { __typename: 'BadgesUpstreamFailure', status: 500, retryable: true, cause: 'ERROR_STATUS' },
  ],
  [
    '502 with an HTML page',
    answered(502, '<html>Bad gateway</html>'),
    { __typename: 'BadgesUpstreamFailure', status: 502, retryable: true },
  ],
  [
    '503 "Authorization status unavailable"',
    answered(503, errors(4001, 'Authorization status unavailable!')),
    { __typename: 'BadgesUpstreamFailure', status: 503, retryable: true },
  ],
  ['504', answered(504, ''), { __typename: 'BadgesUpstreamFailure', status: 504, retryable: true }],
  [
    'a timeout',
    { kind: 'timeout', timeoutMs: 10_000 },
    { __typename: 'BadgesUpstreamFailure', cause: 'TIMEOUT', retryable: true, status: null },
  ],
  [
    'a reset connection',
    { kind: 'unreachable', reason: 'reset' },
    { __typename: 'BadgesUpstreamFailure', cause: 'CONNECTION_RESET', retryable: true },
  ],
  [
    'a refused connection',
    { kind: 'unreachable', reason: 'refused' },
    { __typename: 'BadgesUpstreamFailure', cause: 'CONNECTION_REFUSED', retryable: true },
  ],
  [
    'an oversized answer',
    { kind: 'oversized', status: 200, limitBytes: 1024, requestId: 'cap-1' },
    {
      __typename: 'BadgesUpstreamFailure',
      cause: 'RESPONSE_TOO_LARGE',
      retryable: false,
      requestId: 'cap-1',
    },
  ],
  [
    'a 200 that is not JSON',
    answered(200, 'OK'),
    { __typename: 'BadgesUpstreamFailure', cause: 'MALFORMED_RESPONSE', retryable: false },
  ],
  [
    'a 200 whose data breaks the contract',
    answered(200, { data: { unexpected: true }, errors: null }),
    { __typename: 'BadgesUpstreamFailure', cause: 'MALFORMED_RESPONSE', retryable: false },
  ],
  [
    'a 200 with neither data nor errors',
    answered(200, { data: null, errors: [] }),
    { __typename: 'BadgesUpstreamFailure', cause: 'MALFORMED_RESPONSE' },
  ],
  [
    'a 200 with data: null and a domain error code',
    answered(200, errors(7001, 'Something odd')),
    {
      __typename: 'BadgesUpstreamFailure',
      cause: 'ERROR_STATUS',
      retryable: false,
      upstreamErrors: [{ code: 7001 }],
    },
  ],
];

const names = Object.keys(registry) as OperationName[];
const schema = buildSchema();

/** A field's result union: its type, or (a keyed write) the `outcome` beside its idempotency key. */
function resultUnionOf(type: GraphQLNamedType): GraphQLNamedType | undefined {
  return isObjectType(type) && type.getFields().outcome !== undefined
    ? getNamedType(type.getFields().outcome?.type ?? type)
    : type;
}

/** The member names of the union an operation's field returns, read from the schema. */
function unionMembers(name: OperationName): string[] {
  const [typeName = '', fieldName = ''] = registry[name].field.split('.');
  const type = schema.getType(typeName);
  const field = isObjectType(type) ? type.getFields()[fieldName] : undefined;
  const union = field === undefined ? undefined : resultUnionOf(getNamedType(field.type));
  if (!isUnionType(union)) throw new Error(`${registry[name].field} does not return a union`);
  return union.getTypes().map((member) => member.name);
}

describe('every registered operation', () => {
  it('is a field of the schema that returns a result union, and every root result field is registered', () => {
    for (const name of names) expect(unionMembers(name).length).toBeGreaterThan(1);
    const rootResultFields = [schema.getQueryType(), schema.getMutationType()].flatMap((root) =>
      Object.values(root?.getFields() ?? {})
        // Federation's own fields (`_entities`) aside.
        .filter(
          (field) => !field.name.startsWith('_') && isUnionType(resultUnionOf(getNamedType(field.type))),
        )
        .map((field) => `${root?.name ?? ''}.${field.name}`),
    );
    expect(rootResultFields.sort()).toEqual(operations.map((operation) => operation.field).sort());
  });

  it.each(
    names.flatMap((name) =>
      COMMON.map(([label, outcome, member]) => [name, label, outcome, member] as const),
    ),
  )('%s: %s becomes the documented member', (name, _label, outcome, member) => {
    expect(resultFor(name, outcome, SPECIFICATIONS[name].args)).toMatchObject(member);
  });

  it.each(
    names.flatMap((name) =>
      (
        [
          [
            'a 200 with data',
            answered(200, { data: SPECIFICATIONS[name].data, errors: null, warnings: null }),
            'success',
          ],
          [
            '400 with a field reference',
            answered(400, { data: null, errors: [{ code: 400, message: 'bad', reference: 'tags[0].key' }] }),
            400,
          ],
          ['404', answered(404, errors(404, 'not found')), 404],
          [
            '409',
            answered(409, errors(999999, 'ORG_CONFIG_ALREADY_EXIST_PLEASE_USE_UPDATE_ORG_CONFIG_API')),
            409,
          ],
          ['a 200 with data: null and code 404', answered(200, errors(404, 'not found')), 404],
        ] as const
      ).map(([label, outcome, key]) => [name, label, outcome, SPECIFICATIONS[name][key]] as const),
    ),
  )('%s: %s becomes %s', (name, _label, outcome, typename) => {
    expect(resultFor(name, outcome, SPECIFICATIONS[name].args)).toMatchObject({ __typename: typename });
  });

  it.each(names)('%s: any outcome becomes a member of its result union, and mapping never throws', (name) => {
    const members = unionMembers(name);
    fc.assert(
      fc.property(anyOutcome, (outcome) => {
        const result = resultFor(name, outcome, SPECIFICATIONS[name].args) as { __typename: string };
        expect(members).toContain(result.__typename);
        if (result.__typename === SPECIFICATIONS[name].success) {
          expect(outcome.kind === 'answered' && outcome.status >= 200 && outcome.status < 300).toBe(true);
        } else {
          expect(typeof (result as { message?: unknown }).message).toBe('string');
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** Each documented error code of Capillary's, with the member it becomes (facts files, error tables). */
const DOCUMENTED_CODES: ReadonlyArray<
  readonly [OperationName, number, number, string, Record<string, unknown>]
> = [
  [
    'createBadge',
    400,
    725,
    'Badge name cannot be duplicate',
    { __typename: 'BadgeNameTaken', name: badgeInput.name },
  ],
  ['updateBadge', 400, 725, 'Badge name cannot be duplicate', { __typename: 'BadgeNameTaken' }],
  [
    'createBadge',
    400,
    722,
    'Start Date cannot be past date',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['startOn'] }] },
  ],
  [
    'createBadge',
    400,
    728,
    'Atleast one owner is required',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['ownership', 'restrictedToOwners'] }] },
  ],
  [
    'createBadge',
    400,
    714,
    'Owner type is not allowed.',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['ownership', 'restrictedToOwners'] }] },
  ],
  [
    'updateBadge',
    400,
    723,
    'Start Date cannot change once the badge is live',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['startOn'] }] },
  ],
  [
    'updateBadge',
    400,
    720,
    'Start Date should be before End Date',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['expiresOn'] }] },
  ],
  [
    'updateBadge',
    400,
    724,
    'Expiry Date cannot be past date',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['expiresOn'] }] },
  ],
  [
    'updateBadge',
    400,
    826,
    'Change from rolling window or fixed constraint to fixed window or vice versa is not allowed.',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['customerConstraints'] }] },
  ],
  [
    'claimBadge',
    400,
    400,
    "Invalid enum value: 'LOYALTY' for the field: 'ownerType'. The value must be one of: [Loyalty, Journeys].",
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['ownerType'] }] },
  ],
  [
    'claimBadge',
    400,
    717,
    'Owner id is mandatory',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['referenceId'] }] },
  ],
  [
    'claimBadge',
    400,
    714,
    'Owner type is not allowed, Please check the configuration',
    { __typename: 'InvalidBadgeInput', problems: [{ path: ['ownerType'] }] },
  ],
  [
    'unclaimBadge',
    400,
    737,
    'Claim not found in existing claims',
    { __typename: 'BadgeClaimNotFound', ownerType: 'Journeys', referenceId: 'journey-481' },
  ],
  ['badge', 404, 404, 'Passed badge is not found', { __typename: 'BadgeNotFound', badgeId: storedBadge.id }],
  [
    'createBadgeGroup',
    400,
    733,
    'Group Name should be Unique.',
    { __typename: 'BadgeGroupNameTaken', name: 'Intermediate' },
  ],
  ['updateBadgeGroup', 400, 733, 'Group Name should be Unique.', { __typename: 'BadgeGroupNameTaken' }],
  [
    'createBadgeGroup',
    400,
    732,
    'Group Rank is Mandatory.',
    { __typename: 'InvalidBadgeGroupInput', problems: [{ path: ['rank'] }] },
  ],
  [
    'earnBadge',
    400,
    809,
    'Request with same requestId is not allowed',
    { __typename: 'DuplicateBadgesRequest', duplicateRequestId: 'req-1' },
  ],
  [
    'enrolCustomersInBadge',
    400,
    809,
    'Request with same requestId is not allowed',
    { __typename: 'DuplicateBadgesRequest', duplicateRequestId: 'req-1' },
  ],
  [
    'earnBadgeForCustomers',
    400,
    809,
    'Request with same requestId is not allowed',
    { __typename: 'DuplicateBadgesRequest', duplicateRequestId: 'req-1' },
  ],
  [
    'earnBadgeForCustomers',
    409,
    810,
    'BadgeMeta needs to be claimed first',
    {
      __typename: 'BadgeNotClaimed',
      badgeId: storedBadge.id,
      ownerType: 'Journeys',
      referenceId: 'journey-77',
    },
  ],
  [
    'earnBadge',
    409,
    811,
    'Badge issue is mandatory before earn',
    { __typename: 'BadgeNotEnrolled', badgeId: storedBadge.id, customerId: '4001' },
  ],
  [
    'revokeEarnedBadge',
    409,
    814,
    'Active earn instance is not present.',
    { __typename: 'NoActiveEarnedBadge', earnedBadgeId: customerIds.earnedBadgeId },
  ],
  [
    'enrolCustomersInBadge',
    400,
    816,
    'Event date is not in duration of badge meta',
    { __typename: 'EventDateOutsideBadge', badgeId: storedBadge.id },
  ],
  [
    'earnBadge',
    400,
    816,
    'Event date is not in duration of badge meta',
    { __typename: 'EventDateOutsideBadge', badgeId: storedBadge.id },
  ],
  [
    'customerBadges',
    404,
    1026,
    'Customer not found',
    { __typename: 'CustomerNotFound', customer: '4001', identifierType: 'ID' },
  ],
  [
    'customerBadgeHistory',
    404,
    1026,
    'Customer not found',
    { __typename: 'CustomerNotFound', customer: 'c4001@example.com', identifierType: 'EMAIL' },
  ],
  [
    'customerBadgeHistory',
    400,
    1028,
    'Invalid Customer Identifier type',
    { __typename: 'InvalidCustomerIdentifierType', identifierType: 'EMAIL' },
  ],
  [
    'revokeBadgeEnrolment',
    200,
    1051,
    'RevokeIssuals or CustomerId is mandatory',
    { __typename: 'NothingToRevoke' },
  ],
  [
    'revokeBadgeEnrolment',
    404,
    404,
    'Passed badge is not found',
    { __typename: 'BadgeNotFound', badgeId: storedBadge.id },
  ],
  [
    'earnBadge',
    400,
    717,
    'Owner id is mandatory',
    { __typename: 'InvalidCustomerBadgeInput', problems: [{ path: ['triggeredBy', 'referenceId'] }] },
  ],
];

describe('each documented error code', () => {
  it.each(DOCUMENTED_CODES)(
    '%s: HTTP %i with code %i (%s) becomes the documented member',
    (name, status, code, message, member) => {
      const outcome = answered(status, {
        data: null,
        errors: [{ code, message, reference: null }],
        warnings: null,
      });
      expect(resultFor(name, outcome, SPECIFICATIONS[name].args)).toMatchObject(member);
    },
  );

  it("a name clash among other refusals (the facts' own example) is one problem of InvalidBadgeInput, at name", () => {
    const outcome = answered(400, {
      data: null,
      errors: [
        { code: 728, message: 'Atleast one owner is required', reference: 'ownership.restrictedToOwners' },
        { code: 725, message: 'Badge name cannot be duplicate', reference: null },
      ],
      warnings: null,
    });
    expect(resultFor('createBadge', outcome, { input: badgeInput })).toMatchObject({
      __typename: 'InvalidBadgeInput',
      problems: [
        { path: ['ownership', 'restrictedToOwners'], message: 'Atleast one owner is required' },
        { path: ['name'], message: 'Badge name cannot be duplicate' },
      ],
    });
  });

  it.each([
    ['createBadge', 725, 728, ['name']],
    ['createBadgeGroup', 733, 732, ['name']],
  ] as const)(
    '%s: a name clash listed first among other refusals is still one problem of them all',
    (name, clash, other, path) => {
      const outcome = answered(400, {
        data: null,
        errors: [
          { code: clash, message: 'name clash', reference: null },
          { code: other, message: 'other refusal', reference: null },
        ],
        warnings: null,
      });
      const result = resultFor(name, outcome, SPECIFICATIONS[name].args as never) as {
        __typename: string;
        problems: unknown[];
      };
      expect(result.__typename).toMatch(/^Invalid/);
      expect(result.problems).toContainEqual({ path, message: 'name clash' });
    },
  );

  it('a repeat claim (warning 900) is a success that says so', () => {
    const outcome = answered(200, {
      data: claimData,
      errors: null,
      warnings: [{ code: 900, message: 'Badge is already claimed by this owner' }],
    });
    expect(resultFor('claimBadge', outcome, { input: claimInput })).toMatchObject({
      __typename: 'ClaimBadgeSuccess',
      alreadyClaimed: true,
      claim: { ownerType: 'Journeys', referenceId: 'journey-481', active: true },
      warnings: [{ code: 900 }],
    });
  });
});

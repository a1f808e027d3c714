import { commonOutcomes, unexpectedRefusal } from '../../capillary/commonOutcomes.js';
import { defineOperation } from '../../capillary/operation.js';
import type {
  CustomerBadgeHistoryKind,
  CustomerBadgeHistorySort,
  QueryCustomerBadgeHistoryArgs,
} from '../../generated/resolvers-types.js';
import { pageQuery, pageSchema, pagingProblems } from '../paging.js';
import type { ResultUnion } from '../resultUnion.js';
import { historyItemSchema, invalidCustomerBadgeInput } from './customerBadge.js';
import { customerInPath, customerRefCheck, customerRefusals, isoSeconds } from './customerReads.js';

const KINDS: Readonly<Record<CustomerBadgeHistoryKind, string>> = {
  AVAILABLE_TO_ENROL: 'AVAILABLE_TO_ISSUE',
  AVAILABLE: 'AVAILABLE',
  EARNED: 'EARNED',
  EXPIRED: 'EXPIRED',
};

const SORTS: Readonly<Record<CustomerBadgeHistorySort, string>> = {
  EXPIRES_ON: 'EXPIRES_ON',
  LAST_MODIFIED: 'LAST_MODIFIED_DATE',
  LAST_ENROLLED: 'LAST_ISSUED_DATE',
  LAST_EXPIRED: 'LAST_EXPIRED_BADGE',
  LAST_EARN_EVENT: 'LAST_EARNED_EVENT_DATE',
  LAST_EARNED_ON: 'LAST_EARNED_ON_DATE',
};

/** One date filter with its operator (Capillary takes one date and one comparison per field). */
function compared(after: Date | null | undefined, before: Date | null | undefined) {
  if (after != null) return { at: isoSeconds(after), operator: 'GREATER_THAN' };
  if (before != null) return { at: isoSeconds(before), operator: 'LESS_THAN' };
  return { at: undefined, operator: undefined };
}

/**
 * `GET management/{customerId}`: a customer's badges, filtered, sorted and paged
 * from 0. C19's spellings (`expiresOnOperator`, `DEACTIVATED`) are sent.
 */
export const customerBadgeHistory = defineOperation<
  ResultUnion<'CustomerBadgeHistoryResult'>,
  QueryCustomerBadgeHistoryArgs
>()({
  field: 'Query.customerBadgeHistory',
  method: 'GET',
  path: 'management/{customerId}',
  ...customerInPath,
  query: ({ filter, sort, order, page, size }) => {
    const start = compared(filter?.startsAfter, filter?.startsBefore);
    const expiry = compared(filter?.expiresAfter, filter?.expiresBefore);
    return {
      ...pageQuery({ page, size }),
      sortOn: sort == null ? undefined : SORTS[sort],
      order,
      badgeType: filter?.kind == null ? undefined : KINDS[filter.kind],
      name: filter?.name,
      action: filter?.active == null ? undefined : filter.active ? 'ACTIVATED' : 'DEACTIVATED',
      badgeStatus: filter?.status,
      owner: filter?.owner,
      claimedBy: filter?.claimedBy,
      startOn: start.at,
      startOnOperator: start.operator,
      expiresOn: expiry.at,
      expiresOnOperator: expiry.operator,
      groupId: filter?.groupId,
    };
  },
  check: (args) => {
    const { filter } = args;
    const both = (after: unknown, before: unknown, names: [string, string]) =>
      after != null && before != null
        ? [
            {
              path: ['filter', names[1]],
              message: `cannot be combined with ${names[0]} (Capillary takes one)`,
            },
          ]
        : [];
    return [
      ...customerRefCheck(args),
      ...pagingProblems(args),
      ...both(filter?.startsAfter, filter?.startsBefore, ['startsAfter', 'startsBefore']),
      ...both(filter?.expiresAfter, filter?.expiresBefore, ['expiresAfter', 'expiresBefore']),
    ];
  },
  data: pageSchema('customerBadges', historyItemSchema),
  codes: customerRefusals.codes,
  outcomes: {
    success: ({ data }) => ({ __typename: 'CustomerBadgeHistoryPage', ...data }),
    notFound: customerRefusals.notFound,
    invalid: invalidCustomerBadgeInput,
    conflict: unexpectedRefusal,
    ...commonOutcomes,
  },
});

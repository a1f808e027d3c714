import type { Resolvers } from '../generated/resolvers-types.js';
import { Badge } from './Badge.js';
import { BadgeActivationChanged } from './BadgeActivationChanged.js';
import { BadgeCustomField } from './BadgeCustomField.js';
import { BadgeGroup } from './BadgeGroup.js';
import { BadgeOrgMeta } from './BadgeOrgMeta.js';
import { ClaimBadgeSuccess } from './ClaimBadgeSuccess.js';
import { BadgeEarned } from './BadgeEarned.js';
import { Customer } from './Customer.js';
import { CustomerBadge } from './CustomerBadge.js';
import { CustomerBadgeDetail } from './CustomerBadgeDetail.js';
import { CustomerBadgeHistoryItem } from './CustomerBadgeHistoryItem.js';
import { EarnedBadgeRevoked } from './EarnedBadgeRevoked.js';
import { DateTime } from './DateTime.js';
import { Mutation } from './Mutation.js';
import { OrgMetaAlreadyExists } from './OrgMetaAlreadyExists.js';
import { Query } from './Query.js';
import { UnclaimBadgeSuccess } from './UnclaimBadgeSuccess.js';

export const resolvers: Resolvers = {
  Badge,
  BadgeActivationChanged,
  BadgeCustomField,
  BadgeGroup,
  BadgeOrgMeta,
  BadgeEarned,
  ClaimBadgeSuccess,
  Customer,
  CustomerBadge,
  CustomerBadgeDetail,
  CustomerBadgeHistoryItem,
  DateTime,
  EarnedBadgeRevoked,
  Mutation,
  OrgMetaAlreadyExists,
  Query,
  UnclaimBadgeSuccess,
};

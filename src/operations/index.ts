import type { AnyOperation } from '../capillary/operation.js';
import { createBadgeGroup } from './badgeGroups/createBadgeGroup.js';
import { badgeGroups } from './badgeGroups/listBadgeGroups.js';
import { badgeGroup } from './badgeGroups/readBadgeGroup.js';
import { updateBadgeGroup } from './badgeGroups/updateBadgeGroup.js';
import { activateBadge, deactivateBadge } from './badges/badgeActivation.js';
import { badgeFixedWindows } from './badges/badgeFixedWindows.js';
import { claimBadge } from './badges/claimBadge.js';
import { createBadge } from './badges/createBadge.js';
import { badges } from './badges/listBadges.js';
import { badge } from './badges/readBadge.js';
import { unclaimBadge } from './badges/unclaimBadge.js';
import { updateBadge } from './badges/updateBadge.js';
import { customerBadgeHistory } from './customerBadges/customerBadgeHistory.js';
import { earnBadge } from './customerBadges/earnBadge.js';
import { earnBadgeForCustomers } from './customerBadges/earnBadgeForCustomers.js';
import { enrolCustomersInBadge } from './customerBadges/enrolCustomers.js';
import { importEarnedBadges } from './customerBadges/importEarnedBadges.js';
import { customerBadges } from './customerBadges/listCustomerBadges.js';
import { customerBadge } from './customerBadges/readCustomerBadge.js';
import { revokeBadgeEnrolment } from './customerBadges/revokeBadgeEnrolment.js';
import { revokeEarnedBadge } from './customerBadges/revokeEarnedBadge.js';
import { createBadgeCustomField } from './customFields/createBadgeCustomField.js';
import { badgeCustomFields } from './customFields/listBadgeCustomFields.js';
import { badgeCustomField } from './customFields/readBadgeCustomField.js';
import { updateBadgeCustomField } from './customFields/updateBadgeCustomField.js';
import { badgeOrgMeta } from './orgMeta/badgeOrgMeta.js';
import { createBadgeOrgMeta } from './orgMeta/createBadgeOrgMeta.js';
import { updateBadgeOrgMeta } from './orgMeta/updateBadgeOrgMeta.js';

/**
 * The registry: every Capillary operation the gateway serves, declared once
 * (one file each, by area), keyed by its GraphQL field's name. The limits,
 * metrics, request log and tests read it; nothing else keeps a list.
 */
export const registry = {
  createBadgeOrgMeta,
  badgeOrgMeta,
  updateBadgeOrgMeta,
  createBadge,
  updateBadge,
  badge,
  badges,
  badgeFixedWindows,
  claimBadge,
  unclaimBadge,
  activateBadge,
  deactivateBadge,
  createBadgeGroup,
  updateBadgeGroup,
  badgeGroup,
  badgeGroups,
  createBadgeCustomField,
  updateBadgeCustomField,
  badgeCustomField,
  badgeCustomFields,
  customerBadges,
  customerBadgeHistory,
  customerBadge,
  enrolCustomersInBadge,
  earnBadge,
  earnBadgeForCustomers,
  revokeBadgeEnrolment,
  revokeEarnedBadge,
  importEarnedBadges,
} as const;

export type OperationName = keyof typeof registry;

export const operations: readonly AnyOperation[] = Object.values(registry);

export {
  activateBadge,
  badge,
  badgeCustomField,
  badgeCustomFields,
  badgeFixedWindows,
  badgeGroup,
  badgeGroups,
  badgeOrgMeta,
  badges,
  claimBadge,
  createBadge,
  createBadgeCustomField,
  createBadgeGroup,
  createBadgeOrgMeta,
  customerBadge,
  customerBadgeHistory,
  customerBadges,
  deactivateBadge,
  earnBadge,
  earnBadgeForCustomers,
  enrolCustomersInBadge,
  importEarnedBadges,
  revokeBadgeEnrolment,
  revokeEarnedBadge,
  unclaimBadge,
  updateBadge,
  updateBadgeCustomField,
  updateBadgeGroup,
  updateBadgeOrgMeta,
};

import type { AnyOperation } from '../capillary/operation.js';
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
} as const;

export type OperationName = keyof typeof registry;

export const operations: readonly AnyOperation[] = Object.values(registry);

export { badgeOrgMeta, createBadgeOrgMeta, updateBadgeOrgMeta };

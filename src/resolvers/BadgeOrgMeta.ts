import type { BadgeOrgMetaResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';
import { referenced } from './entityReference.js';

export const BadgeOrgMeta: BadgeOrgMetaResolvers = {
  /**
   * An entity reference resolves only for the caller's own org: null when the org
   * has no meta or the credentials belong to another org.
   */
  async __resolveReference({ orgId }, { read }) {
    const found = referenced(await read(registry.badgeOrgMeta, {}), 'BadgeOrgMeta');
    return found?.orgId === orgId ? found : null;
  },
};

import type { OrgMetaAlreadyExistsResolvers } from '../generated/resolvers-types.js';
import { registry } from '../operations/index.js';

export const OrgMetaAlreadyExists: OrgMetaAlreadyExistsResolvers = {
  /** The request's one read of the org meta (shared by every `existing`), within the create's deadline. */
  async existing({ orgId, deadline }, _args, { read }) {
    const stored = await read(registry.badgeOrgMeta, {}, deadline);
    return stored.__typename === 'BadgeOrgMeta' && stored.orgId === orgId ? stored : null;
  },
};

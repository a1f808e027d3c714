import { readOrgMeta } from '../badges/orgMeta.js';
import type { OrgMetaAlreadyExistsResolvers } from '../generated/resolvers-types.js';

export const OrgMetaAlreadyExists: OrgMetaAlreadyExistsResolvers = {
  async existing({ orgId, deadline }, _args, { badges, credentials }) {
    const stored = await readOrgMeta(badges, credentials, deadline);
    return stored.__typename === 'BadgeOrgMeta' && stored.orgId === orgId ? stored : null;
  },
};

import { mapCreateOrgMeta } from '../badges/envelope.js';
import { orgMetaInputProblems } from '../badges/validation.js';
import type { MutationResolvers } from '../generated/resolvers-types.js';

export const Mutation: MutationResolvers = {
  async createBadgeOrgMeta(_parent, { input }, { badges, credentials }) {
    if (credentials === null) {
      return {
        __typename: 'BadgesAuthenticationFailed',
        message: 'No Capillary credentials: send an Authorization (Basic) or X-CAP-API-OAUTH-TOKEN header.',
        upstreamErrors: [],
      };
    }
    const problems = orgMetaInputProblems(input);
    if (problems.length > 0) {
      return {
        __typename: 'InvalidOrgMetaInput',
        message: 'The org meta input is invalid; nothing was sent to Capillary. See problems.',
        upstreamErrors: [],
        problems,
      };
    }
    return mapCreateOrgMeta(await badges.createOrgMeta(input, credentials));
  },
};

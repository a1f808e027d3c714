import type { BadgesClient, Credentials, Deadline } from './client.js';
import type {
  BadgeOrgMetaResult,
  BadgesAuthenticationFailed,
  CreateBadgeOrgMetaResult,
  InvalidOrgMetaInput,
  OrgMetaInput,
  UpdateBadgeOrgMetaResult,
} from './domain.js';
import { mapCreateOrgMeta, mapReadOrgMeta, mapUpdateOrgMeta } from './envelope.js';
import { orgMetaInputProblems } from './validation.js';

/**
 * The org meta operations as the resolvers use them: what the gateway decides on
 * its own (no credentials, invalid input) without calling Capillary, then one
 * call and the mapping of its outcome.
 */

export async function createOrgMeta(
  badges: BadgesClient,
  credentials: Credentials | null,
  input: OrgMetaInput,
  deadline: Deadline,
): Promise<CreateBadgeOrgMetaResult> {
  if (credentials === null) return NO_CREDENTIALS;
  const invalid = invalidInput(input);
  if (invalid !== null) return invalid;
  return mapCreateOrgMeta(await badges.createOrgMeta(input, credentials, deadline));
}

export async function updateOrgMeta(
  badges: BadgesClient,
  credentials: Credentials | null,
  input: OrgMetaInput,
  deadline: Deadline,
): Promise<UpdateBadgeOrgMetaResult> {
  if (credentials === null) return NO_CREDENTIALS;
  const invalid = invalidInput(input);
  if (invalid !== null) return invalid;
  return mapUpdateOrgMeta(await badges.updateOrgMeta(input, credentials, deadline));
}

export async function readOrgMeta(
  badges: BadgesClient,
  credentials: Credentials | null,
  deadline: Deadline,
): Promise<BadgeOrgMetaResult> {
  if (credentials === null) return NO_CREDENTIALS;
  return mapReadOrgMeta(await badges.readOrgMeta(credentials, deadline));
}

const NO_CREDENTIALS: BadgesAuthenticationFailed = {
  __typename: 'BadgesAuthenticationFailed',
  message: 'No Capillary credentials: send an Authorization (Basic) or X-CAP-API-OAUTH-TOKEN header.',
  upstreamErrors: [],
  requestId: null,
};

function invalidInput(input: OrgMetaInput): InvalidOrgMetaInput | null {
  const problems = orgMetaInputProblems(input);
  if (problems.length === 0) return null;
  return {
    __typename: 'InvalidOrgMetaInput',
    message: 'The org meta input is invalid; nothing was sent to Capillary. See problems.',
    upstreamErrors: [],
    requestId: null,
    problems,
  };
}

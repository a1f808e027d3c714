import type { Resolvers } from '../generated/resolvers-types.js';
import { BadgeOrgMeta } from './BadgeOrgMeta.js';
import { DateTime } from './DateTime.js';
import { Mutation } from './Mutation.js';
import { OrgMetaAlreadyExists } from './OrgMetaAlreadyExists.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = { BadgeOrgMeta, DateTime, Mutation, OrgMetaAlreadyExists, Query };

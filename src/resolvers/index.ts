import type { Resolvers } from '../generated/resolvers-types.js';
import { DateTime } from './DateTime.js';
import { Mutation } from './Mutation.js';

export const resolvers: Resolvers = { DateTime, Mutation };

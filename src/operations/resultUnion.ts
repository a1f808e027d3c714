import type { ResolversTypes, ResolversUnionTypes } from '../generated/resolvers-types.js';

/**
 * A result union as codegen generated it from the schema, with each member's
 * mapped domain type: the type an operation's outcome table must return.
 */
export type ResultUnion<N extends keyof ResolversUnionTypes<ResolversTypes>> =
  ResolversUnionTypes<ResolversTypes>[N];

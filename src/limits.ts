import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Config } from './config.js';

/** The fields whose resolvers call Capillary, by parent type. */
const UPSTREAM_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Query: ['badgeOrgMeta', '_entities'],
  Mutation: ['createBadgeOrgMeta', 'updateBadgeOrgMeta'],
  OrgMetaAlreadyExists: ['existing'],
};

export type LimitsConfig = Pick<
  Config,
  'maxUpstreamFields' | 'maxDepth' | 'maxAliases' | 'maxTokens' | 'maxDirectives'
>;

/**
 * Every limit on a GraphQL request, checked before execution: a rejected
 * operation is a GraphQL error and costs no upstream call.
 */
export function requestLimits(config: LimitsConfig): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: config.maxDirectives },
    // graphql-js counts tokens while parsing (parseOptions below), at no extra cost.
    maxTokens: { enabled: false },
    // The upstream-field limit is this gateway's real cost bound; depth and aliases bound the rest.
    costLimit: { enabled: false },
    // Apollo Server's own plugin hides suggestions, in production only (see gateway.ts).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // With the two plugin-based protections off, armor contributes validation rules only.
  return {
    validationRules: [...armor.validationRules, upstreamFieldLimit(config.maxUpstreamFields)],
    parseOptions: { maxTokens: config.maxTokens },
  };
}

/**
 * At most `max` selections of upstream-calling fields per operation, counting
 * every alias and every fragment spread where it is used.
 */
export function upstreamFieldLimit(max: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation);
      if (root == null) return;
      const count = countUpstreamFields(context, root, operation.selectionSet, new Set());
      if (count > max) {
        context.reportError(
          new GraphQLError(
            `This operation would call Capillary ${count} times; at most ${max} ${max === 1 ? 'call is' : 'calls are'} allowed per operation.`,
            { nodes: [operation] },
          ),
        );
      }
    },
  });
}

function countUpstreamFields(
  context: ValidationContext,
  parent: GraphQLNamedType,
  selectionSet: SelectionSetNode,
  fragmentsInPath: ReadonlySet<string>,
): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (UPSTREAM_FIELDS[parent.name]?.includes(selection.name.value)) count++;
      if (selection.selectionSet === undefined) continue;
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      if (field === undefined) continue;
      count += countUpstreamFields(
        context,
        getNamedType(field.type),
        selection.selectionSet,
        fragmentsInPath,
      );
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const typeName = selection.typeCondition?.name.value;
      const type = typeName === undefined ? parent : context.getSchema().getType(typeName);
      if (type != null) {
        count += countUpstreamFields(context, type, selection.selectionSet, fragmentsInPath);
      }
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      if (fragment == null || fragmentsInPath.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value);
      if (type != null) {
        count += countUpstreamFields(
          context,
          type,
          fragment.selectionSet,
          new Set([...fragmentsInPath, name]),
        );
      }
    }
  }
  return count;
}

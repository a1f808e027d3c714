import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { Config } from '../config.js';
import type { AnyOperation } from '../capillary/operation.js';

/**
 * The fields whose resolvers call Capillary, by parent type, from the registry:
 * each operation's field, the others that make its call, and `_entities` when
 * an entity resolves through one.
 */
export function upstreamFields(
  operations: readonly AnyOperation[],
): ReadonlyMap<string, ReadonlySet<string>> {
  const coordinates = operations.flatMap((operation) => [
    operation.field,
    ...(operation.alsoCalledBy ?? []),
    ...(operation.entity === undefined ? [] : ['Query._entities']),
  ]);
  const byType = new Map<string, Set<string>>();
  for (const coordinate of coordinates) {
    const [type = '', field = ''] = coordinate.split('.');
    byType.set(type, (byType.get(type) ?? new Set()).add(field));
  }
  return byType;
}

export type LimitsConfig = Pick<
  Config,
  | 'maxUpstreamFields'
  | 'maxFields'
  | 'maxDepth'
  | 'maxAliases'
  | 'maxTokens'
  | 'maxDirectives'
  | 'subgraphSdl'
>;

/**
 * Every limit on a GraphQL request, checked before execution: a rejected
 * operation is a GraphQL error and costs no upstream call. Each rule is linear
 * in the document; the document is bounded by MAX_TOKENS (counted by the
 * parser, which keeps no locations), and the work that execution may do after
 * fragments are expanded by MAX_FIELDS.
 */
export function requestLimits(
  config: LimitsConfig,
  operations: readonly AnyOperation[],
): {
  validationRules: ValidationRule[];
  parseOptions: { maxTokens: number; noLocation: true };
} {
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxDepth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: config.maxAliases },
    maxDirectives: { n: config.maxDirectives },
    // graphql-js counts tokens while parsing (parseOptions below), at no extra cost.
    maxTokens: { enabled: false },
    // The upstream-field limit and MAX_UPSTREAM_CALLS (context.ts) bound the cost; depth and aliases the rest.
    costLimit: { enabled: false },
    // Apollo Server's own plugin hides suggestions, in production only (see pipeline.ts).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  // With the two plugin-based protections off, armor contributes validation rules only.
  return {
    validationRules: [
      ...armor.validationRules,
      operationSizeLimits(upstreamFields(operations), config.maxUpstreamFields, config.maxFields),
      ...(config.subgraphSdl ? [] : [noSubgraphSdl]),
    ],
    // A cached document keeps no tokens nor the request's source text (a comment can pad it to MAX_REQUEST_BYTES).
    parseOptions: { maxTokens: config.maxTokens, noLocation: true },
  };
}

/** What an operation would do, with every fragment spread expanded where it is used. */
interface Size {
  /** Selections of fields that call Capillary. */
  readonly upstream: number;
  /** Field selections the executor would resolve (per parent object). */
  readonly fields: number;
}

const NOTHING: Size = { upstream: 0, fields: 0 };

/**
 * At most `maxUpstream` selections of upstream-calling fields per operation,
 * counting every alias and every fragment spread where it is used, and at most
 * `maxFields` field selections with fragments expanded. Linear in the document:
 * each fragment is sized once and multiplied by its uses; a fragment that
 * spreads itself counts nothing more (graphql-js reports the cycle).
 */
export function operationSizeLimits(
  upstream: ReadonlyMap<string, ReadonlySet<string>>,
  maxUpstream: number,
  maxFields: number,
): ValidationRule {
  return (context: ValidationContext) => {
    const sizer = new OperationSizer(context, upstream);
    return {
      OperationDefinition(operation) {
        const root = context.getSchema().getRootType(operation.operation);
        if (root == null) return;
        const { upstream, fields } = sizer.selections(root, operation.selectionSet);
        if (upstream > maxUpstream) {
          context.reportError(
            new GraphQLError(
              `This operation would call Capillary ${shown(upstream)} times; at most ${maxUpstream} ${maxUpstream === 1 ? 'call is' : 'calls are'} allowed per operation.`,
              { nodes: [operation] },
            ),
          );
        }
        if (fields > maxFields) {
          context.reportError(
            new GraphQLError(
              `This operation selects ${shown(fields)} fields once its fragments are expanded; at most ${maxFields} are allowed.`,
              { nodes: [operation] },
            ),
          );
        }
      },
    };
  };
}

class OperationSizer {
  readonly #schema: GraphQLSchema;
  readonly #context: ValidationContext;
  /** Each fragment's size, computed once per document; `null` while it is being computed. */
  readonly #fragments = new Map<string, Size | null>();
  readonly #upstream: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(context: ValidationContext, upstream: ReadonlyMap<string, ReadonlySet<string>>) {
    this.#context = context;
    this.#schema = context.getSchema();
    this.#upstream = upstream;
  }

  selections(parent: GraphQLNamedType, selectionSet: SelectionSetNode): Size {
    let upstream = 0;
    let fields = 0;
    for (const selection of selectionSet.selections) {
      let inner: Size = NOTHING;
      if (selection.kind === Kind.FIELD) {
        fields++;
        if (this.#upstream.get(parent.name)?.has(selection.name.value) === true) upstream++;
        const field =
          isObjectType(parent) || isInterfaceType(parent)
            ? parent.getFields()[selection.name.value]
            : undefined;
        if (selection.selectionSet !== undefined && field !== undefined) {
          inner = this.selections(getNamedType(field.type), selection.selectionSet);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName === undefined ? parent : this.#schema.getType(typeName);
        if (type != null) inner = this.selections(type, selection.selectionSet);
      } else {
        inner = this.#fragment(this.#context.getFragment(selection.name.value));
      }
      upstream += inner.upstream;
      fields += inner.fields;
    }
    return { upstream, fields };
  }

  #fragment(fragment: FragmentDefinitionNode | null | undefined): Size {
    if (fragment == null) return NOTHING;
    const name = fragment.name.value;
    const known = this.#fragments.get(name);
    if (known !== undefined) return known ?? NOTHING;
    this.#fragments.set(name, null);
    const type = this.#schema.getType(fragment.typeCondition.name.value);
    const size = type == null ? NOTHING : this.selections(type, fragment.selectionSet);
    this.#fragments.set(name, size);
    return size;
  }
}

/** Sizes of a fragment bomb reach 2^(levels): past a billion, the exact figure says nothing. */
function shown(count: number): string {
  return count > 1e9 ? 'more than a billion' : String(count);
}

/**
 * `_service { sdl }` gives the whole documented schema: refused like
 * introspection unless SUBGRAPH_SDL allows it (a Router that composes from the
 * live subgraph needs it).
 */
export const noSubgraphSdl: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value === '_service' && context.getParentType() === context.getSchema().getQueryType()) {
      context.reportError(
        new GraphQLError(
          'The subgraph schema (_service) is not served by this deployment (SUBGRAPH_SDL is off).',
          { nodes: [node] },
        ),
      );
    }
  },
});

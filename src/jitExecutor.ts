import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { getVariableValues, GraphQLError, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type GatewayInterface = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];

/** Compiled operations kept; beyond this the oldest is compiled again when next used. */
const MAX_COMPILED = 1_000;

/**
 * Runs operations through graphql-jit instead of graphql-js, keeping Apollo
 * Server's pipeline (parsing, validation and its document cache, plugins, error
 * formatting) by plugging in through Apollo's `gateway` hook. Each operation is
 * compiled once per document and operation name.
 *
 * The trade: Apollo's per-field plugin hooks do not run, so federated tracing
 * (`ftv1`) is off in this mode (GRAPHQL_EXECUTOR=graphql-js brings it back).
 */
export function jitExecutor(schema: GraphQLSchema): GatewayInterface {
  const compiled = new Map<string, CompiledQuery | ExecutionResult>();
  let announce:
    ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;

  function compiledFor(key: string, compile: () => CompiledQuery | ExecutionResult) {
    let entry = compiled.get(key);
    if (entry === undefined) {
      entry = compile();
      if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value ?? '');
      compiled.set(key, entry);
    }
    return entry;
  }

  return {
    onSchemaLoadOrUpdate(callback) {
      announce = callback;
      return () => {
        announce = undefined;
      };
    },
    load() {
      announce?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return Promise.resolve({
        async executor(requestContext) {
          const { document, operationName, queryHash, request, context } = requestContext;
          const query = compiledFor(`${queryHash}:${operationName ?? ''}`, () =>
            compileQuery(schema, document, operationName ?? undefined),
          );
          if (!isCompiledQuery(query)) return query;
          const result = await query.query(undefined, context, request.variables ?? {});
          if (result.errors === undefined) return result;
          if ('data' in result)
            return { ...result, errors: result.errors.map((error) => withExtensions(error)) };
          // No data at all: the variables could not be coerced. Answer as Apollo Server does
          // with graphql-js (its messages, BAD_USER_INPUT, HTTP 400), at no cost to valid requests.
          const reference = getVariableValues(
            schema,
            requestContext.operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          const errors = reference.errors ?? result.errors;
          if (requestContext.response?.http !== undefined) requestContext.response.http.status = 400;
          return {
            errors: errors.map(
              (error) =>
                new GraphQLError(error.message, {
                  nodes: error.nodes,
                  originalError: error.originalError ?? undefined,
                  extensions: { ...error.extensions, code: 'BAD_USER_INPUT' },
                }),
            ),
          };
        },
      });
    },
    stop() {
      compiled.clear();
      return Promise.resolve();
    },
  };
}

/**
 * graphql-jit builds some errors (variable coercion) without `extensions`, which
 * Apollo Server's error formatting requires; they are rebuilt with them.
 */
function withExtensions(error: GraphQLError): GraphQLError {
  const extensions: unknown = error.extensions;
  if (typeof extensions === 'object' && extensions !== null) return error;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    path: error.path,
    originalError: error.originalError ?? undefined,
    extensions: {},
  });
}

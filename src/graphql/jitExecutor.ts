import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  execute,
  getVariableValues,
  GraphQLError,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';

type GatewayInterface = ApolloServerOptionsWithGateway<Record<string, unknown>>['gateway'];

/**
 * Heap held by one compiled operation, estimated from its document: measured on
 * Node 24 at ~16 KiB plus ~4 bytes per byte of the document's JSON, the parsed
 * document included (the compiled operation keeps it alive after the document
 * cache has let it go).
 */
export function compiledBytes(document: DocumentNode): number {
  return 16_384 + 4 * JSON.stringify(document).length;
}

/**
 * Runs operations through graphql-jit instead of graphql-js, keeping Apollo
 * Server's pipeline (parsing, validation and its document cache, plugins, error
 * formatting) by plugging in through Apollo's `gateway` hook. Each operation is
 * compiled once per document and operation name.
 *
 * The trade: Apollo's per-field plugin hooks do not run, so federated tracing
 * (`ftv1`) is off in this mode (GRAPHQL_EXECUTOR=graphql-js brings it back).
 */
export function jitExecutor(schema: GraphQLSchema, cacheBytes: number): GatewayInterface {
  // Least recently used first out, by estimated bytes: whatever clients send, the cache stays bounded.
  const compiled =
    cacheBytes > 0
      ? new LRUCache<string, { readonly query: CompiledQuery; readonly bytes: number }>({
          maxSize: cacheBytes,
          sizeCalculation: (entry) => entry.bytes,
        })
      : null;
  let announce:
    ((schemaContext: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void) | undefined;

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
          // Typed as always set, but Apollo Server leaves it undefined when operationName matched
          // nothing; graphql-jit would then run the document's only operation. The gateway's
          // operation check (pipeline.ts) refuses such a request before it gets here.
          const operation = requestContext.operation as OperationDefinitionNode | undefined;
          if (operation === undefined) {
            return { errors: [new GraphQLError('No operation in the document matches operationName.')] };
          }
          const key = `${queryHash}:${operationName ?? ''}`;
          let query = compiled?.get(key)?.query;
          if (query === undefined) {
            const result = compileQuery(schema, document, operationName ?? undefined);
            // Failures are answered, never kept.
            if (!isCompiledQuery(result)) return result;
            query = result;
            compiled?.set(key, { query, bytes: compiledBytes(document) });
          }
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
          if (reference.errors === undefined) {
            // graphql-js accepts what graphql-jit refused: graphql-jit does not apply the defaults
            // of input object fields (`active: Boolean! = true`). Such a request runs on graphql-js.
            return execute({
              schema,
              document,
              operationName,
              contextValue: context,
              variableValues: request.variables ?? {},
            });
          }
          const { errors } = reference;
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
      compiled?.clear();
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

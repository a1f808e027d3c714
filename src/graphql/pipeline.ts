import type { Server } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError } from 'graphql';
import type { Config } from '../config.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { operations } from '../operations/index.js';
import type { Context } from './context.js';
import { operationRecorder, recordFieldResults } from './instrumentation.js';
import { jitExecutor } from './jitExecutor.js';
import { requestLimits } from './limits.js';
import { sandboxLandingPage } from './sandbox.js';
import { buildSchema } from './schema.js';

export const INTERNAL_ERROR_MESSAGE = 'Internal server error';

export interface PipelineOptions {
  readonly config: Config;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Drained by Apollo Server when it stops. */
  readonly httpServer: Server;
}

/**
 * The GraphQL pipeline: the schema built once, the request limits, the
 * executor (graphql-jit or graphql-js), error formatting, and the plugins that
 * feed logs and metrics. Started, it answers HTTP GraphQL requests handed to
 * it by the HTTP front (src/http/server.ts).
 */
export async function startGraphQLPipeline(options: PipelineOptions): Promise<ApolloServer<Context>> {
  const { config, logger, metrics, httpServer } = options;
  const limits = requestLimits(config, operations);
  const schema = buildSchema();
  recordFieldResults(schema, operations, metrics);
  const shared = {
    logger,
    csrfPrevention: true,
    // serve.ts owns shutdown: it drains, then closes the upstream pool.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Only validated documents are stored (Apollo Server), sized by what they hold in memory.
    documentStore:
      config.documentCacheBytes > 0
        ? new InMemoryLRUCache<DocumentNode>({
            maxSize: config.documentCacheBytes,
            sizeCalculation: documentBytes,
          })
        : null,
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    formatError: config.production ? forProduction : undefined,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Nothing here is cacheable, and the default plugin hooks every field of every request.
      ApolloServerPluginCacheControlDisabled(),
      // Federated tracing (ftv1) needs per-field hooks, which only the graphql-js executor runs.
      // Loaded only for graphql-js: it brings Apollo's protobuf trace encoder.
      config.graphqlExecutor === 'jit'
        ? ApolloServerPluginInlineTraceDisabled()
        : (await import('@apollo/server/plugin/inlineTrace')).ApolloServerPluginInlineTrace(),
      config.sandbox ? sandboxLandingPage() : ApolloServerPluginLandingPageDisabled(),
      ...(config.production ? [ApolloServerPluginDisableSuggestions()] : []),
      requireResolvedOperation(),
      operationRecorder(metrics, logger),
    ],
  };
  const apollo =
    config.graphqlExecutor === 'jit'
      ? new ApolloServer<Context>({ ...shared, gateway: jitExecutor(schema, config.compiledCacheBytes) })
      : new ApolloServer<Context>({ ...shared, schema });
  await apollo.start();
  return apollo;
}

/**
 * In production, errors that are not the client's fault say nothing about the
 * internals (operationRecorder logs them whole), and no message suggests a
 * schema name ("Did you mean …?"), whichever phase wrote it.
 */
function forProduction(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
    return { message: INTERNAL_ERROR_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  return { ...formatted, message: formatted.message.replace(/ ?Did you mean .+?\?$/, '') };
}

/**
 * Heap held by a parsed document (parsed without locations): measured on Node 24
 * at 2.1–2.4 times the length of its JSON, which Apollo Server's default counts once.
 */
export function documentBytes(document: DocumentNode): number {
  return 3 * JSON.stringify(document).length;
}

/**
 * An operationName that names no operation of the document (or none sent for a
 * document of several) is the client's error: HTTP 400, and nothing runs. Without
 * this, an executor could run the document's only operation, a mutation over GET included.
 */
function requireResolvedOperation(): ApolloServerPlugin<Context> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, request }) {
          if (operation !== undefined) return Promise.resolve();
          const name = request.operationName;
          throw new GraphQLError(
            name == null
              ? 'The document holds several operations: send operationName to choose one.'
              : `The document has no operation named "${name}".`,
            { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } },
          );
        },
      });
    },
  };
}

import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { AttemptRecord } from '../badges/client.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import type { Context } from '../context.js';

/** The root fields whose results are logged and counted by union member. */
const RESULT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Query: ['badgeOrgMeta'],
  Mutation: ['createBadgeOrgMeta', 'updateBadgeOrgMeta'],
};

/** For the upstream client: every attempt goes to the metrics (the context's deadline notes it for the log). */
export function attemptObserver(metrics: Metrics): (attempt: AttemptRecord) => void {
  return (attempt) => {
    metrics.upstreamAttempt(attempt);
  };
}

/**
 * Wraps the resolvers of the result fields once, at start-up, so that each
 * result's `__typename` reaches the log line and the metrics without a
 * per-field plugin hook on every field of every request.
 */
export function recordFieldResults(schema: GraphQLSchema, metrics: Metrics): void {
  for (const [typeName, fieldNames] of Object.entries(RESULT_FIELDS)) {
    const fields = schema.getType(typeName);
    if (fields === undefined || !('getFields' in fields)) continue;
    for (const fieldName of fieldNames) {
      const field = fields.getFields()[fieldName];
      if (field === undefined || !('resolve' in field)) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = async (source, args, context: Context, info) => {
        let result: unknown;
        try {
          result = await resolve(source, args, context, info);
        } catch (error) {
          record(metrics, context, fieldName, 'error', null);
          throw error;
        }
        record(metrics, context, fieldName, typenameOf(result), causeOf(result));
        return result;
      };
    }
  }
}

function record(metrics: Metrics, context: Context, field: string, result: string, cause: unknown): void {
  metrics.fieldResult(field, result);
  if (cause === 'MALFORMED_RESPONSE') metrics.malformedAnswer();
  context.record.results.push({ field, result });
}

function typenameOf(value: unknown): string {
  return typeof value === 'object' &&
    value !== null &&
    '__typename' in value &&
    typeof value.__typename === 'string'
    ? value.__typename
    : 'unknown';
}

function causeOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'cause' in value ? value.cause : null;
}

/**
 * Operation name, type and GraphQL errors, onto the request's record and the
 * metrics. An error that is not the client's (no code, or INTERNAL_SERVER_ERROR:
 * a bug) is logged whole with the request id, since production answers only
 * "Internal server error".
 */
export function operationRecorder(metrics: Metrics, logger: Logger): ApolloServerPlugin<Context> {
  return {
    requestDidStart({ contextValue: { record } }) {
      return Promise.resolve({
        didResolveOperation({ operationName, operation }) {
          record.operationName = operationName ?? null;
          record.operationType = operation?.operation ?? null;
          return Promise.resolve();
        },
        didEncounterErrors({ errors }) {
          record.errors += errors.length;
          for (const error of errors) {
            const code = error.extensions.code;
            if (code !== undefined && code !== 'INTERNAL_SERVER_ERROR') continue;
            logger.error(
              { requestId: record.requestId, err: error.originalError ?? error, path: error.path },
              'internal error while answering a GraphQL request',
            );
          }
          return Promise.resolve();
        },
        willSendResponse() {
          metrics.graphqlRequest(record.operationType, record.errors > 0);
          return Promise.resolve();
        },
      });
    },
  };
}

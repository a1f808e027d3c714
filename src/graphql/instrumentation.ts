import type { ApolloServerPlugin } from '@apollo/server';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { AnyOperation } from '../capillary/operation.js';
import type { Context } from './context.js';

/**
 * Wraps the resolver of every operation's result field once, at start-up, so
 * that each result's `__typename` reaches the log line and the metrics without
 * a per-field plugin hook on every field of every request. A registered field
 * missing from the schema is a start-up error, never a silent gap.
 */
export function recordFieldResults(
  schema: GraphQLSchema,
  operations: readonly AnyOperation[],
  metrics: Metrics,
): void {
  for (const { field: coordinate } of operations) {
    const [typeName = '', fieldName = ''] = coordinate.split('.');
    const type = schema.getType(typeName);
    const field = type !== undefined && 'getFields' in type ? type.getFields()[fieldName] : undefined;
    if (field === undefined || !('resolve' in field)) {
      throw new Error(`The registry names ${coordinate}, which the schema does not have`);
    }
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: Context, info) => {
      let result: unknown;
      try {
        result = await resolve(source, args, context, info);
      } catch (error) {
        record(metrics, context, fieldName, 'error', null);
        throw error;
      }
      const member = outcomeOf(result);
      record(metrics, context, fieldName, typenameOf(member), causeOf(member));
      return result;
    };
  }
}

function record(metrics: Metrics, context: Context, field: string, result: string, cause: unknown): void {
  metrics.fieldResult(field, result);
  if (cause === 'MALFORMED_RESPONSE') metrics.malformedAnswer();
  context.record.results.push({ field, result });
}

/** A keyed write's result carries its member in `outcome`, beside the idempotency key. */
function outcomeOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'outcome' in value ? value.outcome : value;
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

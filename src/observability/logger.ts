import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Top-level keys never written, should a log call be handed one by mistake.
 * (No wildcards: they would cost every line a walk of the whole object.)
 */
const REDACTED = [
  'authorization',
  '["x-cap-api-oauth-token"]',
  'headers',
  'body',
  'variables',
  'credentials',
];

export interface LoggerOptions {
  readonly level: string;
  readonly production: boolean;
  /** Where lines go; by default stdout, written asynchronously. */
  readonly destination?: DestinationStream;
}

/**
 * JSON lines for machines; readable lines in a terminal outside production
 * (pino-pretty, a development dependency, when it is installed).
 */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  const settings = {
    level: options.level,
    base: { service: 'badges-graphql-gateway' },
    // Epoch milliseconds (pino's default): ISO formatting costs every line; log tools read either.
    timestamp: pino.stdTimeFunctions.epochTime,
    redact: { paths: REDACTED, censor: '[redacted]' },
  };
  if (options.destination !== undefined) return pino(settings, options.destination);
  if (!options.production && process.stdout.isTTY) {
    const pretty = await import('pino-pretty').catch(() => null);
    if (pretty !== null)
      return pino(settings, pretty.default({ colorize: true, translateTime: 'SYS:HH:MM:ss.l' }));
  }
  // Asynchronous writes, one per line: batching them earned under 5 % (docs/performance.md).
  return pino(settings, pino.destination({ dest: 1, sync: false }));
}

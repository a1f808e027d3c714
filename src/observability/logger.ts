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
  /** Stdout is written when this many bytes of lines wait (and at least every 200 ms); 0: each line at once. */
  readonly batchBytes?: number;
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
  // By default lines are written in batches of 4 KiB, at most 200 ms after they were logged: one
  // write for ~10 lines under load instead of one each (pino writes what is left at exit).
  const batchBytes = options.batchBytes ?? 4_096;
  return pino(
    settings,
    pino.destination(
      batchBytes === 0
        ? { dest: 1, sync: false }
        : { dest: 1, sync: false, minLength: batchBytes, periodicFlush: 200 },
    ),
  );
}

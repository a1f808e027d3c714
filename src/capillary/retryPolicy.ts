import type { UpstreamOutcome } from './client.js';

/**
 * When a call to Capillary is tried again: only where that cannot apply a change
 * twice. Any method once when the connection was refused (nothing was sent);
 * GET also on 429, 502, 503, 504 and broken connections, with backoff or
 * `Retry-After`. Writes are never repeated once something may have been sent.
 */

/** Retries never start when less than this is left of the deadline. */
export const MIN_ATTEMPT_MS = 50;
const GET_ATTEMPTS = 3;
const RETRYABLE_GET_STATUSES = new Set([429, 502, 503, 504]);

/** How long to wait before the next attempt, or null for no further attempt. */
export function retryDelayMs(method: string, outcome: UpstreamOutcome, attempt: number): number | null {
  if (outcome.kind === 'unreachable' && outcome.reason === 'refused' && attempt === 1) return 0;
  if (method !== 'GET' || attempt >= GET_ATTEMPTS) return null;
  const backoffMs = 100 * 2 ** (attempt - 1) * (0.5 + Math.random() / 2);
  if (outcome.kind === 'unreachable') return backoffMs;
  if (outcome.kind !== 'answered' || !RETRYABLE_GET_STATUSES.has(outcome.status)) return null;
  return outcome.retryAfterSeconds === null ? backoffMs : outcome.retryAfterSeconds * 1000;
}

/** `Retry-After` as whole seconds from `now`: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (!HTTP_DATE.test(trimmed)) return null;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

/** RFC 9110's IMF-fixdate, the one form of HTTP date senders must use. */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

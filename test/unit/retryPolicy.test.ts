import { describe, expect, it } from 'vitest';
import type { UpstreamOutcome } from '../../src/capillary/client.js';
import { parseRetryAfter, retryDelayMs } from '../../src/capillary/retryPolicy.js';

const refused: UpstreamOutcome = { kind: 'unreachable', reason: 'refused' };
const reset: UpstreamOutcome = { kind: 'unreachable', reason: 'reset' };
const timeout: UpstreamOutcome = { kind: 'timeout', timeoutMs: 1000 };
function answered(status: number, retryAfterSeconds: number | null = null): UpstreamOutcome {
  return { kind: 'answered', status, body: '', requestId: null, retryAfterSeconds };
}

describe('retryDelayMs', () => {
  it.each(['POST', 'PUT', 'GET'])('retries %s once, at once, when the connection was refused', (method) => {
    expect(retryDelayMs(method, refused, 1)).toBe(0);
  });

  it.each(['POST', 'PUT'])('never replays %s that may have reached the upstream', (method) => {
    for (const outcome of [reset, timeout, answered(502), answered(503), answered(429, 1), answered(500)]) {
      expect(retryDelayMs(method, outcome, 1)).toBeNull();
    }
    expect(retryDelayMs(method, refused, 2)).toBeNull();
  });

  it.each([429, 502, 503, 504])('retries GET on HTTP %i with backoff', (status) => {
    const delay = retryDelayMs('GET', answered(status), 1);
    expect(delay).toBeGreaterThanOrEqual(50);
    expect(delay).toBeLessThanOrEqual(100);
  });

  it('retries GET on a broken connection, with growing backoff', () => {
    expect(retryDelayMs('GET', reset, 2)).toBeGreaterThanOrEqual(100);
    expect(retryDelayMs('GET', reset, 2)).toBeLessThanOrEqual(200);
  });

  it('honours Retry-After on GET', () => {
    expect(retryDelayMs('GET', answered(503, 2), 1)).toBe(2000);
  });

  it.each([200, 400, 401, 404, 409, 500])('does not retry GET on HTTP %i', (status) => {
    expect(retryDelayMs('GET', answered(status), 1)).toBeNull();
  });

  it('makes at most three GET attempts', () => {
    expect(retryDelayMs('GET', answered(503), 3)).toBeNull();
  });

  it('does not retry a timeout: the deadline is spent', () => {
    expect(retryDelayMs('GET', timeout, 1)).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-26T12:00:00Z');

  it.each([
    ['120', 120],
    [' 0 ', 0],
    ['Thu, 26 Nov 2026 12:00:30 GMT', 30],
    ['Thu, 26 Nov 2026 11:00:00 GMT', 0],
  ])('reads %j as %i seconds', (value, seconds) => {
    expect(parseRetryAfter(value, now)).toBe(seconds);
  });

  it.each([null, 'soon', '-5', '1.5'])('reads %j as unknown', (value) => {
    expect(parseRetryAfter(value, now)).toBeNull();
  });
});

import { isRetrySafe, parseRetryAfter, retryDelayMs, retryPolicy } from './retry-policy';

const policy = { attempts: 3, baseDelayMs: 200, maxDelayMs: 5000 };
const now = Date.parse('2026-12-01T10:00:00.000Z');

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => expect(parseRetryAfter('3', now)).toBe(3000));
  it('reads an HTTP date as the time left until it', () => expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:02 GMT', now)).toBe(2000));
  it('treats a date in the past as no wait', () => expect(parseRetryAfter('Tue, 01 Dec 2026 09:59:00 GMT', now)).toBe(0));
  it('ignores what it cannot read', () => {
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('-1', now)).toBeUndefined();
  });
});

describe('retryDelayMs', () => {
  it('waits what Retry-After asks, capped at the maximum', () => {
    expect(retryDelayMs(policy, 1, '2', now)).toBe(2000);
    expect(retryDelayMs(policy, 1, '3600', now)).toBe(5000);
  });

  it('backs off exponentially with full jitter when the server says nothing', () => {
    expect(retryDelayMs(policy, 1, undefined, now, () => 1)).toBe(200);
    expect(retryDelayMs(policy, 3, undefined, now, () => 1)).toBe(800);
    expect(retryDelayMs(policy, 10, undefined, now, () => 1)).toBe(5000);
    expect(retryDelayMs(policy, 3, undefined, now, () => 0)).toBe(0);
  });
});

describe('isRetrySafe', () => {
  it('repeats idempotent methods and POSTs marked safe, never other POSTs', () => {
    expect(isRetrySafe({ method: 'GET' })).toBe(true);
    expect(isRetrySafe({ method: 'DELETE' })).toBe(true);
    expect(isRetrySafe({ method: 'POST' })).toBe(false);
    expect(isRetrySafe({ method: 'POST', safe: true })).toBe(true);
    expect(isRetrySafe({ method: 'PATCH' })).toBe(false);
  });
});

describe('retryPolicy', () => {
  it('has defaults and reads the environment', () => {
    expect(retryPolicy({})).toEqual({ attempts: 3, baseDelayMs: 250, maxDelayMs: 10_000 });
    expect(retryPolicy({ retry_attempts: '1', retry_base_ms: '0', retry_max_ms: '100' })).toEqual({ attempts: 1, baseDelayMs: 0, maxDelayMs: 100 });
  });

  it('names the variable that is not a number', () => {
    expect(() => retryPolicy({ retry_attempts: 'many' })).toThrow('retry_attempts must be a number ≥ 1, got "many"');
  });
});

// When and how long to wait before sending a request again. A nightly run against a real account
// meets resets, gateway timeouts and 429s that say nothing about the contract; retrying them keeps
// a flaky night apart from a broken API, and the test is marked flaky so it is not silently green.
// Only requests that can be repeated safely are retried: GET, PUT, DELETE, HEAD, OPTIONS, and the
// POSTs a collection marks `safe` (a token grant, a search). A POST that creates something is never
// sent twice blindly.
import type { NamedRequest } from '../client/named-request';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first back-off; it doubles per attempt up to maxDelayMs, with full jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Statuses that mean "try again later" rather than "your request is wrong" (RFC 9110 §15.6, RFC 6585 §4). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** Policy from the environment (`retry_attempts`, `retry_base_ms`, `retry_max_ms`), with defaults for a nightly run. */
export function retryPolicy(values: Readonly<Record<string, string>>): RetryPolicy {
  const number = (key: string, fallback: number, min: number) => {
    const raw = values[key];
    if (raw === undefined || raw === '') return fallback;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < min) throw new Error(`Environment variable ${key} must be a number ≥ ${min}, got ${JSON.stringify(raw)}.`);
    return parsed;
  };
  return {
    attempts: Math.floor(number('retry_attempts', 3, 1)),
    baseDelayMs: number('retry_base_ms', 250, 0),
    maxDelayMs: number('retry_max_ms', 10_000, 0),
  };
}

export function isRetrySafe(named: Pick<NamedRequest, 'method' | 'safe'>): boolean {
  return IDEMPOTENT_METHODS.has(named.method) || named.safe === true;
}

/**
 * How long to wait before attempt `attempt + 1` (attempt counts from 1). A `Retry-After` header wins:
 * seconds, or an HTTP date (RFC 9110 §10.2.3), capped at maxDelayMs; otherwise capped exponential
 * back-off with full jitter, so workers that failed together do not retry together.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfter: string | undefined, now = Date.now(), random = Math.random): number {
  const announced = parseRetryAfter(retryAfter, now);
  if (announced !== undefined) return Math.min(announced, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(random() * ceiling);
}

/** Milliseconds a Retry-After value asks for; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP date spells its day and month ("Tue, 01 Dec 2026 10:00:02 GMT"); Date.parse alone would take "-1" as a year.
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

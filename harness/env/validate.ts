// Every harness setting is checked when the environment is loaded, so a typo fails the load naming
// the variable, the value and where it came from, instead of quietly becoming a default later
// (request_timeout_ms=abc once meant 30 s; read_only=on meant "send writes"). Durations are
// normalised to whole milliseconds, so every reader can keep using Number().
import { didYouMean } from '../user-error';

/** Switches: true/false, 1/0, yes/no (any case); blank is false. */
export const BOOLEAN_VARIABLES: readonly string[] = ['read_only'];

/** Milliseconds, with their least allowed value; blank means the default. */
export const DURATION_VARIABLES: Readonly<Record<string, number>> = {
  request_timeout_ms: 1,
  run_timeout_ms: 1,
  retry_base_ms: 0,
  retry_max_ms: 0,
};

/** Whole counts, with their least and greatest allowed values. */
export const COUNT_VARIABLES: Readonly<Record<string, readonly [number, number]>> = { retry_attempts: [1, 100] };

export const AUTH_GRANTS = ['password', 'client_credentials', 'authorization_code'] as const;
/** Variables that take one of a few words; blank means the first. */
export const ENUM_VARIABLES: Readonly<Record<string, readonly string[]>> = { auth_grant: AUTH_GRANTS };

const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no', ''];
// Node's timers overflow past 2^31-1 ms and then fire at once: a huge timeout would mean none.
const MAX_TIMER_MS = 2_147_483_647;
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** The strict reading of a switch; undefined when `raw` is not one of the accepted words. */
export function parseBoolean(raw: string): boolean | undefined {
  const word = raw.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  return undefined;
}

/**
 * A loaded switch such as read_only or tls_insecure. The loader has already refused any value
 * parseBoolean does not know, so this never guesses.
 */
export function envFlag(env: { values: Readonly<Record<string, string>> }, key: string): boolean {
  return parseBoolean(env.values[key] ?? '') === true;
}

/** "30000", "30s", "2m", "1.5h" → whole milliseconds; undefined when it is none of those. */
export function parseDuration(raw: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(raw.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * (UNIT_MS[match[2] ?? 'ms'] ?? 1));
}

export interface Checked {
  values: Record<string, string>;
  problems: string[];
}

/**
 * Checks the settings and base URLs among `values`; `sourceOf` says where each came from and
 * `secret` which values must never be echoed. Returns the values with durations normalised.
 */
export function validateValues(values: Readonly<Record<string, string>>, sourceOf: Readonly<Record<string, string>>, secret: ReadonlySet<string>): Checked {
  const out = { ...values };
  const problems: string[] = [];
  const bad = (key: string, expected: string) => {
    const shown = secret.has(key) ? '(a secret value, not shown)' : JSON.stringify(values[key]);
    problems.push(`${key} is ${shown} (from ${sourceOf[key] ?? 'the environment'}): ${expected}`);
  };

  for (const [key, raw] of Object.entries(values)) {
    if (raw === '' || raw.includes('{{')) continue;
    if (BOOLEAN_VARIABLES.includes(key) && parseBoolean(raw) === undefined) {
      bad(key, `expected true or false (also 1/0, yes/no)${didYouMean(raw, ['true', 'false'])}`);
    } else if (key in DURATION_VARIABLES) {
      const min = DURATION_VARIABLES[key] ?? 0;
      const ms = parseDuration(raw);
      if (ms === undefined) bad(key, 'expected milliseconds, e.g. 30000, or a duration such as 30s, 2m, 1h');
      else if (ms < min || ms > MAX_TIMER_MS) bad(key, `expected between ${min} ms and ${MAX_TIMER_MS} ms (about 24 days)`);
      else out[key] = String(ms);
    } else if (key in COUNT_VARIABLES) {
      const [min, max] = COUNT_VARIABLES[key] ?? [0, 0];
      if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) bad(key, `expected a whole number from ${min} to ${max}`);
    } else if (key in ENUM_VARIABLES) {
      const allowed = ENUM_VARIABLES[key] ?? [];
      if (!allowed.includes(raw)) bad(key, `expected one of ${allowed.join(', ')} (blank means ${allowed[0]})${didYouMean(raw, allowed)}`);
    } else if (key.toLowerCase().endsWith('_url')) {
      const problem = urlProblem(raw);
      if (problem) bad(key, problem);
    }
  }
  return { values: out, problems };
}

function urlProblem(raw: string): string | undefined {
  const example = 'e.g. https://authentication.api.mitel.io/2017-09-01';
  if (raw !== raw.trim()) return 'a URL must not start or end with spaces';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return `not a URL: expected http:// or https:// and a host, ${example}`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `the scheme is "${url.protocol.replace(/:$/, '')}"; expected http or https, ${example}`;
  if (url.hostname === '') return `no host; ${example}`;
  if (url.search || url.hash) return 'a base URL takes no ?query or #fragment: requests append their own path and query';
  return undefined;
}

// Newman's --insecure and --delay-request are options of one run, not properties of an account,
// so they travel as control names in the process environment (set by npm start), never in files.
/** "1": accept self-signed TLS certificates (npm start -- --insecure). */
export const TLS_INSECURE_VARIABLE = 'CLOUDLINK_TLS_INSECURE';
/** Milliseconds to wait before each request (npm start -- --delay-request). */
export const REQUEST_DELAY_VARIABLE = 'CLOUDLINK_REQUEST_DELAY_MS';

export interface RunSettings {
  tlsInsecure: boolean;
  requestDelayMs: number;
}

/** The run's switches from the process environment; `problems` gets one line per bad value. */
export function readRunSettings(processEnv: NodeJS.ProcessEnv, problems: string[] = []): RunSettings {
  const insecureRaw = processEnv[TLS_INSECURE_VARIABLE] ?? '';
  const tlsInsecure = parseBoolean(insecureRaw);
  if (tlsInsecure === undefined)
    problems.push(`${TLS_INSECURE_VARIABLE} is ${JSON.stringify(insecureRaw)} (from the process environment): expected true or false (also 1/0, yes/no)`);
  const delayRaw = processEnv[REQUEST_DELAY_VARIABLE] ?? '';
  const delay = delayRaw === '' ? 0 : parseDuration(delayRaw);
  if (delay === undefined || delay > MAX_TIMER_MS)
    problems.push(
      `${REQUEST_DELAY_VARIABLE} is ${JSON.stringify(delayRaw)} (from the process environment): expected milliseconds, e.g. 200, or a duration such as 2s`,
    );
  return { tlsInsecure: tlsInsecure === true, requestDelayMs: delay ?? 0 };
}

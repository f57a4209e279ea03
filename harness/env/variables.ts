// The variables the harness itself reads, and the one naming rule that maps a variable to the
// process-environment / .env name that overrides it. Keeping both here means .env.example, the
// loader and the token setup cannot disagree about a name.
import { isCredentialName, isIdentifyingName } from '../redact/sensitive';

/**
 * Every variable the harness reads. They are always defined on a loaded Environment (blank when
 * no layer sets them), so a bare Postman export gains them and `CLOUDLINK_<NAME>` can set them
 * even when the file lacks the key. access_token2/refresh_token2 carry the second user's tokens
 * from jest global setup to the workers.
 */
export const KNOWN_VARIABLES: readonly string[] = [
  'target',
  'auth_grant',
  'auth_url',
  'admin_url',
  'media_url',
  'chat_url',
  'notifications_url',
  'x-mitel-app',
  'username',
  'password',
  'accountId',
  'username2',
  'password2',
  'client_id',
  'client_secret',
  'redirect_uri',
  'access_token',
  'refresh_token',
  'access_token2',
  'refresh_token2',
  // true: skip the tests that change state and refuse to send what could (harness/read-only.ts).
  'read_only',
  // Request timeout and retries (harness/pipeline/retry-policy.ts); blank means the defaults.
  'request_timeout_ms',
  // The whole run's limit (tools/run/run.ts); blank means none.
  'run_timeout_ms',
  'retry_attempts',
  'retry_base_ms',
  'retry_max_ms',
  // A sandbox's switchboard (faults and drifts), written by `npm run sandbox -- --environment-out`
  // and set by global setup for the embedded one; blank on a real account (harness/switchboard.ts).
  'switchboard_address',
  'switchboard_key',
  // Where the account's identifiers are masked: auto (in what is shared, and the terminal in CI), true, false.
  'mask_identifiers',
];

/** The prefix of every override name; it keeps harness settings apart from unrelated variables. */
export const OVERRIDE_PREFIX = 'CLOUDLINK_';

/** Names with the prefix that steer the harness rather than set a variable; never read from .env files. */
export const CONTROL_NAMES: readonly string[] = [
  'CLOUDLINK_ENVIRONMENT',
  'CLOUDLINK_MODE',
  'CLOUDLINK_QUIET',
  'CLOUDLINK_RUN_DIR',
  'CLOUDLINK_REPORTS_DIR',
  'CLOUDLINK_RECORD_SUBSET',
  'CLOUDLINK_CAPTURE_DIR',
  // Comma list of contract drifts the embedded sandbox starts with (npm run mutation).
  'CLOUDLINK_SANDBOX_DRIFTS',
  // npm start's --insecure and --delay-request (harness/env/validate.ts readRunSettings).
  'CLOUDLINK_TLS_INSECURE',
  // 1: the progress reporter prints every exchange in full (npm start -- --verbose).
  'CLOUDLINK_VERBOSE',
  'CLOUDLINK_REQUEST_DELAY_MS',
];

/**
 * The override name of a variable: `CLOUDLINK_` + the key upper-cased, every character other than
 * A–Z and 0–9 replaced by `_`. password → CLOUDLINK_PASSWORD, x-mitel-app → CLOUDLINK_X_MITEL_APP.
 */
export function envVariableName(key: string): string {
  return OVERRIDE_PREFIX + key.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

/** A value is secret when Postman marks it so or when its name is a credential by THE redaction list. */
export function isSecretVariable(key: string, postmanType?: string): boolean {
  return postmanType === 'secret' || isCredentialName(key);
}

/** Base URLs of the APIs: in replay mode these all point at the fake replay origin. */
export function isUrlKey(key: string): boolean {
  return key.toLowerCase().endsWith('_url');
}

/**
 * Values that belong to one account or one run (credentials, user names, account and client ids,
 * the OpenID Connect redirect URI). Fixtures keep them as placeholders named after the variable,
 * and replay, which has no account, gives blank ones a stand-in: requests that template them must
 * resolve and scrub to the same placeholders they were recorded with.
 */
export function isAccountVariable(key: string, secret: boolean): boolean {
  return secret || isIdentifyingName(key) || key === 'redirect_uri';
}

// THE environment loader: one Postman environment file, the .env layers and the process
// environment become one frozen Environment. Every consumer (global setup, workers, scripts) loads
// through here, so a value means the same thing everywhere. Problems fail the load at once, all of
// them in one message, before any request is built.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { replayBaseUrl } from '../fixtures/replay-origin';
import { didYouMean } from '../user-error';
import { EnvironmentError, IncompleteEnvironmentError } from './errors';
import { DEFAULT_ENVIRONMENT, locateEnvironment } from './locate';
import { applyOverrides, overrideLayers } from './overrides';
import { parsePostmanEnvironment } from './postman-file';
import { readRunSettings, validateValues } from './validate';
import { KNOWN_VARIABLES, envVariableName, isAccountVariable, isSecretVariable, isUrlKey } from './variables';

export type Mode = 'replay' | 'live' | 'record';
export const MODES: readonly Mode[] = ['replay', 'live', 'record'];

export interface Environment {
  /** The file's stem (environments/<name>.postman_environment.json); selects .env.<name>. */
  name: string;
  /** Absolute path of the environment file. */
  file: string;
  mode: Mode;
  target: 'sandbox' | 'remote';
  values: Readonly<Record<string, string>>;
  secretKeys: readonly string[];
  /** Secrets plus the values that identify the account or user (see isAccountVariable). */
  accountKeys: readonly string[];
  /** Keys ending in _url: the API base URLs. */
  urlKeys: readonly string[];
  get(key: string): string | undefined;
}

export interface LoadOptions {
  /** A name under environments/ or a path to a Postman environment export; default CLOUDLINK_ENVIRONMENT, else "sandbox". */
  environment?: string;
  /** Default CLOUDLINK_MODE, else "live". */
  mode?: Mode;
  /** The repository root: holds environments/ and the .env files. */
  rootDir?: string;
  /** Read instead of process.env (tests pass their own). */
  processEnv?: NodeJS.ProcessEnv;
}

const REPO_ROOT = path.resolve(__dirname, '..', '..');

export function loadEnvironment(options: LoadOptions = {}): Environment {
  const processEnv = options.processEnv ?? process.env;
  const rootDir = options.rootDir ?? REPO_ROOT;
  const mode = chooseMode(options.mode, processEnv);
  const selector = options.environment || processEnv.CLOUDLINK_ENVIRONMENT || DEFAULT_ENVIRONMENT;
  const { name, file } = locateEnvironment(selector, rootDir);
  const parsed = parsePostmanEnvironment(readFile(file), file);

  // A Map, not an object: a key such as "__proto__" in someone's export must stay an ordinary key.
  const fromFile = new Map<string, string>();
  const secret = new Set<string>();
  for (const entry of parsed.values) {
    fromFile.set(entry.key, entry.value);
    if (isSecretVariable(entry.key, entry.type)) secret.add(entry.key);
  }
  // The harness's own variables are always defined, so a bare Postman export gains them.
  const keys = [...fromFile.keys(), ...KNOWN_VARIABLES.filter((key) => !fromFile.has(key))];
  for (const key of keys) if (isSecretVariable(key)) secret.add(key);
  const base = Object.fromEntries(keys.map((key) => [key, fromFile.get(key) ?? '']));

  const layered = applyOverrides(base, keys, overrideLayers(rootDir, name, processEnv), file);
  const checked = validateValues(layered.values, layered.sourceOf, secret);
  const problems = [...layered.problems, ...checked.problems];
  readRunSettings(processEnv, problems);
  const target = targetOf(layered.values.target ?? '', layered.sourceOf.target ?? file, problems);
  if (problems.length) throw new EnvironmentError(file, problems);

  const accountKeys = keys.filter((key) => isAccountVariable(key, secret.has(key)));
  const values = mode === 'replay' ? forReplay(checked.values, accountKeys) : checked.values;
  const secretKeys = keys.filter((key) => secret.has(key));
  return freezeEnvironment({
    name,
    file,
    mode,
    target,
    values,
    secretKeys,
    accountKeys,
    urlKeys: keys.filter(isUrlKey),
  });
}

// A live run against a real account needs URLs and credentials no file ships. Token setup calls
// this before sending anything, so a missing password is one message naming every blank variable
// and the CLOUDLINK_ name to set, not a 401 halfway through the run.
/** Throws IncompleteEnvironmentError listing every key of `keys` that is blank in `env`; `purpose` says what needs them. */
export function assertComplete(env: Environment, keys: readonly string[], purpose: string): void {
  const missing = [...new Set(keys)].filter((key) => (env.get(key) ?? '').trim() === '');
  if (missing.length === 0) return;

  const problems = missing.map((key) => `${key} is blank: set ${envVariableName(key)}`);
  problems.push(
    `put them in .env or .env.${env.name} at the repository root (names in environments/.env.example) or the process environment; ` +
      'non-secret values may also go in the environment file',
  );
  const count = `${missing.length} variable${missing.length === 1 ? ' is' : 's are'} blank`;
  throw new IncompleteEnvironmentError(env.file, `Environment "${env.name}" (${env.file}) is not ready for ${purpose}: ${count}.`, problems, missing);
}

function chooseMode(option: Mode | undefined, processEnv: NodeJS.ProcessEnv): Mode {
  const mode = option ?? (processEnv.CLOUDLINK_MODE || 'live');
  if (!MODES.includes(mode as Mode)) {
    const source = option === undefined ? 'CLOUDLINK_MODE' : 'the mode option';
    throw new EnvironmentError(undefined, [`${source} is ${JSON.stringify(mode)}; expected one of ${MODES.join(', ')}.${didYouMean(String(mode), MODES)}`]);
  }
  return mode as Mode;
}

function targetOf(value: string, source: string, problems: string[]): 'sandbox' | 'remote' {
  if (value === 'sandbox') return 'sandbox';
  // Absent or blank means a real CloudLink: a Postman export from Mitel's library has no target.
  if (value === '' || value === 'remote') return 'remote';
  problems.push(`"target" is ${JSON.stringify(value)} (from ${source}); expected "sandbox", "remote" or blank`);
  return 'remote';
}

/**
 * Replay touches no network and needs no credentials: every base URL points at the fake replay
 * origin nock answers for, and every blank account variable gets an obviously fake stand-in so
 * requests that template it still resolve (and scrub to the placeholder they were recorded with).
 */
function forReplay(values: Record<string, string>, accountKeys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(values)) {
    if (isUrlKey(key)) out[key] = replayBaseUrl(key);
    else if (accountKeys.includes(key) && value === '') out[key] = `replay-${key}`;
    else out[key] = value;
  }
  return out;
}

function readFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new EnvironmentError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  if (bytes.includes(0)) throw new EnvironmentError(file, ['holds binary data, not the JSON text of a Postman environment export']);
  return bytes.toString('utf8');
}

function freezeEnvironment(parts: Omit<Environment, 'get'>): Environment {
  const values = Object.freeze({ ...parts.values });
  return Object.freeze({
    ...parts,
    values,
    secretKeys: Object.freeze([...parts.secretKeys]),
    accountKeys: Object.freeze([...parts.accountKeys]),
    urlKeys: Object.freeze([...parts.urlKeys]),
    get: (key: string): string | undefined => (Object.prototype.hasOwnProperty.call(values, key) ? values[key] : undefined),
  });
}

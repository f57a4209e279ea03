// `npm start`'s command line: the harness's own flags and Newman's, with the same meanings, parsed
// by the one helper every script uses (tools/cli/args.ts). Anything wrong is a UsageError naming
// the flag; names that need the repository (collections, requests) are checked in preflight.ts.
import { choiceFlag, integerFlag, parseFlags } from '../cli/args';
import { parseDuration } from '../../harness/env';
import { UserError } from '../../harness/user-error';

export const USAGE = `Usage: npm start -- [options]

  -e, --environment <name|file>  environments/<name>.postman_environment.json or any Postman export (default: sandbox)
  -m, --mode <mode>              live (default), replay (recorded fixtures, no network) or record (live, then save fixtures)
  -c, --collection <api>         authentication, admin, media, conversations, notifications (repeatable; default: all)
  -r, --request <name>           only the tests of one named request or scenario, e.g. "POST Token", "Scenario: admin"
      --bail                     stop after the first failing test file
      --quiet                    print only failures and the summary
      --reporters <list>         any of cli (progress and summary), junit (reports/junit.xml), html
                                 (reports/allure-report/index.html); default cli,junit,html. Allure
                                 results are always written: the html report and CI merges read them
      --no-html                  the same as leaving html out of --reporters
      --reports <dir>            write every report under <dir> instead of reports/ (parallel runs, CI shards)
      --shard <i/n>              run only the i-th of n slices of the test files (jest --shard; CI matrices)

  Newman's options, same meanings:
      --env-var <key=value>      set an environment variable for this run (repeatable; beats the file and .env)
  -n, --iteration-count <N>      run the selection N times (default: 1, or one per data row)
  -d, --iteration-data <file>    a .csv (header row = variable names) or .json (array of objects) file: one
                                 run per row, the row's values overriding the environment's
      --delay-request <ms>       wait this long before each request (CLOUDLINK_REQUEST_DELAY_MS)
      --timeout-request <ms>     one request's time limit (sets request_timeout_ms)
      --timeout <ms>             the whole run's time limit (sets run_timeout_ms)
  -k, --insecure                 accept self-signed TLS certificates (CLOUDLINK_TLS_INSECURE)
      --export-environment <f>   after the run, write the resolved environment to <f> as a Postman
                                 environment; secret values are written blank
  -x, --suppress-exit-code       exit 0 even when tests fail (mistakes in the command line still exit 2)
      --color <on|off|auto>      colours in the output (default auto)
      --verbose                  print every exchange in full, and the stack of every error
      --mask-identifiers         mask account and user ids and emails in the terminal too (the default in CI)
      --no-mask-identifiers      show them everywhere but in fixtures (mask_identifiers=false); secrets stay masked
  -h, --help                     this text

Exit codes: 0 every test passed; 1 a test or the API failed; 2 a mistake in the options, the
environment, .env or an input file (one message naming it, nothing run, nothing overwritten).`;

export type Mode = 'live' | 'replay' | 'record';
export const MODES: readonly Mode[] = ['live', 'replay', 'record'];
export const REPORTERS = ['cli', 'junit', 'html'] as const;
export const COLORS = ['on', 'off', 'auto'] as const;

export interface RunOptions {
  environment?: string;
  mode: Mode;
  collections: string[];
  request?: string;
  bail: boolean;
  quiet: boolean;
  html: boolean;
  /** Where reports go; default reports/ (also CLOUDLINK_REPORTS_DIR). */
  reportsDir?: string;
  /** No progress output at all (the benchmark prints its own). */
  silent?: boolean;
  /** jest's --shard, "i/n": this runner's slice of the test files. */
  shard?: string;
  /** Write reports/junit.xml (default true). */
  junit?: boolean;
}

/** What only the command line sets: Newman's options, applied around one or more runSuites. */
export interface CommandOptions extends RunOptions {
  /** --env-var and the --timeout… flags, by variable key, in the order given. */
  envVars: [string, string][];
  iterationCount?: number;
  iterationData?: string;
  delayRequestMs?: number;
  insecure: boolean;
  exportEnvironment?: string;
  suppressExitCode: boolean;
  color: (typeof COLORS)[number];
  verbose: boolean;
}

/** A bad flag or value on the command line. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const RUN_FLAGS = {
  environment: { type: 'string', short: 'e' },
  mode: { type: 'string', short: 'm' },
  collection: { type: 'string', short: 'c', multiple: true },
  request: { type: 'string', short: 'r' },
  bail: { type: 'boolean' },
  quiet: { type: 'boolean' },
  'no-html': { type: 'boolean' },
  reporters: { type: 'string' },
  reports: { type: 'string' },
  shard: { type: 'string' },
  'env-var': { type: 'string', multiple: true },
  'iteration-count': { type: 'string', short: 'n' },
  'iteration-data': { type: 'string', short: 'd' },
  'delay-request': { type: 'string' },
  'timeout-request': { type: 'string' },
  timeout: { type: 'string' },
  insecure: { type: 'boolean', short: 'k' },
  'export-environment': { type: 'string' },
  'suppress-exit-code': { type: 'boolean', short: 'x' },
  color: { type: 'string' },
  verbose: { type: 'boolean' },
  'mask-identifiers': { type: 'boolean' },
  'no-mask-identifiers': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseRunArgs(argv: string[]): CommandOptions | 'help' {
  const { values } = parseFlags(argv, RUN_FLAGS);
  if (values.help) return 'help';
  const mode = choiceFlag('--mode', values.mode ?? 'live', MODES);
  const shard = values.shard;
  if (shard !== undefined && !isShard(shard)) throw new UsageError(`Option --shard takes i/n with 1 <= i <= n, e.g. 2/3; not "${shard}".`);
  const reporters = (values.reporters ?? REPORTERS.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = reporters.filter((name) => !(REPORTERS as readonly string[]).includes(name));
  if (unknown.length) throw new UsageError(`--reporters takes ${REPORTERS.join(', ')}; not ${unknown.map((n) => `"${n}"`).join(', ')}.`);
  const collections = values.collection ?? [];
  const blank = [values.environment, values.request, values.reports, ...collections].some((value) => value !== undefined && value.trim() === '');
  if (blank) throw new UsageError(`${blankFlag(values)} is empty; give it a value or leave the option out.`);

  const envVars = (values['env-var'] ?? []).map(envVarPair);
  const timeoutRequest = durationFlag('--timeout-request', values['timeout-request'], 1);
  if (timeoutRequest !== undefined) envVars.push(['request_timeout_ms', String(timeoutRequest)]);
  const timeout = durationFlag('--timeout', values.timeout, 1);
  if (timeout !== undefined) envVars.push(['run_timeout_ms', String(timeout)]);
  if (values['mask-identifiers'] && values['no-mask-identifiers']) throw new UsageError('Give --mask-identifiers or --no-mask-identifiers, not both.');
  if (values['mask-identifiers']) envVars.push(['mask_identifiers', 'true']);
  if (values['no-mask-identifiers']) envVars.push(['mask_identifiers', 'false']);
  return {
    environment: values.environment,
    mode,
    silent: !reporters.includes('cli'),
    junit: reporters.includes('junit'),
    collections,
    request: values.request,
    bail: values.bail ?? false,
    quiet: values.quiet ?? false,
    reportsDir: values.reports,
    html: reporters.includes('html') && !values['no-html'],
    ...(shard ? { shard } : {}),
    envVars,
    iterationCount: integerFlag('--iteration-count', values['iteration-count'], 1),
    iterationData: values['iteration-data'],
    delayRequestMs: durationFlag('--delay-request', values['delay-request'], 0),
    insecure: values.insecure ?? false,
    exportEnvironment: values['export-environment'],
    suppressExitCode: values['suppress-exit-code'] ?? false,
    color: choiceFlag('--color', values.color ?? 'auto', COLORS),
    verbose: values.verbose ?? false,
  };
}

function isShard(text: string): boolean {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= Number(match[2]);
}

function blankFlag(values: { environment?: string; request?: string; reports?: string }): string {
  if (values.environment?.trim() === '') return 'Option --environment';
  if (values.request?.trim() === '') return 'Option --request';
  if (values.reports?.trim() === '') return 'Option --reports';
  return 'Option --collection';
}

/** Newman's --env-var "key=value"; the key is checked against the environment in preflight. */
function envVarPair(text: string): [string, string] {
  const at = text.indexOf('=');
  // Not echoed: what was typed may be a secret missing its key.
  if (at <= 0)
    throw new UsageError(
      `Option --env-var takes key=value, e.g. --env-var read_only=true; one value given ${at === 0 ? 'has no key before "="' : 'has no "="'}.`,
    );
  return [text.slice(0, at).trim(), text.slice(at + 1)];
}

function durationFlag(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const ms = parseDuration(raw);
  if (ms === undefined || ms < min) throw new UsageError(`Option ${flag} takes milliseconds (≥ ${min}), e.g. 5000 or 5s; not ${JSON.stringify(raw)}.`);
  return ms;
}

// The newman-like command line: `npm start -- [options]`. It picks the environment, mode,
// collections or one named request, runs the suites with jest in this process, and writes the
// reports (JUnit always, Allure results always, the HTML report unless --no-html).
import { runCLI } from 'jest';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadEnvironment } from '../../harness/env';
import { readMetrics, RUN_DIR_VARIABLE, type Metric } from '../../harness/report/metrics';
import { REPORTS_DIR_VARIABLE, renderHtmlReport } from '../../harness/report/render';
import { RECORD_SUBSET_VARIABLE } from '../../harness/session';
import { markFlakyTests } from '../../harness/report/flaky';
import { escapeRegExp } from '../../harness/redact/scrubber';
import { UserError } from '../../harness/user-error';

export const USAGE = `Usage: npm start -- [options]

  -e, --environment <name|file>  environments/<name>.postman_environment.json or any Postman export (default: sandbox)
  -m, --mode <mode>              live (default), replay (recorded fixtures, no network) or record (live, then save fixtures)
  -c, --collection <api>         authentication, admin, media, conversations, notifications (repeatable; default: all)
  -r, --request <name>           only the tests of one named request, e.g. "POST Token"
      --bail                     stop after the first failing test file
      --quiet                    print only failures and the summary
      --reporters <list>         any of cli (progress and summary), junit (reports/junit.xml), html
                                 (reports/allure-report/index.html); default cli,junit,html. Allure
                                 results are always written: the html report and CI merges read them
      --no-html                  the same as leaving html out of --reporters
      --reports <dir>            write every report under <dir> instead of reports/ (parallel runs, CI shards)
      --shard <i/n>              run only the i-th of n slices of the test files (jest --shard; CI matrices)
  -h, --help                     this text`;

export interface RunOptions {
  environment?: string;
  mode: 'live' | 'replay' | 'record';
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

export const REPORTERS = ['cli', 'junit', 'html'] as const;

/** A bad flag or value on the command line. */
export class UsageError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseRunArgs(argv: string[]): RunOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      environment: { type: 'string', short: 'e' },
      mode: { type: 'string', short: 'm', default: 'live' },
      collection: { type: 'string', short: 'c', multiple: true },
      request: { type: 'string', short: 'r' },
      bail: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      'no-html': { type: 'boolean', default: false },
      reporters: { type: 'string', default: REPORTERS.join(',') },
      reports: { type: 'string' },
      shard: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const mode = values.mode as string;
  if (!['live', 'replay', 'record'].includes(mode)) throw new UsageError(`--mode must be live, replay or record, not "${mode}".`);
  const shard = values.shard;
  if (shard !== undefined && !isShard(shard)) throw new UsageError(`--shard must be i/n with 1 <= i <= n, not "${shard}".`);
  const reporters = (values.reporters ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = reporters.filter((name) => !(REPORTERS as readonly string[]).includes(name));
  if (unknown.length) throw new UsageError(`--reporters takes ${REPORTERS.join(', ')}; not ${unknown.map((n) => `"${n}"`).join(', ')}.`);
  return {
    environment: values.environment,
    mode: mode as RunOptions['mode'],
    silent: !reporters.includes('cli'),
    junit: reporters.includes('junit'),
    collections: values.collection ?? [],
    request: values.request,
    bail: values.bail ?? false,
    quiet: values.quiet ?? false,
    reportsDir: values.reports,
    html: reporters.includes('html') && !values['no-html'],
    ...(shard ? { shard } : {}),
  };
}

function isShard(text: string): boolean {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  return match !== null && Number(match[1]) >= 1 && Number(match[1]) <= Number(match[2]);
}

export interface RunOutcome {
  success: boolean;
  wallMs: number;
  /** What the workers measured: one line per exchange and per test. */
  metrics: Metric[];
  /** Every failed test (or test file that could not run), in run order: the mutation script's evidence. */
  failures: TestFailure[];
}

export interface TestFailure {
  /** The test file, relative to the root. */
  file: string;
  /** "describe › it", or "(test file)" when the file failed outside any test. */
  test: string;
  /** The first failure message, as jest printed it. */
  message: string;
}

/** Runs the suites and writes the reports. */
export async function runSuites(options: RunOptions, root = process.cwd()): Promise<RunOutcome> {
  const started = Date.now();
  const reports = path.resolve(root, options.reportsDir ?? process.env[REPORTS_DIR_VARIABLE] ?? 'reports');
  // jest.config.ts reads it for allure-jest's results directory.
  process.env[REPORTS_DIR_VARIABLE] = reports;
  const runDir = path.join(reports, '.run', `${options.mode}-${process.pid}-${Date.now()}`);
  // Last run's results must not pass for this run's (a junit.xml this run does not write, say).
  rmSync(path.join(reports, 'allure-results'), { recursive: true, force: true });
  rmSync(path.join(reports, 'junit.xml'), { force: true });
  mkdirSync(runDir, { recursive: true });

  Object.assign(process.env, {
    CLOUDLINK_MODE: options.mode,
    [RUN_DIR_VARIABLE]: runDir,
    CLOUDLINK_QUIET: options.quiet ? '1' : '0',
    JEST_JUNIT_OUTPUT_DIR: reports,
    JEST_JUNIT_OUTPUT_NAME: 'junit.xml',
    JEST_JUNIT_SUITE_NAME: `{filepath} (${options.mode})`,
    // classname + " " + name is then jest's full test name, which is how flaky tests are found again.
    JEST_JUNIT_CLASSNAME: '{classname}',
    JEST_JUNIT_TITLE: '{title}',
    JEST_JUNIT_ANCESTOR_SEPARATOR: ' ',
  });
  if (options.environment) process.env.CLOUDLINK_ENVIRONMENT = options.environment;
  process.env[RECORD_SUBSET_VARIABLE] = options.request ? '1' : '0';

  const running = runCLI(
    {
      _: [],
      $0: 'cloudlink',
      selectProjects: ['suites'],
      testPathPatterns: options.collections.map((api) => `suites/${api}/`),
      testNamePattern: options.request ? `^${escapeRegExp(options.request)} ` : undefined,
      bail: options.bail ? 1 : undefined,
      reporters: [...(options.silent ? [] : [path.join(__dirname, '../../harness/report/progress-reporter.ts')]), ...(options.junit === false ? [] : ['jest-junit'])],
      ci: process.env.CI === 'true',
      // jest's default on a 2-core machine is one worker; suite files spend most of their time
      // loading modules and waiting on I/O, so two workers finish sooner even with the sandbox beside them.
      maxWorkers: Math.max(2, availableParallelism() - 1),
      shard: options.shard,
    },
    [root],
  );
  let results;
  try {
    ({ results } = await withRunTimeout(running, runTimeoutMs(options), runDir));
  } catch (error) {
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
  const wallMs = Date.now() - started;
  const metrics = readMetrics(runDir);
  const flaky = markFlakyTests(reports, metrics);
  if (flaky > 0 && !options.silent) process.stdout.write(`${flaky} test(s) passed only after retries: marked flaky in the reports.\n`);
  rmSync(runDir, { recursive: true, force: true });
  if (options.html) {
    const file = await renderHtmlReport(root, reports);
    process.stdout.write(`HTML report: ${path.relative(root, file)}\n`);
  }
  return { success: results.success, wallMs, metrics, failures: collectFailures(results.testResults, root) };
}

type FileResults = Awaited<ReturnType<typeof runCLI>>['results']['testResults'];

function collectFailures(files: FileResults, root: string): TestFailure[] {
  const out: TestFailure[] = [];
  for (const file of files) {
    const relative = path.relative(root, file.testFilePath);
    for (const test of file.testResults) {
      if (test.status === 'failed') out.push({ file: relative, test: [...test.ancestorTitles, test.title].join(' › '), message: test.failureMessages[0] ?? '' });
    }
    // A file that failed before or outside its tests (a throwing beforeAll, a syntax error) has no failed test to name.
    if (file.testExecError || (file.failureMessage && !file.testResults.some((test) => test.status === 'failed'))) {
      out.push({ file: relative, test: '(test file)', message: file.testExecError?.message ?? file.failureMessage ?? '' });
    }
  }
  return out;
}

export class RunTimeoutError extends Error {}

/** `run_timeout_ms` of the environment (or CLOUDLINK_RUN_TIMEOUT_MS); undefined = no limit. */
function runTimeoutMs(options: RunOptions): number | undefined {
  const raw = loadEnvironment({ environment: options.environment, mode: options.mode }).values.run_timeout_ms ?? '';
  if (raw === '') return undefined;
  const ms = Number(raw);
  if (!Number.isFinite(ms) || ms <= 0) throw new UsageError(`run_timeout_ms must be a positive number of milliseconds, got ${JSON.stringify(raw)}.`);
  return ms;
}

/**
 * A night that hangs must still end, and say where: past the limit the run stops with the tests
 * that were running (the last exchange of each, from the workers' metrics). Whatever those tests
 * created is removed by the next run (the undo ledger, harness/cleanup).
 */
async function withRunTimeout<T>(running: Promise<T>, limitMs: number | undefined, runDir: string): Promise<T> {
  if (limitMs === undefined) return running;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const metrics = readMetrics(runDir);
      const last = new Map<string, string>();
      for (const metric of metrics) if (metric.kind === 'exchange') last.set(`${metric.file}: ${metric.test}`, `${metric.name} ${metric.url}`);
      const finished = new Set(metrics.filter((m) => m.kind === 'test').map((m) => `${m.file}: ${m.test}`));
      const open = [...last].filter(([test]) => !finished.has(test)).map(([test, request]) => `  ${test} (last request: ${request})`);
      reject(new RunTimeoutError(`The run exceeded run_timeout_ms=${limitMs} and was stopped.${open.length ? `\nStill running:\n${open.join('\n')}` : ''}`));
    }, limitMs);
  });
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}


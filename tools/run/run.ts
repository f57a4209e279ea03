// One run of the suites with jest in this process, for `npm start` (tools/run/command.ts) and the
// tools that run suites (drift, mutation, bench): checks what it can before jest starts (the
// environment, names, reports directory, fixtures: see preflight.ts), runs, writes the reports
// (JUnit, Allure results, the HTML report unless --no-html) and reports the undo ledger.
import { runCLI } from 'jest';
import type { Config } from 'jest';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { loadEnvironment, type Environment } from '../../harness/env';
import { ledgerDir, pendingUndos } from '../../harness/cleanup/ledger';
import { discoverCollections } from '../../harness/collections';
import { readMetrics, RUN_DIR_VARIABLE, type Metric } from '../../harness/report/metrics';
import { REPORTS_DIR_VARIABLE, startHtmlReport } from '../../harness/report/render';
import { REQUEST_VARIABLE } from '../../harness/jest/request-filter';
import { CAPTURE_DIR_VARIABLE, RECORD_SUBSET_VARIABLE } from '../../harness/session';
import { markFlakyTests } from '../../harness/report/flaky';
import { execErrorText } from '../../harness/report/progress-reporter';
import { escapeRegExp } from '../../harness/redact/scrubber';
import { isUserError } from '../../harness/user-error';
import { SCRIPTS_LOADER } from '../cli/scripts-loader';
import type { RunOptions } from './options';
import { checkCollections, checkFixtures, checkReportsDir, checkRequest, suiteFileCount } from './preflight';
import { checkSuiteParts, withPartsAsTestFiles } from './suite-parts';

export { USAGE, UsageError, parseRunArgs, REPORTERS, type RunOptions } from './options';

export interface RunOutcome {
  success: boolean;
  wallMs: number;
  /** What the workers measured: one line per exchange and per test. */
  metrics: Metric[];
  /** Every failed test (or test file that could not run), in run order: the mutation script's evidence. */
  failures: TestFailure[];
  /** jest's counts. */
  tests: { total: number; passed: number; failed: number; skipped: number };
  /** Undos still in the ledger after the run (runs against a real account only). */
  pendingUndos?: { count: number; dir: string };
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
  const { env, requestFiles, partsAlone } = preflight(options, root, reports);
  // jest.config.ts reads it for allure-jest's results directory.
  process.env[REPORTS_DIR_VARIABLE] = reports;
  const runDir = path.join(reports, '.run', `${options.mode}-${process.pid}-${Date.now()}`);
  // Last run's results must not pass for this run's (a junit.xml this run does not write, say).
  // The Allure results are set aside by jest's global setup (harness/jest/global-setup.ts).
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
  process.env[REQUEST_VARIABLE] = options.request ?? '';

  // jest-worker forks each worker with this process's execArgv, and the npm scripts start the CLI
  // with `-r ./scripts/register.js`: every worker would load a TypeScript compiler it never uses,
  // since jest transforms with @swc/jest. Put back after the run.
  const execArgv = process.execArgv;
  process.execArgv = withoutPreload(execArgv, SCRIPTS_LOADER);
  // Allure loads while the tests run, and generates the report once they are done.
  const htmlReport = options.html ? startHtmlReport(root, reports) : undefined;
  const running = runCLI(
    {
      _: [],
      $0: 'cloudlink',
      config: JSON.stringify(partsAlone ? withPartsAsTestFiles(jestConfig(root), root) : jestConfig(root)),
      selectProjects: ['suites'],
      // A --request loads only the files whose describes select it (tools/run/preflight.ts).
      testPathPatterns: requestFiles?.map((file) => `${escapeRegExp(file)}$`) ?? options.collections.map((api) => `suites/${api}/`),
      // The name, then a space or the end: "POST Token" is not "POST Tokens", and a full test name is its own.
      testNamePattern: options.request ? `^${escapeRegExp(options.request)}( |$)` : undefined,
      bail: options.bail ? 1 : undefined,
      reporters: [
        ...(options.silent ? [] : [path.join(__dirname, '../../harness/report/progress-reporter.ts')]),
        ...(options.junit === false ? [] : ['jest-junit']),
      ],
      ci: process.env.CI === 'true',
      // A silent run (bench, mutation) may print JSON on stdout: jest's own lines
      // ("Running one project: suites") go to stderr there.
      useStderr: options.silent === true,
      // jest's default on a 2-core machine is one worker; suite files spend most of their time
      // loading modules and waiting on I/O, so two workers finish sooner even with the sandbox beside them.
      maxWorkers: Math.max(2, availableParallelism() - 1),
      runInBand: inBand(options.mode, requestFiles?.length ?? suiteFileCount(root, options.collections)),
      shard: options.shard,
    },
    [root],
  );
  let results;
  try {
    ({ results } = await withRunTimeout(running, runTimeoutMs(env), runDir));
  } catch (error) {
    await htmlReport?.cancel();
    rmSync(runDir, { recursive: true, force: true });
    throw unwrapSetupError(error);
  } finally {
    process.execArgv = execArgv;
  }
  const wallMs = Date.now() - started;
  let metrics: Metric[];
  try {
    metrics = readMetrics(runDir);
    const flaky = markFlakyTests(reports, metrics);
    if (flaky > 0 && !options.silent) process.stdout.write(`${flaky} test(s) passed only after retries: marked flaky in the reports.\n`);
    rmSync(runDir, { recursive: true, force: true });
    if (htmlReport) {
      const file = await htmlReport.render();
      process.stdout.write(`HTML report: ${path.relative(root, file)}\n`);
    }
  } finally {
    await htmlReport?.cancel();
  }
  const pending = ledgerSummary(env);
  if (pending && !options.silent) {
    const where = path.relative(root, pending.dir) || pending.dir;
    process.stdout.write(
      pending.count === 0
        ? `Undo ledger: nothing pending (${where}/).\n`
        : `Undo ledger: ${pending.count} pending undo(s) in ${where}/; the next run against ${env.name} sends them first.\n`,
    );
  }
  return {
    success: results.success,
    wallMs,
    metrics,
    failures: collectFailures(results.testResults, root),
    tests: {
      total: results.numTotalTests,
      passed: results.numPassedTests,
      failed: results.numFailedTests,
      skipped: results.numPendingTests + results.numTodoTests,
    },
    ...(pending ? { pendingUndos: pending } : {}),
  };
}

/**
 * A replay runs in band, up to jest's own bound of 20 test files: starting workers costs more than a
 * second core gives back (2.6–2.9 s in band against 2.7–3.3 s in two workers, with a third less
 * CPU; measured). jest would guess so itself from the last run's timings only when each file took
 * under a second, and a replay in workers, slower per file, kept itself in workers (Media and Admin
 * took 1.6 s each there). Live and record are left to jest, which runs their files in workers once
 * the resilience file has taken its few seconds of deliberate waits (harness/jest/test-sequencer.js).
 */
export function inBand(mode: RunOptions['mode'], files: number): boolean | undefined {
  return mode === 'replay' && files > 1 && files <= 20 ? true : undefined;
}

/**
 * Whether the suites' parts run as test files of their own (tools/run/suite-parts.ts): a live run
 * against a real account, whose time is the platform's latency, spreads over more workers and CI
 * shards that way; one that keeps exchanges (a drift capture) must not, since they are written per
 * collection file. Against the embedded sandbox each file's setting up is what costs (README,
 * Performance), and a recording or a replay reads and writes the collection's fixture.
 */
export function partsRunAlone(mode: RunOptions['mode'], target: Environment['target'], capturing: boolean): boolean {
  return mode === 'live' && target === 'remote' && !capturing;
}

/** Everything that can be wrong before jest starts, as one UserError (exit 2) with nothing run. */
function preflight(options: RunOptions, root: string, reports: string): { env: Environment; requestFiles?: string[]; partsAlone: boolean } {
  const env = loadEnvironment({ environment: options.environment, mode: options.mode });
  checkSuiteParts(root);
  checkCollections(root, options.collections);
  const partsAlone = partsRunAlone(options.mode, env.target, Boolean(process.env[CAPTURE_DIR_VARIABLE]));
  const requestFiles =
    options.request === undefined
      ? undefined
      : checkRequest(root, options.request, options.collections, () => requestNames(root), { partsAsTestFiles: partsAlone });
  checkReportsDir(reports);
  checkFixtures(root, options.mode, options.collections);
  return { env, requestFiles, partsAlone };
}

function requestNames(root: string): string[] {
  try {
    return discoverCollections(root).flatMap((entry) => Object.keys(entry.collection.requests));
  } catch {
    return []; // only for a better message: a collection that fails to load is the suites' failure to show
  }
}

/**
 * jest.config.ts, read by this process's own TypeScript loader and handed to jest whole. Left to
 * itself, jest reads the file through esbuild-register (the file's docblock, for a plain `npx jest`)
 * and leaves esbuild's hook on .js files when it is done: every module this process loads after
 * that (the sandbox a live run starts, the suites' environment in a one-file run) went to esbuild's
 * service and back, about 0.8 s of a live run's global setup (--cpu-prof). Read afresh each run:
 * it takes the reports directory from the environment.
 */
function jestConfig(root: string): Config {
  const file = path.join(root, 'jest.config.ts');
  delete require.cache[require.resolve(file)];
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the root is known only at run time
  const config = (require(file) as { default: Config }).default;
  // A config may name its own root (tools/report-check's is the project's); jest reads it from the file's folder.
  return { ...config, rootDir: config.rootDir ? path.resolve(root, config.rootDir) : root };
}

/**
 * Node flags without the preloading of `module` (`-r module`, `--require module`, `--require=module`),
 * named by the same path or one that resolves to it from the working directory.
 */
export function withoutPreload(execArgv: readonly string[], module: string): string[] {
  const isModule = (value: string | undefined) => value !== undefined && (value === module || path.resolve(value) === path.resolve(module));
  return execArgv.filter((flag, i) => {
    const preloads = (at: number) => (execArgv[at] === '-r' || execArgv[at] === '--require') && isModule(execArgv[at + 1]);
    return !preloads(i) && !preloads(i - 1) && !(flag.startsWith('--require=') && isModule(flag.slice('--require='.length)));
  });
}

/** jest prefixes an error of global setup with its own words and the file; a user's mistake needs neither. */
function unwrapSetupError(error: unknown): unknown {
  if (!isUserError(error)) return error;
  error.message = error.message.replace(/^Jest: Got error running global(Setup|Teardown) - \S+, reason: /, '');
  return error;
}

function ledgerSummary(env: Environment): { count: number; dir: string } | undefined {
  const dir = ledgerDir(env);
  return dir ? { count: pendingUndos(dir).length, dir } : undefined;
}

type FileResults = Awaited<ReturnType<typeof runCLI>>['results']['testResults'];

function collectFailures(files: FileResults, root: string): TestFailure[] {
  const out: TestFailure[] = [];
  for (const file of files) {
    const relative = path.relative(root, file.testFilePath);
    for (const test of file.testResults) {
      if (test.status === 'failed')
        out.push({ file: relative, test: [...test.ancestorTitles, test.title].join(' › '), message: test.failureMessages[0] ?? '' });
    }
    // A file that failed before or outside its tests (a throwing beforeAll, a syntax error) has no failed test to name.
    if (file.testExecError || (file.failureMessage && !file.testResults.some((test) => test.status === 'failed'))) {
      out.push({
        file: relative,
        test: '(test file)',
        message: file.testExecError ? execErrorText(file.testExecError, file.failureMessage) : (file.failureMessage ?? ''),
      });
    }
  }
  return out;
}

export class RunTimeoutError extends Error {}

/** `run_timeout_ms` of the environment (validated and in ms since the load); undefined = no limit. */
function runTimeoutMs(env: Environment): number | undefined {
  const raw = env.values.run_timeout_ms ?? '';
  return raw === '' ? undefined : Number(raw);
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

// One mutation run: the suites, live, against an embedded sandbox started with the given contract
// drifts (none for the baseline). jest global setup starts that sandbox; it reads the drift list
// from CLOUDLINK_SANDBOX_DRIFTS, so a run here is the same run a user gets from `npm start`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSuites, type TestFailure } from '../run/run';
import type { RunningSandbox } from '../../sandbox';
import { unescapeXml } from '../../harness/report/xml';
import { DRIFTS_VARIABLE, SANDBOX_HANDLE } from '../../harness/jest/sandbox-handles';

export interface MutationRun {
  /** The drift switched on, or undefined for the baseline run with none. */
  drift?: string;
  failures: TestFailure[];
  wallMs: number;
}

/**
 * Runs every collection live against the sandbox with `drift` on. Reports go to a throw-away
 * directory so a mutation run never overwrites the user's reports/. A run that throws outside any
 * test (global setup refused the sandbox, global teardown found leftovers) counts as a failure
 * named after where it happened: a drift that breaks the run still is a drift that was caught.
 */
export async function runWithDrift(drift: string | undefined, root = process.cwd()): Promise<MutationRun> {
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-mutation-'));
  // Global setup writes URLs and tokens into process.env for the workers; restoring it keeps one
  // run's sandbox (long closed) from leaking into the next run's environment.
  const saved = { ...process.env };
  process.env[DRIFTS_VARIABLE] = drift ?? '';
  // The file attribute lets failures read back from junit.xml (below) name their test file.
  process.env.JEST_JUNIT_ADD_FILE_ATTRIBUTE = 'true';
  const started = Date.now();
  try {
    const outcome = await runSuites(
      { environment: 'sandbox', mode: 'live', collections: [], bail: false, quiet: true, html: false, silent: true, reportsDir },
      root,
    );
    const failures = [...outcome.failures];
    if (!outcome.success && failures.length === 0) {
      failures.push({ file: '(run)', test: '(run)', message: 'jest reported the run as failed without a failing test' });
    }
    return { drift, failures, wallMs: Date.now() - started };
  } catch (error) {
    // runCLI rejects when global teardown throws (leftovers on the sandbox), losing its results;
    // jest-junit wrote junit.xml before teardown ran, so the failed tests are read back from it.
    const message = (error as Error).message ?? String(error);
    const where = /globalTeardown/.test(message) ? '(global teardown)' : '(global setup)';
    // jest skips global teardown when global setup throws (a drifted token answer refused at
    // login): the sandbox it started is still listening, so it is closed here.
    const handles = globalThis as Record<string, unknown>;
    const sandbox = handles[SANDBOX_HANDLE] as RunningSandbox | undefined;
    if (where === '(global setup)' && sandbox) await sandbox.close().catch(() => undefined);
    const failures = [...junitFailures(path.join(reportsDir, 'junit.xml'), root), { file: '(run)', test: where, message }];
    return { drift, failures, wallMs: Date.now() - started };
  } finally {
    delete (globalThis as Record<string, unknown>)[SANDBOX_HANDLE];
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/** The failed test cases of a jest-junit file (written with the file attribute). */
export function junitFailures(file: string, root: string): TestFailure[] {
  if (!existsSync(file)) return [];
  const xml = readFileSync(file, 'utf8');
  const out: TestFailure[] = [];
  const testcase = /<testcase\b([^>]*?)(\/>|>([\s\S]*?)<\/testcase>)/g;
  for (const match of xml.matchAll(testcase)) {
    const body = match[3] ?? '';
    const failure = /<(failure|error)\b[^>]*?(?:\/>|>([\s\S]*?)<\/\1>)/.exec(body);
    if (!failure) continue;
    const attribute = (name: string) => unescapeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(match[1] ?? '')?.[1] ?? '');
    const testFile = attribute('file');
    // run.ts's JUnit templates put the describe path in classname and the title in name; older
    // templates repeat the full name in both.
    const [classname, name] = [attribute('classname'), attribute('name')];
    const test = !classname || classname === name ? name : `${classname} ${name}`;
    out.push({ file: testFile ? path.relative(root, testFile) : '', test, message: unescapeXml(failure[2] ?? '') });
  }
  return out;
}

/** The lines of a jest failure message that say something, without colours, stack frames or matcher hints. */
export function shortMessage(message: string, max = 140): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = plain
    .split('\n')
    .map((line) => line.trim())
    // Stack frames, jest's "expect(received).toBe(expected)" hints and the schema matcher's schema paths are noise in a table.
    .filter((line) => line && !line.startsWith('at ') && !/^(Error: )?expect\(/.test(line) && !/^Error:?$/.test(line) && !line.startsWith('schema: '))
    // "Jest: Got error running globalSetup - <file>, reason: <why>": only the why is news.
    .map((line) => line.replace(/^Jest: Got error running global(Setup|Teardown) - \S+, reason: /, ''))
    .map((line) => line.replace(/^The value does not match schema (\S+) \([^)]*\): .*$/, 'schema $1:'));
  const oneLine = lines.slice(0, 3).join(' ').replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

// One mutation run: the suites, live, against an embedded sandbox started with the given contract
// drifts (none for the baseline). jest global setup starts that sandbox; it reads the drift list
// from CLOUDLINK_SANDBOX_DRIFTS, so a run here is the same run a user gets from `npm start`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSuites, type TestFailure } from '../cli/run';
import { DRIFTS_VARIABLE } from '../jest/global-setup';

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
    const message = (error as Error).message ?? String(error);
    return { drift, failures: [{ file: '(run)', test: '(global setup/teardown)', message }], wallMs: Date.now() - started };
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

/** The first line of a jest failure message that says something, without colours or stack frames. */
export function shortMessage(message: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const plain = message.replace(/\u001b\[[0-9;]*m/g, '');
  const lines = plain.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('at '));
  // jest's expect messages open with "expect(received).toBe(expected)": the lines after it are the news.
  const useful = lines.filter((line) => !/^expect\(/.test(line) && !/^Error:?$/.test(line)).slice(0, 3);
  const oneLine = (useful.length > 0 ? useful : lines.slice(0, 1)).join(' / ').replace(/\s+/g, ' ');
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

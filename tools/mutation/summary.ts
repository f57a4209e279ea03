// What a mutation run found: one run per drift and several runs with no drift (baselines). A test
// that fails in ANY baseline is a false positive, so it is counted once and never counted as
// detecting a drift: one lucky clean baseline must not hide a test that fails by time or by order.
import { UserError } from '../../harness/user-error';
import type { TestFailure } from '../run/run';
import type { MutationRun } from './run-drift';

export interface BaselineRun extends MutationRun {
  /** How many drift runs were made before this one: where it sat in the whole run. */
  afterDrifts: number;
}

export interface MutationSummary {
  /** The runs with no drift, in the order they were made; empty when skipped (--no-baseline). */
  baselines: BaselineRun[];
  runs: MutationRun[];
}

/** A test that failed with no drift on, with the baselines (1-based) it failed in. */
export interface FalsePositive extends TestFailure {
  inBaselines: number[];
}

// Names read back from JUnit join the describe path with spaces, jest's results with " › ".
const failureKey = (failure: { file: string; test: string }) => `${failure.file}\u0000${failure.test.replace(/ › /g, ' ')}`;

/** Every test that failed in at least one baseline, once, in the order first seen. */
export function falsePositives(baselines: readonly MutationRun[]): FalsePositive[] {
  const byKey = new Map<string, FalsePositive>();
  baselines.forEach((baseline, index) => {
    for (const failure of baseline.failures) {
      const key = failureKey(failure);
      const known = byKey.get(key);
      if (!known) byKey.set(key, { ...failure, inBaselines: [index + 1] });
      else if (!known.inBaselines.includes(index + 1)) known.inBaselines.push(index + 1);
    }
  });
  return [...byKey.values()];
}

/**
 * The failures a drift caused: those of its run that failed in no baseline. A test that fails with
 * no drift on (a broken or flaky test, or leftovers global teardown finds every time) proves nothing
 * about the drift, so it neither detects it nor hides it.
 */
export function driftFailures(run: MutationRun, baselines: readonly MutationRun[]): TestFailure[] {
  const known = new Set(falsePositives(baselines).map(failureKey));
  return run.failures.filter((failure) => !known.has(failureKey(failure)));
}

/**
 * A summary read back from a --json file. Files written before several baselines existed hold one
 * `baseline` (made first, so after 0 drifts); they are read as a list of one.
 */
export function summaryFromJson(parsed: unknown, file: string): MutationSummary {
  const refuse = (why: string) => new UserError(`--from-json ${file}: ${why}; expected a file written by --json.`);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw refuse('is not a JSON object');
  const raw = parsed as { runs?: unknown; baselines?: unknown; baseline?: unknown };
  if (!Array.isArray(raw.runs) || !raw.runs.every(isRun)) throw refuse('has no "runs" array of runs');
  let baselines: BaselineRun[];
  if (raw.baselines !== undefined) {
    if (!Array.isArray(raw.baselines) || !raw.baselines.every(isRun)) throw refuse('has a "baselines" that is not an array of runs');
    baselines = raw.baselines.map((run) => ({ ...run, afterDrifts: typeof run.afterDrifts === 'number' ? run.afterDrifts : 0 }));
  } else if (raw.baseline !== undefined) {
    if (!isRun(raw.baseline)) throw refuse('has a "baseline" that is not a run');
    baselines = [{ ...raw.baseline, afterDrifts: 0 }];
  } else {
    baselines = [];
  }
  return { baselines, runs: raw.runs };
}

function isRun(value: unknown): value is MutationRun & { afterDrifts?: unknown } {
  if (value === null || typeof value !== 'object') return false;
  const failures = (value as { failures?: unknown }).failures;
  return Array.isArray(failures) && failures.every((failure) => typeof failure?.file === 'string' && typeof failure?.test === 'string');
}

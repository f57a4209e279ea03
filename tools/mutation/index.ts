// `npm run mutation`: proof that the suites catch contract drift. For each drift of the sandbox's
// switchboard (or the chosen subset) the suites run live against a sandbox with only that drift
// on; runs with no drift (baselines) are spread among them to measure false positives. Runs are
// sequential on purpose: each starts its own sandbox in global setup and jest already uses every
// core within a run.
import { DRIFT_CATALOGUE } from '../../sandbox';
import { runWithDrift, type MutationRun } from './run-drift';
import type { MutationSummary } from './summary';

export { baselinePlace, renderMarkdown, renderText, rows, totalsLine, type MutationRow } from './table';
export { driftFailures, falsePositives, summaryFromJson, type BaselineRun, type FalsePositive, type MutationSummary } from './summary';
export { runWithDrift, shortMessage, type MutationRun } from './run-drift';
export { DEFAULT_BASELINES, MUTATION_USAGE, parseMutationArgs, type MutationArgs } from './options';

export interface MutationOptions {
  /** Drift ids to run; empty means the whole catalogue. */
  drifts: string[];
  /** Runs with no drift, spread over the whole run; 0 skips them (false positives are then not measured). */
  baselines: number;
  /** Called after every run, for progress output; `label` names the drift or which baseline it was. */
  onRun?: (run: MutationRun, index: number, total: number, label: string) => void;
  root?: string;
  /** Makes one run; tests inject a fake so no suite runs. */
  runOne?: (drift: string | undefined, root?: string) => Promise<MutationRun>;
}

/** One step of the whole run: a drift's run, or the nth (0-based) run with no drift. */
export type PlannedRun = { drift: string } | { baseline: number; afterDrifts: number };

export class UnknownDriftError extends Error {}

/** The catalogue ids, in catalogue order; unknown ids are refused before anything runs. */
export function selectDrifts(requested: string[]): string[] {
  const known = DRIFT_CATALOGUE.map((definition) => definition.id);
  const unknown = requested.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UnknownDriftError(`Unknown drift(s): ${unknown.join(', ')}. Known: ${known.join(', ')}`);
  return requested.length > 0 ? known.filter((id) => requested.includes(id)) : known;
}

/**
 * The order of the runs: the first baseline before any drift (if the faithful sandbox already fails
 * tests, every detection after it is suspect), the last after every drift, the others evenly in
 * between, so a false positive that depends on time, load or what ran before has a chance to show.
 */
export function planRuns(drifts: readonly string[], baselines: number): PlannedRun[] {
  const afterDrifts = (index: number) => (baselines === 1 ? 0 : Math.round((index * drifts.length) / (baselines - 1)));
  const plan: PlannedRun[] = [];
  let next = 0;
  for (let position = 0; position <= drifts.length; position++) {
    while (next < baselines && afterDrifts(next) === position) plan.push({ baseline: next++, afterDrifts: position });
    const drift = drifts[position];
    if (drift !== undefined) plan.push({ drift });
  }
  return plan;
}

export async function runMutation(options: MutationOptions): Promise<MutationSummary> {
  const runOne = options.runOne ?? runWithDrift;
  const plan = planRuns(selectDrifts(options.drifts), options.baselines);
  const summary: MutationSummary = { baselines: [], runs: [] };
  for (const [index, step] of plan.entries()) {
    if ('drift' in step) {
      const run = await runOne(step.drift, options.root);
      summary.runs.push(run);
      options.onRun?.(run, index + 1, plan.length, step.drift);
    } else {
      const run = { ...(await runOne(undefined, options.root)), afterDrifts: step.afterDrifts };
      summary.baselines.push(run);
      options.onRun?.(run, index + 1, plan.length, `(no drift ${step.baseline + 1}/${options.baselines})`);
    }
  }
  return summary;
}

// `npm run mutation`: proof that the suites catch contract drift. For each drift of the sandbox's
// switchboard (or the chosen subset) the suites run live against a sandbox with only that drift
// on, then once with none. Runs are sequential on purpose: each starts its own sandbox in global
// setup and jest already uses every core within a run.
import { DRIFT_CATALOGUE } from '../../sandbox';
import { runWithDrift, type MutationRun } from './run-drift';
import type { MutationSummary } from './table';

export { driftFailures, renderMarkdown, renderText, rows, totalsLine, type MutationRow, type MutationSummary } from './table';
export { runWithDrift, shortMessage, type MutationRun } from './run-drift';

export interface MutationOptions {
  /** Drift ids to run; empty means the whole catalogue. */
  drifts: string[];
  /** Skip the no-drift run (false positives are then not measured). */
  skipBaseline?: boolean;
  /** Called after every run, for progress output. */
  onRun?: (run: MutationRun, index: number, total: number) => void;
  root?: string;
}

export class UnknownDriftError extends Error {}

/** The catalogue ids, in catalogue order; unknown ids are refused before anything runs. */
export function selectDrifts(requested: string[]): string[] {
  const known = DRIFT_CATALOGUE.map((definition) => definition.id);
  const unknown = requested.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UnknownDriftError(`Unknown drift(s): ${unknown.join(', ')}. Known: ${known.join(', ')}`);
  return requested.length > 0 ? known.filter((id) => requested.includes(id)) : known;
}

export async function runMutation(options: MutationOptions): Promise<MutationSummary> {
  const drifts = selectDrifts(options.drifts);
  const total = drifts.length + (options.skipBaseline ? 0 : 1);
  const summary: MutationSummary = { runs: [] };
  let index = 0;
  // The baseline first: if the faithful sandbox already fails tests, every "detection" after it is suspect.
  if (!options.skipBaseline) {
    summary.baseline = await runWithDrift(undefined, options.root);
    options.onRun?.(summary.baseline, ++index, total);
  }
  for (const drift of drifts) {
    const run = await runWithDrift(drift, options.root);
    summary.runs.push(run);
    options.onRun?.(run, ++index, total);
  }
  return summary;
}

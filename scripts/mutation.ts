// `npm run mutation [-- --drift <id> ...] [-- --baselines <n> | --no-baseline] [-- --out docs/mutation.md]`:
// see tools/mutation. Exits 0 only when every drift run was detected and every run with no drift is clean.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean, UserError } from '../harness/user-error';
import { DRIFT_CATALOGUE } from '../sandbox';
import { runMain } from '../tools/cli/main';
import {
  driftFailures,
  falsePositives,
  MUTATION_USAGE,
  parseMutationArgs,
  renderMarkdown,
  renderText,
  runMutation,
  selectDrifts,
  shortMessage,
  summaryFromJson,
  UnknownDriftError,
  type MutationSummary,
} from '../tools/mutation';
import { checkOutputFile } from '../tools/run/preflight';

runMain('mutation', async (argv) => {
  const args = parseMutationArgs(argv);
  if (args.help) {
    process.stdout.write(`${MUTATION_USAGE}\n`);
    return 0;
  }
  checkDrifts(args.drifts);
  if (args.out !== undefined) checkOutputFile(args.out, '--out');
  if (args.json !== undefined) checkOutputFile(args.json, '--json');
  const summary: MutationSummary = args.fromJson
    ? readSummary(args.fromJson)
    : await runMutation({
        drifts: args.drifts,
        baselines: args.baselines,
        onRun: (run, index, total, label) => {
          // Raw counts: whether a failure is the drift's own is decided against every baseline at the end.
          const first = run.failures[0];
          process.stderr.write(
            `[${index}/${total}] ${label}: ${run.failures.length} failed in ${(run.wallMs / 1000).toFixed(1)} s` +
              `${first ? ` — ${first.test}: ${shortMessage(first.message, 80)}` : ''}\n`,
          );
        },
      });
  if (args.out) {
    const file = path.resolve(args.out);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderMarkdown(summary));
    process.stderr.write(`table written to ${path.relative(process.cwd(), file)}\n`);
  }
  if (args.json) writeFileSync(path.resolve(args.json), `${JSON.stringify(summary, null, 2)}\n`);
  // Last, so the totals line is the last line of the output.
  process.stdout.write(`\n${renderText(summary)}`);
  const missed = summary.runs.some((run) => driftFailures(run, summary.baselines).length === 0);
  return missed || falsePositives(summary.baselines).length > 0 ? 1 : 0;
});

/** Unknown drift ids are refused before any run, one at a time with did-you-mean. */
function checkDrifts(requested: string[]): void {
  try {
    selectDrifts(requested);
  } catch (error) {
    if (!(error instanceof UnknownDriftError)) throw error;
    const known = DRIFT_CATALOGUE.map((drift) => drift.id);
    const unknown = requested.find((id) => !known.includes(id)) ?? '';
    throw new UserError(`Unknown drift "${unknown}" (--drift).${didYouMean(unknown, known) || ' `npm run sandbox -- --list-drifts` lists them.'}`);
  }
}

function readSummary(file: string): MutationSummary {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`--from-json ${file}: ${code ? `cannot be read (${code})` : 'is not JSON written by --json'}.`);
  }
  return summaryFromJson(parsed, file);
}

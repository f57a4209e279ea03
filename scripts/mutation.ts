// `npm run mutation [-- --drift <id> ...] [-- --out docs/mutation.md] [-- --no-baseline]`:
// see tools/mutation. Exits 0 only when every drift run was detected and the baseline is clean.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { didYouMean, UserError } from '../harness/user-error';
import { DRIFT_CATALOGUE } from '../sandbox';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { driftFailures, renderMarkdown, renderText, runMutation, selectDrifts, shortMessage, UnknownDriftError, type MutationSummary } from '../tools/mutation';
import { checkOutputFile } from '../tools/run/preflight';

const USAGE = `Usage: npm run mutation -- [options]

      --drift <id>     run only this drift (repeatable; default: the whole catalogue)
      --out <file>     also write the table as markdown, e.g. docs/mutation.md
      --json <file>    also write every run's failures as JSON (full messages)
      --from-json <f>  render the table from a saved --json file instead of running
      --no-baseline    skip the run with no drift (false positives are then not measured)
  -h, --help           this text`;

runMain('mutation', async (argv) => {
  const { values } = parseFlags(argv, {
    drift: { type: 'string', multiple: true },
    out: { type: 'string' },
    json: { type: 'string' },
    'from-json': { type: 'string' },
    'no-baseline': { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  checkDrifts(values.drift ?? []);
  if (values.out !== undefined) checkOutputFile(values.out, '--out');
  if (values.json !== undefined) checkOutputFile(values.json, '--json');
  const saved = values['from-json'];
  const summary: MutationSummary = saved
    ? readSummary(saved)
    : await runMutation({
        drifts: values.drift ?? [],
        skipBaseline: values['no-baseline'] ?? false,
        onRun: (run, index, total) => {
          // Raw counts: whether a failure is the drift's own is decided against the baseline at the end.
          const verdict = `${run.failures.length} failed`;
          const first = run.failures[0];
          process.stderr.write(
            `[${index}/${total}] ${run.drift ?? '(no drift)'}: ${verdict} in ${(run.wallMs / 1000).toFixed(1)} s` +
              `${first ? ` — ${first.test}: ${shortMessage(first.message, 80)}` : ''}\n`,
          );
        },
      });
  if (values.out) {
    const file = path.resolve(values.out);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, renderMarkdown(summary));
    process.stderr.write(`table written to ${path.relative(process.cwd(), file)}\n`);
  }
  if (values.json) writeFileSync(path.resolve(values.json), `${JSON.stringify(summary, null, 2)}\n`);
  // Last, so the totals line is the last line of the output.
  process.stdout.write(`\n${renderText(summary)}`);
  const missed = summary.runs.some((run) => driftFailures(run, summary.baseline).length === 0);
  return missed || (summary.baseline?.failures.length ?? 0) > 0 ? 1 : 0;
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
  if (parsed === null || typeof parsed !== 'object' || !Array.isArray((parsed as MutationSummary).runs)) {
    throw new UserError(`--from-json ${file}: has no "runs" array; expected a file written by --json.`);
  }
  return parsed as MutationSummary;
}

// `npm run mutation [-- --drift <id> ...] [-- --out docs/mutation.md] [-- --no-baseline]`:
// see tools/mutation. Exits 0 only when every drift run was detected and the baseline is clean.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  driftFailures, renderMarkdown, renderText, runMutation, shortMessage, UnknownDriftError, type MutationSummary,
} from '../tools/mutation';

const USAGE = `Usage: npm run mutation -- [options]

      --drift <id>     run only this drift (repeatable; default: the whole catalogue)
      --out <file>     also write the table as markdown, e.g. docs/mutation.md
      --json <file>    also write every run's failures as JSON (full messages)
      --from-json <f>  render the table from a saved --json file instead of running
      --no-baseline    skip the run with no drift (false positives are then not measured)
  -h, --help           this text`;

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        drift: { type: 'string', multiple: true },
        out: { type: 'string' },
        json: { type: 'string' },
        'from-json': { type: 'string' },
        'no-baseline': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const saved = values['from-json'];
  const summary: MutationSummary = saved ? (JSON.parse(readFileSync(saved, 'utf8')) as MutationSummary) : await runMutation({
    drifts: values.drift ?? [],
    skipBaseline: values['no-baseline'],
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
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof UnknownDriftError ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(error instanceof UnknownDriftError ? 2 : 1);
  },
);

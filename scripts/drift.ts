// `npm run drift -- -e <name|file> [--reports <dir>]`: see tools/drift. Writes drift.md and
// drift.json under the reports directory; exits 1 on breaking drift only (a failed live test is
// the live run's business, reported by `npm start`), 2 on a mistake in the input.
import path from 'node:path';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { runDrift, writeDriftReport } from '../tools/drift';
import { UsageError } from '../tools/run/options';
import { checkReportsDir } from '../tools/run/preflight';

const USAGE = `Usage: npm run drift -- [options]
  -e, --environment <name|file>  the environment to run live against (default: sandbox); --env is the same
      --reports <dir>            where drift.md and drift.json go (default: reports)
  -h, --help                     this text`;

runMain('drift', async (argv) => {
  const { values } = parseFlags(argv, {
    environment: { type: 'string', short: 'e' },
    env: { type: 'string' },
    reports: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.environment !== undefined && values.env !== undefined)
    throw new UsageError('Give the environment once: --environment and --env are the same option.');
  const environment = values.environment ?? values.env ?? 'sandbox';
  const reports = values.reports ?? 'reports';
  checkReportsDir(reports);
  const report = await runDrift(environment, process.cwd(), reports);
  const breaking = writeDriftReport(report, reports);
  const count = report.findings.filter((finding) => finding.severity === 'breaking').length;
  process.stdout.write(
    `drift: ${count} breaking, ${report.findings.length - count} additive over ${report.exchanges} exchanges; ` + `see ${path.join(reports, 'drift.md')}\n`,
  );
  return breaking ? 1 : 0;
});

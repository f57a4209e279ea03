// `npm run drift -- --env <target> [--reports <dir>]`: see tools/drift. Writes drift.md and
// drift.json under the reports directory; exits 1 on breaking drift only (a failed live test is
// the live run's business, reported by `npm start`), 2 on a usage error.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runDrift, writeDriftReport } from '../tools/drift';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ options: { env: { type: 'string', default: 'sandbox' }, reports: { type: 'string', default: 'reports' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: npm run drift -- --env <name|file> [--reports <dir>]\n`);
    return 2;
  }
  const report = await runDrift(values.env, process.cwd(), values.reports);
  const breaking = writeDriftReport(report, values.reports);
  const count = report.findings.filter((finding) => finding.severity === 'breaking').length;
  process.stdout.write(
    `drift: ${count} breaking, ${report.findings.length - count} additive over ${report.exchanges} exchanges; ` +
      `see ${path.join(values.reports, 'drift.md')}\n`,
  );
  return breaking ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

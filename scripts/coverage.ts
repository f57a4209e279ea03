// `npm run coverage [-- --reports <dir>]`: see tools/coverage. Writes coverage.md and coverage.json
// under the reports directory; exits 1 when a documented operation is neither covered nor given a
// reason, 2 on a usage error.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { totalsLine, writeCoverage } from '../tools/coverage';

function main(): number {
  let values;
  try {
    ({ values } = parseArgs({ options: { reports: { type: 'string', default: 'reports' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: npm run coverage [-- --reports <dir>]\n`);
    return 2;
  }
  const totals = writeCoverage(process.cwd(), values.reports);
  process.stdout.write(`coverage: ${totalsLine(totals)}\nsee ${path.join(values.reports, 'coverage.md')}\n`);
  return totals.open > 0 ? 1 : 0;
}

process.exit(main());

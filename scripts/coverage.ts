// `npm run coverage [-- --reports <dir>]`: see tools/coverage. Writes coverage.md and coverage.json
// under the reports directory; exits 1 when a documented operation is neither covered nor given a
// reason, 2 on a usage error.
import path from 'node:path';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { totalsLine, writeCoverage } from '../tools/coverage';

const USAGE = `usage: npm run coverage -- [--reports <dir>]
  --reports <dir>   where coverage.md and coverage.json go (default reports)`;

runMain('coverage', (argv) => {
  const { values } = parseFlags(argv, { reports: { type: 'string' }, help: { type: 'boolean', short: 'h' }, verbose: { type: 'boolean' } });
  if (values.help) return (process.stdout.write(`${USAGE}\n`), 0);
  const reports = values.reports ?? 'reports';
  const totals = writeCoverage(process.cwd(), reports);
  process.stdout.write(`coverage: ${totalsLine(totals)}\nsee ${path.join(reports, 'coverage.md')}\n`);
  return totals.open > 0 ? 1 : 0;
});

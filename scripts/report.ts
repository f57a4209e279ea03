// `npm run report`: renders reports/allure-results into reports/allure-report/index.html.
import path from 'node:path';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { renderHtmlReport } from '../harness/report/render';

runMain('report', async (argv) => {
  const { values } = parseFlags(argv, { verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write('Usage: npm run report   (renders reports/allure-results into reports/allure-report/index.html)\n');
    return 0;
  }
  const file = await renderHtmlReport();
  process.stdout.write(`HTML report: ${path.relative(process.cwd(), file)}\n`);
  return 0;
});

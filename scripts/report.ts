// `npm run report`: renders reports/allure-results into reports/allure-report/index.html.
import path from 'node:path';
import { renderHtmlReport } from '../harness/report/render';

renderHtmlReport().then(
  (file) => process.stdout.write(`HTML report: ${path.relative(process.cwd(), file)}\n`),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  },
);

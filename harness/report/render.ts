// Renders the Allure results into one HTML file that opens from disk with no server
// (allurerc.json sets the "awesome" report's singleFile option). Allure 3 generates offline.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Overrides the reports directory (default reports/): set by `--reports`, read by jest.config.ts. */
export const REPORTS_DIR_VARIABLE = 'CLOUDLINK_REPORTS_DIR';

export async function renderHtmlReport(root = process.cwd(), reports = path.resolve(root, process.env[REPORTS_DIR_VARIABLE] ?? 'reports')): Promise<string> {
  const results = path.join(reports, 'allure-results');
  if (!existsSync(results) || readdirSync(results).length === 0) {
    throw new Error(`No Allure results in ${path.relative(root, results)}: run the suites first (npm start).`);
  }
  // allure's package exports do not include its CLI, so it is found by its place in node_modules.
  const cli = path.join(root, 'node_modules', 'allure', 'cli.js');
  const output = path.join(reports, 'allure-report');
  await run(process.execPath, [cli, 'generate', results, '--config', path.join(root, 'allurerc.json'), '--output', output], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return path.join(output, 'index.html');
}

// Renders the Allure results into one HTML file that opens from disk with no server
// (allurerc.json sets the "awesome" report's singleFile option). Allure 3 generates offline.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
  const file = path.join(output, 'index.html');
  writeFileSync(file, openableFromDisk(readFileSync(file, 'utf8')));
  return file;
}

/**
 * Two mends to the single file Allure 3.18 writes, both found by opening it in a real browser
 * (npm run test:report). The app's script runs before the script that embeds the report's data, so
 * on a busy machine the app looked for its data too early, fell back to fetching files beside
 * index.html, which file:// forbids, and showed an empty report: declaring the data store before
 * the app makes it wait for the data instead. And the page loaded Google's analytics script: a
 * report of an account's API run has no business calling out, so that block is removed.
 */
export function openableFromDisk(html: string): string {
  const withoutAnalytics = html.replace(
    /\s*<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>[\s\S]*?gtag\('config'[\s\S]*?<\/script>/,
    '',
  );
  if (!withoutAnalytics.includes('window.allureReportData = window.allureReportData || {}')) return withoutAnalytics;
  const waitForData = '<script>window.allureReportData = window.allureReportData || {}; window.allureReportDataReady = false;</script>';
  return withoutAnalytics.replace('<div id="app"></div>', `<div id="app"></div>\n    ${waitForData}`);
}

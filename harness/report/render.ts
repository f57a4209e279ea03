// Renders the Allure results into one HTML file that opens from disk with no server
// (allurerc.json sets the "awesome" report's singleFile option). Allure 3 generates offline.
// A run that will want the report starts Allure before its tests end (./allure-when-told.mjs), so
// that loading Allure overlaps the tests; the report is generated once the results are complete.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Overrides the reports directory (default reports/): set by `--reports`, read by jest.config.ts. */
export const REPORTS_DIR_VARIABLE = 'CLOUDLINK_REPORTS_DIR';

/** Allure, started and waiting for the results to be complete. */
export interface HtmlReportRenderer {
  /** Generates the report from the results as they are now; resolves to the HTML file. */
  render(): Promise<string>;
  /** Ends the waiting Allure without a report (the run did not get as far); resolves when it has exited. */
  cancel(): Promise<void>;
}

/** Starts Allure now; nothing is read from `reports` until render(). */
export function startHtmlReport(root = process.cwd(), reports = path.resolve(root, process.env[REPORTS_DIR_VARIABLE] ?? 'reports')): HtmlReportRenderer {
  const results = path.join(reports, 'allure-results');
  const output = path.join(reports, 'allure-report');
  // allure's package exports do not include its CLI, so it is found by its place in node_modules.
  const cli = path.join(root, 'node_modules', 'allure', 'cli.js');
  const args = [path.join(__dirname, 'allure-when-told.mjs'), cli, 'generate', results, '--config', path.join(root, 'allurerc.json'), '--output', output];
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => void (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (printed += chunk.toString()));
  // A child that died early closes its stdin: writing "go" to it must not crash this process.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const cancel = async (): Promise<void> => {
    if (!child.stdin.writableEnded) child.stdin.end();
    await exited.catch(() => undefined);
  };
  return {
    async render() {
      if (child.stdin.writableEnded) throw new Error('The HTML report was cancelled or rendered already.');
      if (!existsSync(results) || readdirSync(results).length === 0) {
        await cancel();
        throw new Error(`No Allure results in ${path.relative(root, results)}: run the suites first (npm start).`);
      }
      child.stdin.end('go\n');
      const code = await exited;
      if (code !== 0) throw new Error(`allure generate exited with ${code}:\n${printed.trim()}`);
      const file = path.join(output, 'index.html');
      writeFileSync(file, openableFromDisk(readFileSync(file, 'utf8')));
      return file;
    },
    cancel,
  };
}

/** Renders the report from the results as they are. */
export function renderHtmlReport(root = process.cwd(), reports = path.resolve(root, process.env[REPORTS_DIR_VARIABLE] ?? 'reports')): Promise<string> {
  return startHtmlReport(root, reports).render();
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

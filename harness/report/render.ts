// Renders the Allure results into one HTML file that opens from disk with no server
// (allurerc.json sets the "awesome" report's singleFile option). Allure 3 generates offline.
// Loading Allure is most of the rendering of a small run, so it is started early, in a process of
// its own (./allure-when-told.mjs), and told what to generate once the results are complete: the
// CLI warms it up before it loads jest (warmUpAllure), a run that will want the report starts one
// beside its tests if none is warm yet (startHtmlReport).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
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

interface WaitingAllure {
  root: string;
  child: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
  printed(): string;
}

let warm: WaitingAllure | undefined;

/** Starts loading Allure now, for the next report this process renders from `root`. */
export function warmUpAllure(root = process.cwd()): void {
  warm ??= startAllure(root);
}

/** Starts Allure now, or takes the one warmed up; nothing is read from `reports` until render(). */
export function startHtmlReport(root = process.cwd(), reports = path.resolve(root, process.env[REPORTS_DIR_VARIABLE] ?? 'reports')): HtmlReportRenderer {
  const results = path.join(reports, 'allure-results');
  const output = path.join(reports, 'allure-report');
  const allure = warm?.root === root ? warm : startAllure(root);
  // One warmed up for another root is of no use: it ends rather than wait for this process to exit.
  if (warm && warm !== allure) warm.child.stdin.end();
  warm = undefined;
  const { child, exited } = allure;
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
      const job = { results, config: path.join(root, 'allurerc.json'), output };
      child.stdin.end(`go ${JSON.stringify(job)}\n`);
      const code = await exited;
      if (code !== 0) throw new Error(`Allure's report generation exited with ${code}:\n${allure.printed().trim()}`);
      const file = path.join(output, 'index.html');
      writeFileSync(file, openableFromDisk(readFileSync(file, 'utf8')));
      return file;
    },
    cancel,
  };
}

function startAllure(root: string): WaitingAllure {
  const child = spawn(process.execPath, [path.join(__dirname, 'allure-when-told.mjs'), root], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout.on('data', (chunk: Buffer) => void (printed += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (printed += chunk.toString()));
  // A child that died early closes its stdin: writing to it must not crash this process.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  return { root, child, exited, printed: () => printed };
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

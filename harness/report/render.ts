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
  // Where the report goes is known now: Allure reads its configuration and starts the report while
  // the tests run (./allure-when-told.mjs).
  child.stdin.write(`ready ${JSON.stringify({ config: path.join(root, 'allurerc.json'), output })}\n`);
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
      child.stdin.end(`go ${JSON.stringify({ results })}\n`);
      const code = await exited;
      if (code !== 0) throw new Error(`Allure's report generation exited with ${code}:\n${allure.printed().trim()}`);
      const file = path.join(output, 'index.html');
      writeFileSync(file, openableFromDisk(readFileSync(file)));
      return file;
    },
    cancel,
  };
}

function startAllure(root: string): WaitingAllure {
  // Without V8's optimizing compiler: Allure's process lives a second or two, too short for what it
  // optimizes on background threads to pay back, and on two cores those threads take time from the
  // tests it loads beside (measured: one request with the report 1.42 → 1.29 s, medians of 6; a
  // report of every collection generated as fast or faster).
  const child = spawn(process.execPath, ['--no-turbofan', path.join(__dirname, 'allure-when-told.mjs'), root], {
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
 *
 * The file is several megabytes (the app and the data, inlined), and both mends are a few hundred
 * bytes: it is searched and cut as bytes, not decoded to text and encoded back (measured on the
 * report of one request, once in a fresh process as a run does it: 19 ms against 54 ms).
 */
export function openableFromDisk(html: Buffer): Buffer {
  const cuts: Array<{ at: number; end: number; insert?: Buffer }> = [];
  const analytics = analyticsBlock(html);
  if (analytics) cuts.push(analytics);
  const app = html.indexOf(APP_ROOT);
  if (app >= 0 && html.includes(DATA_STORE)) {
    const at = app + APP_ROOT.length;
    cuts.push({ at, end: at, insert: Buffer.from(`\n    ${WAIT_FOR_DATA}`) });
  }
  cuts.sort((a, b) => a.at - b.at);
  const pieces: Buffer[] = [];
  let kept = 0;
  for (const cut of cuts) {
    pieces.push(html.subarray(kept, cut.at));
    if (cut.insert) pieces.push(cut.insert);
    kept = cut.end;
  }
  pieces.push(html.subarray(kept));
  return Buffer.concat(pieces);
}

const APP_ROOT = '<div id="app"></div>';
const DATA_STORE = 'window.allureReportData = window.allureReportData || {}';
const WAIT_FOR_DATA = '<script>window.allureReportData = window.allureReportData || {}; window.allureReportDataReady = false;</script>';
const ANALYTICS_LOADER = '<script async src="https://www.googletagmanager.com/';
// The loader's tag and the inline script that configures it, from the loader on (sticky).
const ANALYTICS = /<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>[\s\S]*?gtag\('config'[\s\S]*?<\/script>/y;

/** Where the analytics block is, with the white space before it; read as latin1, a character is a byte. */
function analyticsBlock(html: Buffer): { at: number; end: number } | undefined {
  const loader = html.indexOf(ANALYTICS_LOADER);
  if (loader < 0) return undefined;
  ANALYTICS.lastIndex = 0;
  const found = ANALYTICS.exec(html.toString('latin1', loader, Math.min(html.length, loader + 64 * 1024)));
  if (!found) return undefined;
  let at = loader;
  while (at > 0 && isWhiteSpace(html[at - 1] as number)) at--;
  return { at, end: loader + found[0].length };
}

function isWhiteSpace(byte: number): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c;
}

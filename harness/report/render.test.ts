// The HTML report's renderer, against a stand-in for Allure's generator in a temporary root: it loads
// before the results are complete, generates only when told, and a run that never tells it leaves
// no report and no process behind. (The real Allure renders in `npm run test:report`.)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHtmlReport, warmUpAllure } from './render';

let root: string;
let reports: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'render-'));
  reports = path.join(root, 'reports');
  // A stand-in for Allure's generator (@allurereport/core): it notes that it was loaded, and its
  // report writes what it was asked to read, as a page.
  const core = path.join(root, 'node_modules', '@allurereport', 'core');
  mkdirSync(path.join(core, 'dist'), { recursive: true });
  writeFileSync(path.join(core, 'package.json'), JSON.stringify({ name: '@allurereport/core', type: 'module', exports: { '.': './dist/index.js' } }));
  writeFileSync(
    path.join(core, 'dist', 'index.js'),
    [
      "import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';",
      `appendFileSync(${JSON.stringify(path.join(root, 'loaded'))}, 'loaded\\n');`,
      'export const readConfig = async (cwd, file, overrides) => ({ cwd, file, ...overrides });',
      'export class AllureReport {',
      '  constructor(config) { this.config = config; }',
      '  async start() {}',
      '  async readDirectory(dir) { this.read = readdirSync(dir).join(","); }',
      '  async done() {',
      '    mkdirSync(this.config.output, { recursive: true });',
      '    const page = \'<div id="app"></div><script>window.allureReportData = window.allureReportData || {}</script>\';',
      '    writeFileSync(this.config.output + "/index.html", page + "generate " + this.read + " with " + this.config.file);',
      '  }',
      '}',
    ].join('\n'),
  );
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeResult(name: string): void {
  mkdirSync(path.join(reports, 'allure-results'), { recursive: true });
  writeFileSync(path.join(reports, 'allure-results', name), '{}');
}

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 5000) throw new Error('waited 5 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('loads Allure at once and generates from the results written after it started', async () => {
  const renderer = startHtmlReport(root, reports);
  await until(() => existsSync(path.join(root, 'loaded')));
  writeResult('a-result.json');
  const file = await renderer.render();
  expect(file).toBe(path.join(reports, 'allure-report', 'index.html'));
  const html = readFileSync(file, 'utf8');
  expect(html).toContain('generate a-result.json');
  // The page is made openable from disk on the way out (openableFromDisk).
  expect(html).toContain('window.allureReportDataReady = false');
});

it('renders with the Allure warmed up for the same root instead of starting another', async () => {
  warmUpAllure(root);
  await until(() => existsSync(path.join(root, 'loaded')));
  writeResult('b-result.json');
  const html = readFileSync(await startHtmlReport(root, reports).render(), 'utf8');
  expect(html).toContain('generate b-result.json');
  expect(readFileSync(path.join(root, 'loaded'), 'utf8')).toBe('loaded\n');
});

it('generates nothing when cancelled, and its process ends', async () => {
  const renderer = startHtmlReport(root, reports);
  writeResult('a-result.json');
  await renderer.cancel();
  await expect(renderer.render()).rejects.toThrow('The HTML report was cancelled or rendered already.');
  expect(existsSync(path.join(reports, 'allure-report'))).toBe(false);
});

it('names the results folder when the run wrote none', async () => {
  const renderer = startHtmlReport(root, reports);
  await expect(renderer.render()).rejects.toThrow('No Allure results in reports/allure-results: run the suites first (npm start).');
});

// `npm run test:report [-- --update-images]`: builds the report of a small known run, opens the
// single HTML file from disk in headless Chromium and checks what a person sees there
// (tools/report-check). --update-images rewrites the README's screenshots in docs/images/ and
// their layout fingerprints. Without Chromium it says so in one line and exits 0; a bad flag
// exits 2; a failed check exits 1.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPath, DEFAULT_CHROMIUM, launchChromium } from '../tools/report-check/report-page';
import { reportChecks } from '../tools/report-check/checks';
import { buildKnownReport } from '../tools/report-check/known-run';
import { sandboxSecrets, secretNeedles } from '../tools/report-check/secrets';

const USAGE = 'usage: npm run test:report [-- --update-images]';

async function main(): Promise<number> {
  let updateImages: boolean;
  try {
    updateImages = parseArgs({ options: { 'update-images': { type: 'boolean', default: false } }, strict: true }).values['update-images'] ?? false;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const executable = chromiumPath();
  if (!executable) {
    process.stdout.write(
      `test:report skipped: no Chromium at ${process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`,
    );
    return 0;
  }
  const started = Date.now();
  const root = process.cwd();
  process.stdout.write('test:report: the known run (fixture suite and one real suite per collection, live on the sandbox)…\n');
  const known = await buildKnownReport(root);
  process.stdout.write(`test:report: ${path.relative(root, known.html)} built in ${(known.ms / 1000).toFixed(1)} s; opening it in ${executable}\n`);

  const needles = secretNeedles(await sandboxSecrets());
  const allureVersion = (JSON.parse(readFileSync(path.join(root, 'node_modules', 'allure', 'package.json'), 'utf8')) as { version: string }).version;
  const browser = await launchChromium(executable);
  let passed = 0;
  let failed = 0;
  try {
    const checks = reportChecks(browser, known, { imagesDir: path.join(root, 'docs', 'images'), updateImages, allureVersion, needles });
    for (const [index, check] of checks.entries()) {
      try {
        await check.run();
        passed += 1;
        process.stdout.write(`  ✓ ${check.name}\n`);
      } catch (error) {
        failed += 1;
        process.stdout.write(`  ✗ ${check.name}\n${indent((error as Error).message)}\n`);
        // Nothing else can be looked at in a report that did not open.
        if (index === 0) break;
      }
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(`test:report took ${((Date.now() - started) / 1000).toFixed(1)} s (known run and rendering ${(known.ms / 1000).toFixed(1)} s)\n`);
  process.stdout.write(`report: ${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `      ${line}`)
    .join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`test:report: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

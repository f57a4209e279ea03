// What a person must see in the report of the known run, one named check each, in the order a
// person would look. Each check throws with what it saw instead; the screenshots for the README
// are taken on the way, on the same views the checks have just proved.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CASES, COLLECTIONS, REAL, SAMPLE_DRIFT_BREAKING, SAMPLE_DRIFT_ORDER } from './expected';
import { hashTokens, layoutTokens, readFingerprints, staleImages, writeFingerprints, type Fingerprints } from './fingerprint';
import type { KnownReport } from './known-run';
import { ReportPage } from './report-page';
import { findSecrets, type Needle } from './secrets';

export interface Check {
  name: string;
  run: () => Promise<void>;
}

export interface CheckOptions {
  /** docs/images: the README's screenshots and fingerprint.json. */
  imagesDir: string;
  /** Write the screenshots and fingerprints there instead of comparing. */
  updateImages: boolean;
  allureVersion: string;
  needles: Needle[];
}

export function expectThat(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const FAILURE_POINTER = 'at /accountId: must be string';
/** The README's quick start shows these, from docs/images/. */
export const SCREENSHOTS = ['exchange.png', 'failure.png', 'overview.png'];

/** The checks, to be run in order: later ones reuse the page the earlier ones opened. */
export function reportChecks(browser: Browser, known: KnownReport, options: CheckOptions): Check[] {
  let report: ReportPage;
  const shots: Fingerprints = { allure: options.allureVersion, images: {} };
  // Screenshots of a normal run go beside the report (a CI artifact); only --update-images touches docs/.
  const shotsDir = options.updateImages ? options.imagesDir : path.join(known.reportsDir, 'screenshots');
  const shoot = async (name: string) => {
    mkdirSync(shotsDir, { recursive: true });
    await report.screenshot(path.join(shotsDir, name));
    shots.images[name] = hashTokens(await layoutTokens(report.page.locator('body')));
  };

  return [
    {
      name: 'opens from disk and shows the five collections as the top of the tree',
      run: async () => {
        report = await ReportPage.open(browser, known.html);
        const sections = await report.topLevelSections();
        expectThat([...sections].sort().join() === [...COLLECTIONS].sort().join(), `top of the tree: ${JSON.stringify(sections)}, not the five collections`);
        await report.remember();
        await report.showOnly(['Authentication', 'GET Token']);
        await shoot('overview.png');
      },
    },
    {
      name: 'groups each test under its collection and the request it is about',
      run: async () => {
        const placed = async (titles: readonly string[], title: string) => {
          await report.home();
          expectThat((await report.leaf(await report.section(titles), title).count()) === 1, `"${title}" is not under ${titles.join(' → ')}`);
        };
        await placed(REAL.exchange.path, REAL.exchange.title);
        await placed(['Authentication', 'GET Token'], CASES.passing);
        await placed(['Authentication', 'GET Token'], CASES.failing);
        await placed(['Conversations', 'GET Conversations'], CASES.flaky);
        await placed(REAL.webhook.path, REAL.webhook.title);
      },
    },
    {
      name: 'shows the skipped test as skipped',
      run: async () => {
        await report.home();
        const skipped = report.page.getByTestId('tree-leaf').filter({ has: report.page.getByTestId('tree-leaf-status-skipped') });
        const titles = await skipped.getByTestId('tree-leaf-title').allInnerTexts();
        expectThat(titles.includes(CASES.skipped), `skipped leaves: ${JSON.stringify(titles)}`);
      },
    },
    {
      name: 'shows a request and its response: method, templated URL and status',
      run: async () => {
        await report.openTest(REAL.exchange.path, REAL.exchange.title);
        const step = report.step('POST Token: POST {{auth_url}}/token → 201');
        expectThat((await step.count()) === 1, 'no step "POST Token: POST {{auth_url}}/token → 201" on the test page');
        const exchange = await report.openAttachment(step);
        const text = await exchange.innerText();
        for (const part of ['"method": "POST"', '"url": "{{auth_url}}/token"', '"status": 201', '"password": "redacted-password-']) {
          expectThat(text.includes(part), `the attachment does not show ${part}:\n${text.slice(0, 600)}`);
        }
        await report.scrollToTop(report.page.getByText('Test body', { exact: true }));
        await shoot('exchange.png');
      },
    },
    {
      name: 'offers the request as a curl command to copy, its secrets as shell variables',
      run: async () => {
        await report.openTest(REAL.exchange.path, REAL.exchange.title);
        const step = report.step('POST Token: POST {{auth_url}}/token → 201');
        const curl = await report.openStepParameter(step, 'curl');
        for (const part of ['curl -X POST', '/token"', '--data-urlencode "password=$CLOUDLINK_PASSWORD"']) {
          expectThat(curl.value.includes(part), `the step's curl command does not hold ${part}:\n${curl.value.slice(0, 600)}`);
        }
        expectThat(curl.copyable, 'clicking the curl command offers no Copy button');
      },
    },
    {
      name: 'shows the webhook publication the test received',
      run: async () => {
        await report.openTest(REAL.webhook.path, REAL.webhook.title);
        const step = report.step('Webhook Publication: POST {{webhook_url}}');
        expectThat((await step.count()) === 1, 'no step "Webhook Publication: POST {{webhook_url}}" on the webhook test page');
        const text = await (await report.openAttachment(step)).innerText();
        expectThat(text.includes('"topic": "platform-api-media"'), `the webhook attachment does not show the publication:\n${text.slice(0, 600)}`);
      },
    },
    {
      name: 'shows the failing test with its message and the schema pointer',
      run: async () => {
        await report.openTest(['Authentication', 'GET Token'], CASES.failing);
        expectThat((await report.page.getByTestId('test-result-status-failed').count()) > 0, 'the failing test is not shown as failed');
        const message = await report.page.getByTestId('test-result-error-message').first().innerText();
        expectThat(message.includes(FAILURE_POINTER) && message.includes('#/properties/accountId/type'), `the error message lacks the pointer:\n${message}`);
        await shoot('failure.png');
      },
    },
    {
      name: 'marks the flaky test flaky, with the retried request before the answer',
      run: async () => {
        await report.home();
        const count = await report.page.getByTestId('metadata-item-flaky').innerText();
        expectThat(/\b1\b/.test(count), `the overview counts flaky tests as "${count}"`);
        await report.openTest(['Conversations', 'GET Conversations'], CASES.flaky);
        expectThat((await report.page.getByText('Flaky', { exact: true }).count()) > 0, 'the flaky test\'s page has no "Flaky" mark');
        const steps = await report.page.getByTestId('test-result-step-title').allInnerTexts();
        const statuses = steps.filter((title) => title.startsWith('GET Conversations:')).map((title) => /→ (\d{3})/.exec(title)?.[1]);
        expectThat(statuses.join() === '503,200', `GET Conversations steps answered ${statuses.join(', ')}, not 503 then 200`);
      },
    },
    {
      name: 'carries the drift report as a global attachment',
      run: async () => {
        await report.home();
        const tab = report.page.getByTestId('nav-tab-globalAttachments');
        expectThat(/\b1\b/.test(await tab.innerText()), `the Global Attachments tab reads "${await tab.innerText()}"`);
        await tab.click();
        await report.page.getByText('Contract drift report').first().click();
        // Allure previews an HTML attachment in a sandboxed frame 150 px high: the heading and the counts show.
        const preview = report.page.frameLocator('iframe[title="HTML attachment"]');
        const summary = await preview.locator('p.summary').innerText();
        expectThat(summary.includes(`${SAMPLE_DRIFT_BREAKING} breaking`), `the attached drift page's summary reads "${summary}"`);
        await report.remember();
      },
    },
    {
      name: 'drift.html reads by API and request, breaking first',
      run: async () => {
        const page = await browser.newPage();
        try {
          await page.goto(`file://${known.driftHtml}`);
          const apis = await page.locator('section.api').evaluateAll((sections) => sections.map((section) => section.getAttribute('data-api')));
          expectThat(apis.join() === SAMPLE_DRIFT_ORDER.apis.join(), `drift.html lists the APIs as ${apis.join(', ')}`);
          const firstRequest = (await page.locator('h3.request').first().innerText()).split(' ').slice(0, 2).join(' ');
          expectThat(firstRequest === SAMPLE_DRIFT_ORDER.firstRequest, `drift.html starts with ${firstRequest}`);
          expectThat(
            (await page.locator('tbody tr').first().getAttribute('class')) === SAMPLE_DRIFT_ORDER.firstSeverity,
            "drift.html's first row is not breaking",
          );
        } finally {
          await page.close();
        }
      },
    },
    {
      name: 'shows no password, token or JWT in any view or embedded file',
      run: async () => {
        const hits = report.viewTexts.flatMap((text, index) => findSecrets(text, options.needles).map((name) => `${name} in view ${index + 1}`));
        const files = await report.embeddedFiles();
        for (const file of files) hits.push(...findSecrets(file.text, options.needles).map((name) => `${name} in ${file.name}`));
        // The scan must have seen the attachments: the token request's one carries the password's placeholder.
        expectThat(
          files.some((file) => file.text.includes('"password": "redacted-password-')),
          `none of the ${files.length} embedded files is the token request's attachment`,
        );
        expectThat(report.viewTexts.length >= 5, `only ${report.viewTexts.length} views were read`);
        expectThat(hits.length === 0, `secrets in the report: ${hits.join('; ')}`);
      },
    },
    {
      name: 'asked nothing of the network and logged no error',
      run: async () => {
        expectThat(report.outsideRequests.length === 0, `the page requested ${report.outsideRequests.join(', ')}`);
        expectThat(report.consoleErrors.length === 0, `console errors: ${report.consoleErrors.join(' | ')}`);
      },
    },
    {
      name: options.updateImages ? 'wrote the README screenshots and their layout fingerprints' : 'the README screenshots show the report layout of today',
      run: async () => {
        const file = path.join(options.imagesDir, 'fingerprint.json');
        expectThat(Object.keys(shots.images).sort().join() === SCREENSHOTS.join(), `screenshots taken: ${Object.keys(shots.images).join(', ') || 'none'}`);
        if (options.updateImages) return writeFingerprints(file, shots);
        const stale = staleImages(readFingerprints(file), shots, (name) => existsSync(path.join(options.imagesDir, name)));
        expectThat(stale.length === 0, `docs/images is out of date: ${stale.join('; ')}. Run npm run test:report -- --update-images`);
      },
    },
  ];
}

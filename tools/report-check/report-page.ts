// The single-file Allure report opened from disk in Debian's Chromium, driven by playwright-core
// (which never downloads a browser of its own), and walked the way a person walks it: the tree of
// collections and requests, a test's page, its steps and attachments. Every request the page makes
// that is not the file itself is refused and remembered, and so is every console error: a report
// that needs the network, or breaks offline, fails the check. The views' text is kept for the
// secret scan.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/**
 * The browser to use, or undefined when this machine has none (the check is then skipped).
 * CHROMIUM_PATH points elsewhere: GitHub's Ubuntu runners have Google Chrome, not Debian's package.
 */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const wanted = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return existsSync(wanted) ? wanted : undefined;
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    // --no-sandbox: CI runs as root, where Chromium's own sandbox refuses to start.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The viewport of the screenshots: wide enough for the tree and the exchange, small enough for a README. */
export const VIEWPORT = { width: 1280, height: 900 };
/** A loaded 2-core CI machine renders the 4 MB page slowly; nothing here is a speed assertion. */
const TIMEOUT_MS = 120_000;

export class ReportPage {
  readonly outsideRequests: string[] = [];
  readonly consoleErrors: string[] = [];
  readonly viewTexts: string[] = [];

  private constructor(readonly page: Page) {}

  static async open(browser: Browser, file: string): Promise<ReportPage> {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.setDefaultTimeout(TIMEOUT_MS);
    const report = new ReportPage(page);
    await page.route(/^(?!file:|data:|blob:|about:)/, (route) => {
      report.outsideRequests.push(route.request().url());
      return route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') report.consoleErrors.push(message.text().slice(0, 300));
    });
    page.on('pageerror', (error) => report.consoleErrors.push(error.message.slice(0, 300)));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'domcontentloaded' });
    await report.tree().first().waitFor();
    return report;
  }

  /** The top level of the results tree. */
  tree(): Locator {
    return this.page.getByTestId('tree-section');
  }

  /** Back to the overview, every section as the report first shows it. */
  async home(): Promise<void> {
    await this.page.evaluate("window.location.hash = ''");
    await this.tree().first().waitFor();
  }

  /** The titles of the outermost sections: the whole tree sits in one root content, so the least nested. */
  async topLevelSections(): Promise<string[]> {
    const titles = await this.page.getByTestId('tree-section-title').evaluateAll((elements) =>
      (
        elements as unknown as Array<{
          parentElement: { getAttribute(name: string): string | null; parentElement: unknown } | null;
          textContent: string | null;
        }>
      ).map((title) => {
        let depth = 0;
        for (let at = title.parentElement; at; at = at.parentElement as typeof at) if (at.getAttribute('data-testid') === 'tree-content') depth += 1;
        return { depth, text: title.textContent ?? '' };
      }),
    );
    const top = Math.min(...titles.map((title) => title.depth));
    return titles.filter((title) => title.depth === top).map((title) => title.text);
  }

  /** Expands the sections along `titles` (collection, then request) and answers the last one's content. */
  async section(titles: readonly string[]): Promise<Locator> {
    let scope: Locator = this.page.locator('body');
    for (const title of titles) {
      const titled = this.page.getByTestId('tree-section-title').getByText(title, { exact: true });
      const section = scope.getByTestId('tree-section').filter({ has: titled }).first();
      const content = section.locator('xpath=following-sibling::*[1][@data-testid="tree-content"]');
      if ((await content.count()) === 0) await section.getByTestId('tree-section-title').click();
      await content.waitFor();
      scope = content;
    }
    return scope;
  }

  /**
   * The tree as the overview screenshot shows it, whatever the report expanded by itself: only
   * the sections along `titles` open, at the top of the page.
   */
  async showOnly(titles: readonly string[]): Promise<void> {
    await this.home();
    const open = this.page.locator('[data-testid="tree-section"]:has(+ [data-testid="tree-content"])');
    for (let count = await open.count(); count > 0; count = await open.count()) {
      const titlesOpen = await open.getByTestId('tree-section-title').allInnerTexts();
      const extra = titlesOpen.findIndex((title) => !titles.includes(title));
      if (extra === -1) break;
      await open.nth(extra).getByTestId('tree-section-title').click();
    }
    await this.section(titles);
    await this.page.evaluate('window.scrollTo(0, 0)');
  }

  leaf(scope: Locator, title: string): Locator {
    return scope.getByTestId('tree-leaf').filter({ has: this.page.getByTestId('tree-leaf-title').getByText(title, { exact: true }) });
  }

  /** Opens a test's page from the tree, as a click on it does. */
  async openTest(titles: readonly string[], title: string): Promise<void> {
    await this.home();
    await this.leaf(await this.section(titles), title).click();
    await this.page.getByTestId('test-result-info-title').getByText(title, { exact: true }).waitFor();
    await this.remember();
  }

  /** A step of the open test, by the start of its title ("POST Token: POST {{auth_url}}/token"). */
  step(titleStart: string): Locator {
    return this.page
      .getByTestId('test-result-step')
      .filter({ has: this.page.getByTestId('test-result-step-title').filter({ hasText: titleStart }) })
      .first();
  }

  /** Expands a step and its first attachment; answers the attachment's rendered content. */
  async openAttachment(step: Locator): Promise<Locator> {
    await this.expand(step);
    await step.getByTestId('test-result-attachment-header').first().click();
    const content = step.getByTestId('code-attachment-content').first();
    await content.waitFor();
    await this.remember();
    return content;
  }

  /**
   * Expands a step and clicks its parameter `name`, as a reader does to see a value the row cuts
   * short; answers the whole value and whether the popover offers to copy it.
   */
  async openStepParameter(step: Locator, name: string): Promise<{ value: string; copyable: boolean }> {
    await this.expand(step);
    const item = step.getByTestId('metadata-item').filter({ has: this.page.getByTestId('metadata-item-key').getByText(name, { exact: true }) });
    const value = item.getByTestId('metadata-item-value').first();
    await value.waitFor();
    const text = await value.evaluate((element) => element.textContent ?? '');
    await value.click();
    const copy = this.page.getByRole('button', { name: 'Copy', exact: true });
    await copy.first().waitFor();
    await this.remember();
    return { value: text, copyable: await copy.first().isVisible() };
  }

  /** Opens a step unless it is open: the page remembers an expanded step, and a click would close it. */
  private async expand(step: Locator): Promise<void> {
    if (!(await step.getByTestId('test-result-step-content').first().isVisible())) {
      await step.getByTestId('test-result-step-arrow-button').first().click();
    }
  }

  /** Scrolls so that `target` is at the top of the view. */
  async scrollToTop(target: Locator): Promise<void> {
    await target.first().evaluate((element) => (element as unknown as { scrollIntoView(options: object): void }).scrollIntoView({ block: 'start' }));
  }

  /** Keeps the text of the view on screen, for the secret scan. */
  async remember(): Promise<void> {
    this.viewTexts.push(await this.page.locator('body').innerText());
  }

  /** Every file the single-file report embeds (results, attachments, widgets), decoded. */
  async embeddedFiles(): Promise<Array<{ name: string; text: string }>> {
    return this.page.evaluate(() => {
      // Allure's single file keeps every file base64-encoded in this global (allure core-api, static.js).
      const data = (globalThis as unknown as { allureReportData?: Record<string, string> }).allureReportData ?? {};
      return Object.entries(data).map(([name, value]) => {
        const bytes = Uint8Array.from(atob(value), (char) => char.charCodeAt(0));
        return { name, text: new TextDecoder().decode(bytes) };
      });
    });
  }

  /** A screenshot of what is on screen, with the pointer moved off the page so no hover shows. */
  async screenshot(file: string): Promise<void> {
    await this.page.mouse.move(0, 0);
    await this.page.screenshot({ path: file });
  }
}

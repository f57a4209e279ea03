// Debian's Chromium, driven by playwright-core, which never downloads a browser of its own.
// CHROMIUM_PATH points elsewhere (GitHub's Ubuntu runners have Google Chrome, not Debian's package).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The browser to use, or undefined when this machine has none (the check is then skipped). */
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

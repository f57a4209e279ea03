// The README's screenshots go stale when the report's layout changes (an Allure upgrade, another
// grouping), not when a run's numbers do. So each screenshot is stored with a fingerprint of the
// layout it shows: the set of element kinds in the region — tag, data-testid and class names —
// with text, counts, order and pixels left out. The check recomputes it on every run and fails
// when the committed images show a layout the report no longer has.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';

export interface Fingerprints {
  /** The Allure version the images were taken with: said in a failure, not compared. */
  allure: string;
  /** Screenshot file name → layout hash. */
  images: Record<string, string>;
}

/** The little of a DOM element this file reads (tsconfig has no DOM library: the harness runs in Node). */
interface ElementView {
  tagName: string;
  getAttribute(name: string): string | null;
  classList: Iterable<string>;
  children: Iterable<ElementView>;
}

/** The distinct element kinds under `region`, sorted; an SVG counts as one element (icons are not layout). */
export async function layoutTokens(region: Locator): Promise<string[]> {
  return region.evaluate((rootElement) => {
    const root = rootElement as unknown as ElementView;
    const tokens = new Set<string>();
    const visit = (element: ElementView) => {
      const testId = element.getAttribute('data-testid');
      const classes = [...element.classList].sort().join('.');
      tokens.add(`${element.tagName.toLowerCase()}${testId ? `[${testId}]` : ''}${classes ? `.${classes}` : ''}`);
      if (element.tagName.toLowerCase() !== 'svg') for (const child of element.children) visit(child);
    };
    visit(root);
    return [...tokens].sort();
  });
}

export function hashTokens(tokens: readonly string[]): string {
  return createHash('sha256').update(tokens.join('\n')).digest('hex').slice(0, 16);
}

export function readFingerprints(file: string): Fingerprints | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Fingerprints) : undefined;
}

export function writeFingerprints(file: string, fingerprints: Fingerprints): void {
  writeFileSync(file, `${JSON.stringify(fingerprints, null, 2)}\n`);
}

/** What is stale, one line per image; empty when the committed images show today's layout. */
export function staleImages(committed: Fingerprints | undefined, current: Fingerprints, imageExists: (name: string) => boolean): string[] {
  return Object.entries(current.images).flatMap(([name, hash]) => {
    if (!imageExists(name)) return [`${name} is missing`];
    const was = committed?.images[name];
    if (was === undefined) return [`${name} has no fingerprint in fingerprint.json`];
    if (was !== hash) return [`${name} shows an older layout (taken with Allure ${committed?.allure ?? '?'}; layout ${was}, now ${hash})`];
    return [];
  });
}

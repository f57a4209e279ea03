// Newman against the harness on the same work. Every collection is exported as `npm run export`
// writes it and run by Newman against a fresh embedded sandbox (newman-side.ts); then the harness
// sends the same requests, in the same order, through its send pipeline against another fresh
// sandbox (harness-side.ts, same-work.ts). Both sides count what they sent; a ratio is given only
// when the counts and every request's method and URL agree, since otherwise it compares different
// work. Timed: Newman's run of each collection (its module is loaded before the clock starts), and
// the harness's time from each request to its checked answer; each side twice, and the second pass
// is the one compared. Measured here, never asserted in tests.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Collection } from '../../harness/client/named-request';
import { discoverCollections, type CollectionEntry } from '../../harness/collections';
import { sandboxContext } from '../../harness/jest/live-setup';
import { closeTransport } from '../../harness/pipeline';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { exportAll } from '../postman/export';
import { newmanInputFor, type NewmanSandboxInput } from '../postman/newman';
import { runCollectionInHarness, type HarnessCollectionRun } from './harness-side';
import { runCollectionInNewman, type NewmanCollectionRun } from './newman-side';

export interface SideTotals {
  wallMs: number;
  requests: number;
  msPerRequest: number;
  /** Newman: failed checks and request errors; harness: answers that broke their contract. */
  failures: number;
}

export interface CollectionComparison {
  collection: string;
  newman: SideTotals;
  harness: SideTotals;
  /** Why the two sides did not do the same work here; empty when they did. */
  differences: string[];
  /** Requests the harness's sandbox answered with another status than Newman's (also no ratio). */
  statusDifferences: string[];
}

export interface NewmanVsHarness {
  collections: CollectionComparison[];
  newman: SideTotals;
  harness: SideTotals;
  /** Newman's time per request over the harness's; null when the two did not do the same work. */
  perRequestRatio: number | null;
  /** Why there is no ratio. */
  noRatio?: string;
  /** The first pass of each runner, which pays the one-time costs; the figures above are the second's. */
  firstPass: Omit<NewmanVsHarness, 'collections' | 'firstPass'>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export async function benchNewmanVsHarness(entries: readonly CollectionEntry[] = discoverCollections(ROOT), rootDir = ROOT): Promise<NewmanVsHarness> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-bench-newman-'));
  try {
    const exported = exportAll({ entries, outDir: work, rootDir });
    const files = exported.collections.map((collection) => path.join(work, `${collection.name}.postman_collection.json`));
    const collections = entries.map((entry) => entry.collection);
    const names = exported.collections.map((collection) => collection.name);
    // Two passes each, every pass against a fresh sandbox. The first pays what is paid once (code
    // first run, schemas first compiled, the sandbox's routes first hit: Newman's pass would pay
    // those for both, as it runs first); the second is what each costs per request once running.
    const newmanFirst = await newmanPass(files);
    const newmanSecond = await newmanPass(files);
    const first = compare(names, newmanFirst.runs, await harnessPass(newmanFirst, collections, rootDir));
    const second = compare(names, newmanSecond.runs, await harnessPass(newmanSecond, collections, rootDir));
    const firstPass = {
      newman: first.newman,
      harness: first.harness,
      perRequestRatio: first.perRequestRatio,
      ...(first.noRatio ? { noRatio: first.noRatio } : {}),
    };
    return { ...second, firstPass };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export interface NewmanPass {
  runs: NewmanCollectionRun[];
  /** What the Postman user typed for that pass's sandbox. */
  typed: Record<string, string>;
}

export function newmanPass(files: readonly string[]): Promise<NewmanPass> {
  return withSandbox(async (sandbox) => {
    const input = newmanInputFor(sandbox);
    const runs: NewmanCollectionRun[] = [];
    for (const file of files) runs.push(await runCollectionInNewman(file, input));
    return { runs, typed: typedValues(input) };
  });
}

export function harnessPass(newman: NewmanPass, collections: readonly Collection[], rootDir: string): Promise<HarnessCollectionRun[]> {
  return withSandbox(async (sandbox) => {
    const context = sandboxContext(sandbox, { environment: 'sandbox', rootDir });
    const inputs = { newman: newman.typed, harness: typedValues(newmanInputFor(sandbox)) };
    const runs: HarnessCollectionRun[] = [];
    try {
      for (const [index, run] of newman.runs.entries())
        runs.push(await runCollectionInHarness({ newman: run, collection: collections[index] as Collection, context, inputs }));
    } finally {
      // Its keep-alive sockets go with the sandbox; the next pass opens new ones.
      closeTransport();
    }
    return runs;
  });
}

async function withSandbox<T>(work: (sandbox: RunningSandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox();
  try {
    return await work(sandbox);
  } finally {
    await sandbox.close();
  }
}

/** Every value a Postman user would type to run the exports against this sandbox, by variable. */
function typedValues(input: NewmanSandboxInput): Record<string, string> {
  return { ...Object.fromEntries(input.environment.values.map((v) => [v.key, v.value])), ...input.envVar };
}

export function compare(
  names: readonly string[],
  newman: readonly NewmanCollectionRun[],
  harness: readonly HarnessCollectionRun[],
): Omit<NewmanVsHarness, 'firstPass'> {
  const collections = names.map((collection, index): CollectionComparison => {
    const theirs = newman[index] as NewmanCollectionRun;
    const ours = harness[index] as HarnessCollectionRun;
    return {
      collection,
      newman: totals([{ wallMs: theirs.wallMs, requests: theirs.requests, failures: theirs.failures }]),
      harness: totals([{ wallMs: ours.wallMs, requests: ours.requests, failures: ours.contractBreaches }]),
      differences: ours.differences,
      statusDifferences: ours.statusDifferences,
    };
  });
  const result: Omit<NewmanVsHarness, 'firstPass'> = {
    collections,
    newman: totals(collections.map((c) => c.newman)),
    harness: totals(collections.map((c) => c.harness)),
    perRequestRatio: null,
  };
  // Another status is other work too: a 404 costs the sandbox less than the 200 Newman got.
  const why = (c: CollectionComparison) => [...c.differences, ...c.statusDifferences.map((d) => `status of ${d}`)];
  const apart = collections.filter((c) => why(c).length > 0);
  if (result.newman.requests !== result.harness.requests || apart.length > 0) {
    const where = apart.map((c) => `${c.collection}: ${why(c).slice(0, 3).join('; ')}`).join(' | ');
    result.noRatio = `not the same work (Newman sent ${result.newman.requests} requests, the harness ${result.harness.requests}${where ? `; ${where}` : ''})`;
  } else if (result.harness.msPerRequest > 0) {
    result.perRequestRatio = round(result.newman.msPerRequest / result.harness.msPerRequest);
  } else {
    result.noRatio = 'no request was timed';
  }
  return result;
}

function totals(parts: ReadonlyArray<Pick<SideTotals, 'wallMs' | 'requests' | 'failures'>>): SideTotals {
  const wallMs = parts.reduce((sum, part) => sum + part.wallMs, 0);
  const requests = parts.reduce((sum, part) => sum + part.requests, 0);
  return {
    wallMs: round(wallMs),
    requests,
    msPerRequest: round(requests > 0 ? wallMs / requests : 0),
    failures: parts.reduce((sum, part) => sum + part.failures, 0),
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function formatNewmanVsHarness(result: NewmanVsHarness): string {
  const cell = (side: SideTotals) => `${`${side.wallMs.toFixed(0)} ms`.padStart(9)} ${`${side.msPerRequest.toFixed(2)} ms`.padStart(10)}`;
  const row = (name: string, c: Pick<CollectionComparison, 'newman' | 'harness'>) => {
    const count = c.newman.requests === c.harness.requests ? String(c.newman.requests) : `${c.newman.requests}≠${c.harness.requests}`;
    const failed = c.newman.failures + c.harness.failures > 0 ? `  (failures: Newman ${c.newman.failures}, harness ${c.harness.failures})` : '';
    return `${name.padEnd(14)} ${count.padStart(8)}  ${cell(c.newman)}  ${cell(c.harness)}${failed}`;
  };
  const lines = [
    'Newman and the harness on the same requests of the exported collections (each pass against a fresh sandbox)',
    `${''.padEnd(14)} ${''.padStart(8)}  ${'Newman'.padEnd(20)}  harness`,
    `${'collection'.padEnd(14)} ${'requests'.padStart(8)}  ${'wall'.padStart(9)} ${'per req'.padStart(10)}  ${'wall'.padStart(9)} ${'per req'.padStart(10)}`,
    ...result.collections.map((c) => row(c.collection, c)),
    row('total', result),
  ];
  for (const c of result.collections)
    if (c.statusDifferences.length) lines.push(`${c.collection}: other statuses than Newman's: ${c.statusDifferences.join(', ')}`);
  const verdict = (pass: Omit<NewmanVsHarness, 'collections' | 'firstPass'>) =>
    pass.perRequestRatio === null
      ? `no ratio: ${pass.noRatio}`
      : `per request the harness is ${pass.perRequestRatio}× as fast as Newman (Newman ${pass.newman.msPerRequest} ms, harness ${pass.harness.msPerRequest} ms)`;
  const first = result.firstPass;
  lines.push(
    `Second pass (the table): ${verdict(result)}.`,
    `First pass (one-time costs included; wall: Newman ${first.newman.wallMs.toFixed(0)} ms, harness ${first.harness.wallMs.toFixed(0)} ms): ${verdict(first)}.`,
  );
  return lines.join('\n');
}

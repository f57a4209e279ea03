// Newman against the harness on the same collection and the same embedded sandbox: the exported
// Authentication collection run by Newman's Node API, then the harness's own live run of the
// Authentication suites (runSuites). Both are timed cold, as a user meets them (Newman's module
// load; jest's start-up and global setup). The harness sends more requests than Newman (its suites
// test each request several ways), so the per-request figures are given too.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runSuites } from '../run/run';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { discoverCollections } from '../../harness/collections';
import { exportCollection } from '../postman/export';
import { exportEnvironment } from '../postman/environment';
import { newmanInputFor, runNewman } from '../postman/newman';

export interface BenchRun {
  wallMs: number;
  requests: number;
  msPerRequest: number;
  success: boolean;
}

export interface NewmanVsHarness {
  newman: BenchRun;
  harness: BenchRun;
  /** Newman's wall time divided by the harness's. */
  wallRatio: number;
  /** The same, per request sent. */
  perRequestRatio: number;
}

const ROOT = path.resolve(__dirname, '..', '..');

export async function benchNewmanVsHarness(): Promise<NewmanVsHarness> {
  const sandbox = await startSandbox();
  let newman: BenchRun;
  try {
    newman = await timeNewman(sandbox);
  } finally {
    await sandbox.close();
  }
  const harness = await timeHarness();
  return { newman, harness, wallRatio: round(newman.wallMs / harness.wallMs), perRequestRatio: round(newman.msPerRequest / harness.msPerRequest) };
}

async function timeNewman(sandbox: RunningSandbox): Promise<BenchRun> {
  const [entry] = discoverCollections(ROOT, ['authentication']);
  if (!entry) throw new Error('No Authentication collection under suites/authentication.');
  const environment = exportEnvironment('sandbox', ROOT);
  const exported = exportCollection(entry, new Set(environment.document.values.map((v) => v.key)));
  const input = newmanInputFor(sandbox);
  const outcome = await runNewman({ collection: exported.document, environment: input.environment, envVar: input.envVar });
  return line(outcome.wallMs, outcome.requests, outcome.failures.length === 0);
}

/**
 * The harness's own live run, as `npm start -- --collection authentication` makes it: jest global
 * setup starts an instance of the same embedded sandbox (same code, same seed). Not the Newman
 * instance itself: the resilience suites drive the sandbox's switchboard, which only the run that
 * started the sandbox can reach. process.env is put back afterwards (global setup leaves tokens).
 */
async function timeHarness(): Promise<BenchRun> {
  const saved = { ...process.env };
  const reportsDir = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-bench-'));
  try {
    const outcome = await runSuites(
      { environment: 'sandbox', collections: ['authentication'], mode: 'live', silent: true, html: false, quiet: true, bail: false, reportsDir },
      ROOT,
    );
    return line(outcome.wallMs, outcome.metrics.filter((m) => m.kind === 'exchange').length, outcome.success);
  } finally {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

function line(wallMs: number, requests: number, success: boolean): BenchRun {
  return { wallMs: Math.round(wallMs), requests, msPerRequest: round(requests > 0 ? wallMs / requests : 0), success };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

export function formatNewmanVsHarness(result: NewmanVsHarness): string {
  const row = (name: string, run: BenchRun) =>
    `${name.padEnd(8)} ${`${run.wallMs} ms`.padStart(10)} ${String(run.requests).padStart(9)} ${`${run.msPerRequest.toFixed(2)} ms`.padStart(12)}${run.success ? '' : '  (failures)'}`;
  return [
    'Authentication collection, live against the embedded sandbox',
    `${'runner'.padEnd(8)} ${'wall'.padStart(10)} ${'requests'.padStart(9)} ${'per request'.padStart(12)}`,
    row('newman', result.newman),
    row('harness', result.harness),
    `newman/harness: ${result.wallRatio}× wall time, ${result.perRequestRatio}× per request`,
  ].join('\n');
}

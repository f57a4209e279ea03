// One rehearsed night: what .github/workflows/nightly.yml runs, against an environment file that
// points at a sandbox started apart — the live run in two shards side by side, the drift report,
// and the shards' Allure results merged into one report — with the figures a nightly team reads.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { runScript, startLiveRun, type Finished } from './processes';

const ROOT = path.resolve(__dirname, '..', '..');
const SHARDS = 2;

export interface NightFigures {
  tests: number;
  failures: number;
  skipped: number;
  /** Tests that passed only after a retry (harness/report/flaky.ts). */
  flaky: number;
  /** Exit codes: every shard, the drift report, the merge. */
  shardCodes: Array<number | null>;
  driftCode: number | null;
  mergeCode: number | null;
  /** Logs of the processes that did not end well. */
  problems: string[];
}

export function nightPassed(night: NightFigures): boolean {
  return night.problems.length === 0 && night.failures === 0;
}

export async function rehearseNight(environmentFile: string, dir: string): Promise<NightFigures> {
  mkdirSync(dir, { recursive: true });
  const shards = await Promise.all(
    Array.from({ length: SHARDS }, (_, i) => startLiveRun(environmentFile, dir, `shard-${i + 1}`, ['--shard', `${i + 1}/${SHARDS}`]).done),
  );
  const drift = await runScript('drift', ['--env', environmentFile, '--reports', path.join(dir, 'drift')], path.join(dir, 'drift.log'));
  const merge = await mergeAllure(dir);

  const figures: NightFigures = {
    tests: 0,
    failures: 0,
    skipped: 0,
    flaky: 0,
    shardCodes: shards.map((s) => s.code),
    driftCode: drift.code,
    mergeCode: merge.code,
    problems: [],
  };
  for (let i = 1; i <= SHARDS; i++) addJunit(figures, path.join(dir, `shard-${i}`, 'junit.xml'));
  for (const finished of [...shards, drift, merge])
    if (finished.code !== 0) figures.problems.push(`${path.basename(finished.log)} exited ${finished.code ?? finished.signal}`);
  return figures;
}

function addJunit(figures: NightFigures, file: string): void {
  if (!existsSync(file)) {
    figures.problems.push(`${file} was not written`);
    return;
  }
  const xml = readFileSync(file, 'utf8');
  const totals = /<testsuites[^>]*\btests="(\d+)"[^>]*\bfailures="(\d+)"[^>]*\berrors="(\d+)"/.exec(xml);
  figures.tests += Number(totals?.[1] ?? 0);
  figures.failures += Number(totals?.[2] ?? 0) + Number(totals?.[3] ?? 0);
  figures.skipped += (xml.match(/<skipped\s*\/>/g) ?? []).length;
  figures.flaky += (xml.match(/<property name="flaky"/g) ?? []).length;
}

/** The nightly's merge job: one Allure report from every shard's results. */
function mergeAllure(dir: string): Promise<Finished> {
  const log = path.join(dir, 'merge.log');
  const results = Array.from({ length: SHARDS }, (_, i) => path.join(dir, `shard-${i + 1}`, 'allure-results'));
  return new Promise((resolve) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'allure'), ['generate', '--output', path.join(dir, 'allure-report'), ...results], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    child.once('exit', (code, signal) => resolve({ code, signal, log }));
    child.once('error', () => resolve({ code: 1, signal: null, log }));
  });
}

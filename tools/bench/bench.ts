// `npm run bench`: the cost of the harness itself. Runs every suite in replay (the fixtures answer in-process, so
// the time is almost all harness and jest) and live against the embedded sandbox, and reports wall
// time, CPU time (./cpu-time.ts), requests sent and the harness's overhead per request (time in the
// client around the wire: variable resolution, auth, scrubbing, reporting). Measured here, never
// asserted in tests.
import { runSuites, type RunOutcome } from '../run/run';
import { percentile } from '../load/stats';
import { cpuTimeMs } from './cpu-time';

export interface BenchLine {
  wallMs: number;
  /** User plus system time of the run, its jest workers included (./cpu-time.ts); absent off Linux. */
  cpuMs?: number;
  requests: number;
  /** The mean: a file's first requests run in a fresh module context, cold, and weigh on it. */
  overheadMsPerRequest: number;
  /** The median, what a typical request costs. */
  overheadMedianMs: number;
  /** Mean time on the wire (or in nock) per request. */
  wireMsPerRequest: number;
  success: boolean;
}

export interface BenchResult {
  replay: BenchLine;
  live: BenchLine;
}

export async function runBench(collections: string[] = []): Promise<BenchResult> {
  const common = { collections, bail: false, quiet: true, html: false, silent: true };
  // Replay first: a live run leaves its tokens in process.env, which replay must not depend on.
  const replay = await measured(() => runSuites({ ...common, mode: 'replay', environment: 'sandbox' }));
  const live = await measured(() => runSuites({ ...common, mode: 'live', environment: 'sandbox' }));
  return { replay, live };
}

async function measured(run: () => Promise<RunOutcome>): Promise<BenchLine> {
  const before = cpuTimeMs();
  const outcome = await run();
  const after = cpuTimeMs();
  return toLine(outcome, before === undefined || after === undefined ? undefined : after - before);
}

function toLine(outcome: RunOutcome, cpuMs: number | undefined): BenchLine {
  const exchanges = outcome.metrics.filter((m) => m.kind === 'exchange');
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
  const overheads = exchanges.map((m) => (m.kind === 'exchange' ? m.harnessMs : 0)).sort((a, b) => a - b);
  return {
    wallMs: Math.round(outcome.wallMs),
    ...(cpuMs === undefined ? {} : { cpuMs }),
    requests: exchanges.length,
    overheadMsPerRequest: round(mean(overheads)),
    overheadMedianMs: round(percentile(overheads, 50)),
    wireMsPerRequest: round(mean(exchanges.map((m) => (m.kind === 'exchange' ? m.ms : 0)))),
    success: outcome.success,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

export function formatBench(result: BenchResult): string {
  const row = (mode: string, line: BenchLine) =>
    `${mode.padEnd(8)} ${`${line.wallMs} ms`.padStart(10)} ${(line.cpuMs === undefined ? '—' : `${line.cpuMs} ms`).padStart(10)} ${String(line.requests).padStart(9)} ${`${line.overheadMsPerRequest.toFixed(3)} ms`.padStart(14)} ${`${line.overheadMedianMs.toFixed(3)} ms`.padStart(16)} ${`${line.wireMsPerRequest.toFixed(3)} ms`.padStart(12)}${line.success ? '' : '  (tests failed)'}`;
  return [
    `${'mode'.padEnd(8)} ${'wall'.padStart(10)} ${'cpu'.padStart(10)} ${'requests'.padStart(9)} ${'overhead/req'.padStart(14)} ${'median overhead'.padStart(16)} ${'wire/req'.padStart(12)}`,
    row('replay', result.replay),
    row('live', result.live),
  ].join('\n');
}

// `npm run bench`: the cost of the harness itself. Runs every suite in replay (the fixtures answer in-process, so
// the time is almost all harness and jest) and live against the embedded sandbox, and reports wall
// time, CPU time (./cpu-time.ts), requests sent and the harness's overhead per request (time in the
// client around the wire: variable resolution, auth, scrubbing, reporting). Then it times one
// request as a user types it, HTML report included (ONE_REQUEST). Measured here, never asserted in
// tests.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
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

/** `npm start` with one request, as a user types it: a process of its own, HTML report included. */
export interface OneRequestLine {
  command: string;
  wallMs: number;
  success: boolean;
  /** What it printed, kept when it failed. */
  output?: string;
}

export interface BenchResult {
  replay: BenchLine;
  live: BenchLine;
  /** Absent when the collections chosen leave Authentication out. */
  oneRequest?: OneRequestLine;
}

/** The arguments of npm for the one-request line (the README's example of a request run alone). */
export const ONE_REQUEST = ['start', '--', '--mode', 'replay', '-c', 'authentication', '-r', 'POST Token'];

export async function runBench(collections: string[] = []): Promise<BenchResult> {
  const common = { collections, bail: false, quiet: true, html: false, silent: true };
  // Replay first: a live run leaves its tokens in process.env, which replay must not depend on.
  const replay = await measured(() => runSuites({ ...common, mode: 'replay', environment: 'sandbox' }));
  const live = await measured(() => runSuites({ ...common, mode: 'live', environment: 'sandbox' }));
  const withAuthentication = collections.length === 0 || collections.includes('authentication');
  return { replay, live, ...(withAuthentication ? { oneRequest: await timedOneRequest() } : {}) };
}

/** Runs npm's own CLI under this node (npm_execpath when npm started the bench), else the npm on PATH. */
async function timedOneRequest(): Promise<OneRequestLine> {
  const npmCli = process.env.npm_execpath;
  const [file, args] = npmCli ? [process.execPath, [npmCli, ...ONE_REQUEST]] : ['npm', ONE_REQUEST];
  const command = `npm ${ONE_REQUEST.map((arg) => (arg.includes(' ') ? `"${arg}"` : arg)).join(' ')}`;
  const started = performance.now();
  let output = '';
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  });
  const wallMs = Math.round(performance.now() - started);
  return code === 0 ? { command, wallMs, success: true } : { command, wallMs, success: false, output };
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
  const one = result.oneRequest;
  const oneLine = one && `one request, as typed: ${one.command}: ${one.wallMs} ms${one.success ? '' : `  (failed)\n${one.output ?? ''}`}`;
  const row = (mode: string, line: BenchLine) =>
    `${mode.padEnd(8)} ${`${line.wallMs} ms`.padStart(10)} ${(line.cpuMs === undefined ? '—' : `${line.cpuMs} ms`).padStart(10)} ${String(line.requests).padStart(9)} ${`${line.overheadMsPerRequest.toFixed(3)} ms`.padStart(14)} ${`${line.overheadMedianMs.toFixed(3)} ms`.padStart(16)} ${`${line.wireMsPerRequest.toFixed(3)} ms`.padStart(12)}${line.success ? '' : '  (tests failed)'}`;
  return [
    `${'mode'.padEnd(8)} ${'wall'.padStart(10)} ${'cpu'.padStart(10)} ${'requests'.padStart(9)} ${'overhead/req'.padStart(14)} ${'median overhead'.padStart(16)} ${'wire/req'.padStart(12)}`,
    row('replay', result.replay),
    row('live', result.live),
    ...(oneLine ? ['', oneLine] : []),
  ].join('\n');
}

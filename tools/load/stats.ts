// What the load tool books per route and how it prints it: requests, requests/s, p50/p99 latency,
// errors, and the requests the pipeline sent again on its own (auth's refresh on a 401), which are
// counted apart so they neither inflate the rate nor hide.
import type { Answer } from '../../harness/pipeline';

/** What a phase took: wall-clock seconds, and CPU seconds of the whole process (client and sandbox threads). */
export interface PhaseTime {
  seconds: number;
  cpuSeconds: number;
  /** How busy the sandbox's own thread was (0 to 1), when it has one. */
  sandboxBusy?: number;
}

export interface RouteStats {
  label: string;
  latenciesMs: number[];
  errors: number;
  /** Requests the pipeline put on the wire for these sends: one each, more when auth refreshed and resent. */
  wire: number;
  firstError?: string;
}

export function routeStats(label: string): RouteStats {
  return { label, latenciesMs: [], errors: 0, wire: 0 };
}

/** Times one send and books it on `stats`; answers undefined (and counts an error) when the status is not `expected`. */
export async function timed(stats: RouteStats, expected: number, send: () => Promise<Answer>): Promise<Answer | undefined> {
  const started = process.hrtime.bigint();
  try {
    const answer = await send();
    stats.latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (answer.status === expected) return answer;
    stats.errors += 1;
    stats.firstError ??= `${answer.status} ${JSON.stringify(answer.body ?? '').slice(0, 200)}`;
  } catch (error) {
    stats.latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    stats.errors += 1;
    stats.firstError ??= (error as Error).message;
  }
  return undefined;
}

/** Both halves of a route pair as one row. */
export function combined(label: string, ...parts: RouteStats[]): RouteStats {
  return {
    label,
    latenciesMs: parts.flatMap((part) => part.latenciesMs),
    errors: parts.reduce((sum, part) => sum + part.errors, 0),
    wire: parts.reduce((sum, part) => sum + part.wire, 0),
  };
}

/** The nearest-rank percentile `p` (0–100) of values sorted ascending. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const COLUMNS: [string, number][] = [
  ['route', -44],
  ['requests', 8],
  ['req/s', 9],
  ['p50 ms', 9],
  ['p99 ms', 9],
  ['errors', 7],
  ['resent', 7],
  ['CPU µs/req', 11],
  ['sandbox busy', 13],
];

const cells = (values: string[]) =>
  values.map((value, index) => (COLUMNS[index]![1] < 0 ? value.padEnd(-COLUMNS[index]![1]) : value.padStart(COLUMNS[index]![1]))).join(' ');

export const header = (): string => cells(COLUMNS.map(([name]) => name));

/** A row of the table; a pair's halves share their phase's time, so their CPU is per request of the phase. */
export function row(stats: RouteStats, time: PhaseTime, phaseRequests: number): string {
  const sorted = [...stats.latenciesMs].sort((a, b) => a - b);
  const rate = time.seconds > 0 ? sorted.length / time.seconds : 0;
  return cells([
    stats.label,
    String(sorted.length),
    rate.toFixed(0),
    percentile(sorted, 50).toFixed(2),
    percentile(sorted, 99).toFixed(2),
    String(stats.errors),
    // A send that failed before the wire (none expected) would make this negative: shown as is.
    String(stats.wire - sorted.length),
    phaseRequests > 0 ? ((time.cpuSeconds * 1e6) / phaseRequests).toFixed(0) : '-',
    time.sandboxBusy === undefined ? '-' : `${(time.sandboxBusy * 100).toFixed(0)}%`,
  ]);
}

/**
 * What the sandbox could answer on its own core: the phase's rate over how busy its thread was.
 * Undefined on the client's thread, or when the sandbox was hardly busy enough to tell.
 */
export function sandboxCapacity(phaseRequests: number, time: PhaseTime): number | undefined {
  if (time.sandboxBusy === undefined || time.sandboxBusy < 0.05 || time.seconds <= 0) return undefined;
  return phaseRequests / time.seconds / time.sandboxBusy;
}

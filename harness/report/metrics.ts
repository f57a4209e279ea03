// Workers cannot hand data to a jest reporter directly, so each worker appends one JSON line per
// exchange and per finished test to a file in the run directory the CLI creates; the progress
// reporter and the benchmark read them back. Lines carry request names, templated URLs, statuses
// and timings, and the excerpts the terminal prints masked as the terminal's policy says
// (harness/report/exchange-detail.ts): never a secret.
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const RUN_DIR_VARIABLE = 'CLOUDLINK_RUN_DIR';

export interface ExchangeMetric {
  kind: 'exchange';
  file: string;
  test: string;
  name: string;
  method: string;
  url: string;
  status: number;
  /** Time on the wire (or in nock, in replay). */
  ms: number;
  /** Time spent in the harness around the wire: variables, auth, scrubbing, reporting. */
  harnessMs: number;
  /** `url` as the terminal may show it, when that differs (identifiers kept on a developer's machine). */
  terminalUrl?: string;
  /**
   * What the terminal prints of the exchange in full: built for the last exchanges of a failing
   * test, or for every one with --verbose (held-exchanges.ts, exchange-detail.ts).
   */
  detail?: ExchangeDetail;
}

/** An exchange as the terminal may show it: secrets always masked, identifiers as the policy says. */
export interface ExchangeDetail {
  /** The URL as a template ({{admin_url}}/…). */
  url: string;
  requestHeaders: Record<string, string>;
  /** The body as text, cut to BODY_EXCERPT_CHARS. */
  requestBody?: string;
  /** The headers worth reading when a test fails: content type, location, retry-after, correlation id… */
  responseHeaders: Record<string, string>;
  responseBody?: string;
  /** Characters cut from the end of the response body (0 when it is whole). */
  responseBodyCut?: number;
}

export interface TestMetric {
  kind: 'test';
  file: string;
  test: string;
  assertions: number;
}

export interface TransportFailureMetric {
  kind: 'transport-failure';
  file: string;
  test: string;
  name: string;
  message: string;
}

/** A request sent again after a reset, a 5xx or a 429 (harness/pipeline/retry-policy.ts). */
export interface RetryMetric {
  kind: 'retry';
  file: string;
  test: string;
  name: string;
  attempt: number;
  reason: string;
  delayMs: number;
  /** The test provoked it on purpose (api.expectRetries()): a resilience test, not a flaky one. */
  expected?: boolean;
}

/** A test that needed a retry: the report marks it flaky rather than silently green. */
export interface FlakyMetric {
  kind: 'flaky';
  file: string;
  test: string;
  retries: string[];
}

/**
 * A piece of a failure message as the terminal may show it (harness/report/failure-events.ts): the
 * reports hold `shared`, and on a developer's machine the progress reporter puts `terminal` (the
 * identifiers kept, secrets masked) in its place. Written only then; the run directory is removed
 * when the run ends.
 */
export interface FailureTextMetric {
  kind: 'failure-text';
  file: string;
  shared: string;
  terminal: string;
}

export type Metric = ExchangeMetric | TestMetric | TransportFailureMetric | RetryMetric | FlakyMetric | FailureTextMetric;

function metricsFile(dir: string | undefined): string | undefined {
  if (!dir) return undefined;
  mkdirSync(dir, { recursive: true });
  return path.join(dir, `metrics-${process.pid}.jsonl`);
}

/**
 * This process's metrics file, by the run directory it was made for: one process may run the suites
 * more than once (`npm run bench` runs replay, then live), each run with a directory of its own, and
 * what jest loads in the process itself (the environment, when it runs the files in band) lives on
 * from one run to the next.
 */
let current: { dir: string | undefined; file: string | undefined } | undefined;

export function writeMetric(metric: Metric): void {
  const dir = process.env[RUN_DIR_VARIABLE];
  const target = current !== undefined && current.dir === dir ? current : (current = { dir, file: metricsFile(dir) });
  if (target.file) appendFileSync(target.file, `${JSON.stringify(metric)}\n`);
}

export function readMetrics(runDir: string): Metric[] {
  if (!existsSync(runDir)) return [];
  const metrics: Metric[] = [];
  for (const name of readdirSync(runDir)
    .filter((f) => f.startsWith('metrics-'))
    .sort()) {
    for (const line of readFileSync(path.join(runDir, name), 'utf8').split('\n')) {
      if (line.trim()) metrics.push(JSON.parse(line) as Metric);
    }
  }
  return metrics;
}

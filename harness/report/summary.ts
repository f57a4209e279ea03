// The closing summary of a run, in the spirit of Newman's: how many requests, assertions and tests
// ran and failed, and response times (average, spread, slowest request). Unlike Newman's, a request
// that failed on purpose — a reset or timeout a resilience test provokes and declares with
// api.expectRetries() — is counted apart and explained, so an all-green run does not show
// "requests failed 4" with no word why; skipped tests have their own row.
import type { ExchangeMetric, Metric } from './metrics';

export interface RunSummary {
  requests: { executed: number; failed: number };
  assertions: { executed: number; failed: number };
  tests: { executed: number; failed: number };
  /** Tests not run: skipped (read_only, live-only tests in replay) or todo. */
  skippedTests: number;
  /** Requests that got no answer in tests that passed without being flaky: provoked on purpose. */
  deliberateFailures: number;
  /** Retries, and how many of them tests provoked on purpose. */
  retries: { total: number; expected: number };
  responseMs: { average: number; min: number; max: number; sd: number };
  slowest?: { name: string; url: string; ms: number };
  harnessMsPerRequest: number;
}

/** What jest knows about the run's tests, which the metrics do not. */
export interface TestOutcomes {
  /** "passed", "failed", "pending"… of each test, by `${file}#${full test name}`. */
  status: ReadonlyMap<string, string>;
  skipped: number;
  /** Failed assertions (jest's failure messages); default one per failed test. */
  failedAssertions?: number;
}

export function testKey(file: string, test: string): string {
  return `${file}#${test}`;
}

export function summarise(metrics: Metric[], failedTests: number, executedTests: number, outcomes?: TestOutcomes): RunSummary {
  const exchanges = metrics.filter((m): m is ExchangeMetric => m.kind === 'exchange');
  const times = exchanges.map((m) => m.ms);
  const average = mean(times);
  const slowest = exchanges.reduce<ExchangeMetric | undefined>((worst, m) => (!worst || m.ms > worst.ms ? m : worst), undefined);
  const flaky = new Set(metrics.flatMap((m) => (m.kind === 'flaky' ? [testKey(m.file, m.test)] : [])));
  const transportFailures = metrics.filter((m) => m.kind === 'transport-failure');
  // Without jest's outcomes nothing can be called deliberate: every failure counts.
  const deliberate = outcomes
    ? transportFailures.filter((m) => outcomes.status.get(testKey(m.file, m.test)) === 'passed' && !flaky.has(testKey(m.file, m.test))).length
    : 0;
  const retries = metrics.filter((m) => m.kind === 'retry');
  return {
    requests: { executed: exchanges.length, failed: transportFailures.length - deliberate },
    assertions: {
      executed: metrics.reduce((sum, m) => sum + (m.kind === 'test' ? m.assertions : 0), 0),
      failed: outcomes?.failedAssertions ?? failedTests,
    },
    tests: { executed: executedTests, failed: failedTests },
    skippedTests: outcomes?.skipped ?? 0,
    deliberateFailures: deliberate,
    retries: {
      total: retries.length,
      // A retry is expected when the client said so, or when its test passed and is not flaky.
      expected: retries.filter((m) => m.expected ?? (outcomes?.status.get(testKey(m.file, m.test)) === 'passed' && !flaky.has(testKey(m.file, m.test)))).length,
    },
    responseMs: {
      average,
      min: times.length ? Math.min(...times) : 0,
      max: times.length ? Math.max(...times) : 0,
      sd: Math.sqrt(mean(times.map((t) => (t - average) ** 2))),
    },
    slowest: slowest && { name: slowest.name, url: slowest.url, ms: slowest.ms },
    harnessMsPerRequest: mean(exchanges.map((m) => m.harnessMs)),
  };
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Colours for the table; the identity when colour is off. */
export interface SummaryColours {
  red(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

const PLAIN: SummaryColours = { red: (t) => t, green: (t) => t, dim: (t) => t };

export function formatSummary(summary: RunSummary, wallMs: number, colours: SummaryColours = PLAIN): string {
  const failed = (n: number | undefined) => {
    const text = (n === undefined ? '—' : String(n)).padStart(9);
    return n === undefined ? colours.dim(text) : n > 0 ? colours.red(text) : colours.green(text);
  };
  const row = (label: string, executed: number, failures: number | undefined) =>
    `│ ${label.padStart(24)} │ ${String(executed).padStart(9)} │ ${failed(failures)} │`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const { responseMs: r } = summary;
  const lines = [
    '┌──────────────────────────┬───────────┬───────────┐',
    '│                          │  executed │    failed │',
    '├──────────────────────────┼───────────┼───────────┤',
    row('requests', summary.requests.executed, summary.requests.failed),
  ];
  if (summary.deliberateFailures > 0) lines.push(row('failed on purpose', summary.deliberateFailures, undefined));
  lines.push(row('assertions', summary.assertions.executed, summary.assertions.failed), row('tests', summary.tests.executed, summary.tests.failed));
  if (summary.skippedTests > 0) lines.push(row('skipped tests', summary.skippedTests, undefined));
  lines.push('└──────────────────────────┴───────────┴───────────┘');
  if (summary.deliberateFailures > 0) {
    lines.push(
      `${summary.deliberateFailures} request(s) failed on purpose: resets and timeouts that resilience tests provoke and declare (api.expectRetries()); their tests passed.`,
    );
  }
  if (summary.retries.total > 0) {
    const unexpected = summary.retries.total - summary.retries.expected;
    lines.push(
      `retries: ${summary.retries.total} (${summary.retries.expected} provoked on purpose${unexpected ? `, ${unexpected} not: those tests are marked flaky` : ''})`,
    );
  }
  lines.push(
    `total run duration: ${(wallMs / 1000).toFixed(2)} s`,
    `average response time: ${ms(r.average)} [min: ${ms(r.min)}, max: ${ms(r.max)}, s.d.: ${ms(r.sd)}]`,
    `harness overhead per request: ${ms(summary.harnessMsPerRequest)}`,
  );
  if (summary.slowest) lines.push(`slowest request: ${summary.slowest.name} (${summary.slowest.url}) ${ms(summary.slowest.ms)}`);
  return lines.join('\n');
}

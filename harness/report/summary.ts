// The closing summary of a run, in the spirit of Newman's: how many requests, assertions and tests
// ran and failed, and response times (average, spread, slowest request).
import type { ExchangeMetric, Metric } from './metrics';

export interface RunSummary {
  requests: { executed: number; failed: number };
  assertions: { executed: number; failed: number };
  tests: { executed: number; failed: number };
  responseMs: { average: number; min: number; max: number; sd: number };
  slowest?: { name: string; url: string; ms: number };
  harnessMsPerRequest: number;
}

export function summarise(metrics: Metric[], failedTests: number, executedTests: number): RunSummary {
  const exchanges = metrics.filter((m): m is ExchangeMetric => m.kind === 'exchange');
  const times = exchanges.map((m) => m.ms);
  const average = mean(times);
  const slowest = exchanges.reduce<ExchangeMetric | undefined>((worst, m) => (!worst || m.ms > worst.ms ? m : worst), undefined);
  return {
    requests: { executed: exchanges.length, failed: metrics.filter((m) => m.kind === 'transport-failure').length },
    assertions: {
      executed: metrics.reduce((sum, m) => sum + (m.kind === 'test' ? m.assertions : 0), 0),
      failed: failedTests,
    },
    tests: { executed: executedTests, failed: failedTests },
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

export function formatSummary(summary: RunSummary, wallMs: number): string {
  const row = (label: string, executed: number, failed: number) =>
    `│ ${label.padStart(18)} │ ${String(executed).padStart(9)} │ ${String(failed).padStart(9)} │`;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const { responseMs: r } = summary;
  const lines = [
    '┌────────────────────┬───────────┬───────────┐',
    '│                    │  executed │    failed │',
    '├────────────────────┼───────────┼───────────┤',
    row('requests', summary.requests.executed, summary.requests.failed),
    row('assertions', summary.assertions.executed, summary.assertions.failed),
    row('tests', summary.tests.executed, summary.tests.failed),
    '└────────────────────┴───────────┴───────────┘',
    `total run duration: ${(wallMs / 1000).toFixed(2)} s`,
    `average response time: ${ms(r.average)} [min: ${ms(r.min)}, max: ${ms(r.max)}, s.d.: ${ms(r.sd)}]`,
    `harness overhead per request: ${ms(summary.harnessMsPerRequest)}`,
  ];
  if (summary.slowest) lines.push(`slowest request: ${summary.slowest.name} (${summary.slowest.url}) ${ms(summary.slowest.ms)}`);
  return lines.join('\n');
}

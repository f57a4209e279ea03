// A jest reporter that shows a run the way Newman does: each test file, its tests, and under each
// test the requests it sent with status and time; failures in full; then the summary table.
// CLOUDLINK_QUIET=1 prints only failures and the summary (used by `npm test`).
import type { AggregatedResult, Reporter, Test, TestContext, TestResult } from '@jest/reporters';
import path from 'node:path';
import { readMetrics, RUN_DIR_VARIABLE, type ExchangeMetric, type Metric } from './metrics';
import { formatSummary, summarise } from './summary';

const MARK = { passed: '✓', failed: '✗', pending: '○', skipped: '○', todo: '○', disabled: '○', focused: '✓' } as const;

export default class ProgressReporter implements Pick<Reporter, 'onRunStart' | 'onTestFileResult' | 'onRunComplete'> {
  private readonly started = Date.now();
  private readonly quiet = process.env.CLOUDLINK_QUIET === '1';
  private readonly runDir = process.env[RUN_DIR_VARIABLE] ?? '';

  onRunStart(): void {
    const mode = process.env.CLOUDLINK_MODE ?? 'live';
    const environment = process.env.CLOUDLINK_ENVIRONMENT ?? 'sandbox';
    this.print(`CloudLink harness · mode ${mode} · environment ${environment}\n`);
  }

  onTestFileResult(_test: Test, result: TestResult): void {
    const failed = result.numFailingTests > 0 || result.testExecError !== undefined;
    if (this.quiet && !failed) return;
    const metrics = this.metricsFor(result.testFilePath);
    const lines = [path.relative(process.cwd(), result.testFilePath)];
    for (const test of result.testResults) {
      const fullName = [...test.ancestorTitles, test.title].join(' ');
      if (this.quiet && test.status !== 'failed') continue;
      lines.push(`  ${MARK[test.status]} ${fullName}${test.duration != null ? ` (${test.duration} ms)` : ''}`);
      for (const m of metrics.filter((x) => x.test === fullName)) {
        lines.push(`      ${m.name}: ${m.method} ${m.url} → ${m.status} ${m.ms.toFixed(1)} ms`);
      }
      for (const message of test.failureMessages) lines.push(indent(message, 6));
    }
    if (result.testExecError) lines.push(indent(result.testExecError.message, 4));
    this.print(`${lines.join('\n')}\n`);
  }

  onRunComplete(_contexts: Set<TestContext>, results: AggregatedResult): void {
    const all: Metric[] = this.runDir ? readMetrics(this.runDir) : [];
    const summary = summarise(all, results.numFailedTests, results.numTotalTests - results.numPendingTests);
    this.print(`\n${formatSummary(summary, Date.now() - this.started)}\n`);
    if (results.numFailedTestSuites > 0 || results.numRuntimeErrorTestSuites > 0) {
      this.print(`\n${results.numFailedTests} failed test(s) in ${results.numFailedTestSuites} file(s).\n`);
    }
  }

  private metricsFor(file: string): ExchangeMetric[] {
    if (!this.runDir) return [];
    const relative = path.relative(process.cwd(), file);
    return readMetrics(this.runDir).filter((m): m is ExchangeMetric => m.kind === 'exchange' && m.file === relative);
  }

  private print(text: string): void {
    process.stdout.write(text);
  }
}

function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => pad + line)
    .join('\n');
}

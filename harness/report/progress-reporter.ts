// A jest reporter that shows a run the way Newman does, and then some: each test file, its tests,
// and under each test the requests it sent with status and time. A failing test is numbered and
// shows its last requests in full — headers, status, the answer's key headers and body, masked and
// cut — beside the failure with its schema pointer; the run ends with the numbered list of failures and
// the summary table. CLOUDLINK_QUIET=1 prints only failures and the summary (npm test);
// CLOUDLINK_VERBOSE=1 prints every exchange in full. Which exchanges are shown in full is decided
// once, where they are written (./held-exchanges.ts): those that carry their detail. Colour follows
// NO_COLOR and the terminal.
import type { AggregatedResult, Reporter, Test, TestContext, TestResult } from '@jest/reporters';
import path from 'node:path';
import { maskText } from '../redact/mask';
import { readMetrics, RUN_DIR_VARIABLE, type ExchangeMetric, type Metric } from './metrics';
import { formatSummary, summarise, testKey, type TestOutcomes } from './summary';
import { colours, exchangeBlock, failureText, headline, indent, type Colours } from './terminal';

const MARK = { passed: '✓', failed: '✗', pending: '○', skipped: '○', todo: '○', disabled: '○', focused: '✓' } as const;

/**
 * Where a failing test failed, as `path:line` from the working directory: the first frame of its
 * stack in the test file's folder. A collection's test file is made of parts (suites/<api>/*.part.ts),
 * so the file jest names is seldom the one to open; the stack knows the part and the line.
 */
export function failurePlace(testFilePath: string, failureMessages: readonly string[]): string | undefined {
  const folder = path.dirname(testFilePath) + path.sep;
  for (const message of failureMessages) {
    for (const frame of message.matchAll(/^\s+at (?:.*\()?(.+?):(\d+):\d+\)?$/gm)) {
      const file = frame[1] ?? '';
      if (file.startsWith(folder)) return `${path.relative(process.cwd(), file)}:${frame[2]}`;
    }
  }
  return undefined;
}

interface NumberedFailure {
  n: number;
  file: string;
  test: string;
  headline: string;
}

export default class ProgressReporter implements Pick<Reporter, 'onRunStart' | 'onTestFileResult' | 'onRunComplete'> {
  private readonly started = Date.now();
  private readonly quiet = process.env.CLOUDLINK_QUIET === '1';
  private readonly runDir = process.env[RUN_DIR_VARIABLE] ?? '';
  private readonly c: Colours;
  private readonly failures: NumberedFailure[] = [];

  /** jest passes the reporter's options (`[reporter, { colour: false }]`); colour otherwise follows the terminal. */
  constructor(_globalConfig?: unknown, options?: { colour?: boolean }) {
    this.c = colours(typeof options?.colour === 'boolean' ? options.colour : undefined);
  }

  onRunStart(): void {
    const mode = process.env.CLOUDLINK_MODE ?? 'live';
    const environment = process.env.CLOUDLINK_ENVIRONMENT ?? 'sandbox';
    this.print(`${this.c.bold('CloudLink harness')} · mode ${mode} · environment ${environment}\n`);
  }

  onTestFileResult(_test: Test, result: TestResult): void {
    const failed = result.numFailingTests > 0 || result.testExecError !== undefined;
    if (this.quiet && !failed) return;
    const file = path.relative(process.cwd(), result.testFilePath);
    const metrics = this.metricsFor(file);
    const exchanges = metrics.filter((m): m is ExchangeMetric => m.kind === 'exchange');
    const forTerminal = terminalMessages(metrics);
    const lines = [this.c.underline(file)];
    for (const test of result.testResults) {
      const fullName = [...test.ancestorTitles, test.title].join(' ');
      if (this.quiet && test.status !== 'failed') continue;
      const own = exchanges.filter((m) => m.test === fullName);
      const duration = test.duration != null ? this.c.dim(` (${test.duration} ms)`) : '';
      if (test.status !== 'failed') {
        const mark = test.status === 'passed' ? this.c.green(MARK.passed) : this.c.yellow(MARK[test.status]);
        lines.push(`  ${mark} ${test.status === 'passed' ? fullName : this.c.dim(`${fullName} (${test.status})`)}${duration}`);
        for (const m of own) lines.push(indent(exchangeBlock(m, this.c), 6));
        continue;
      }
      const messages = test.failureMessages.map(forTerminal);
      const n = this.failures.length + 1;
      this.failures.push({ n, file: failurePlace(result.testFilePath, test.failureMessages) ?? file, test: fullName, headline: headline(messages[0] ?? '') });
      lines.push(`  ${this.c.red(`${MARK.failed} ${n}. ${fullName}`)}${duration}`);
      for (const m of own) lines.push(indent(exchangeBlock(m, this.c), 6));
      for (const message of messages) lines.push(indent(failureText(message, this.c), 6));
    }
    if (result.testExecError) {
      const n = this.failures.length + 1;
      // A throwing afterAll comes with an empty message: jest puts the error in failureMessage.
      const message = forTerminal(execErrorText(result.testExecError, result.failureMessage));
      this.failures.push({ n, file, test: '(test file)', headline: headline(message) });
      lines.push(this.c.red(`  ${MARK.failed} ${n}. the file could not run`), indent(message, 4));
    }
    this.print(`${lines.join('\n')}\n`);
  }

  onRunComplete(_contexts: Set<TestContext>, results: AggregatedResult): void {
    const all: Metric[] = this.runDir ? readMetrics(this.runDir) : [];
    if (this.failures.length) {
      const list = this.failures.map((f) => `  ${this.c.red(`${f.n}.`)} ${f.file} › ${f.test}\n     ${f.headline}`);
      this.print(`\n${this.c.bold('Failures')}\n${list.join('\n')}\n`);
    }
    const summary = summarise(all, results.numFailedTests, results.numTotalTests - results.numPendingTests - results.numTodoTests, outcomesOf(results));
    this.print(`\n${formatSummary(summary, Date.now() - this.started, this.c)}\n`);
    if (results.numFailedTestSuites > 0 || results.numRuntimeErrorTestSuites > 0) {
      const outside = results.numRuntimeErrorTestSuites;
      const besides = outside ? `; ${outside} file(s) failed outside their tests (a hook, a syntax error)` : '';
      this.print(`\n${this.c.red(`${results.numFailedTests} failed test(s) in ${results.numFailedTestSuites} file(s)${besides}.`)}\n`);
    }
  }

  private metricsFor(file: string): Metric[] {
    if (!this.runDir) return [];
    return readMetrics(this.runDir).filter((m) => m.file === file);
  }

  private print(text: string): void {
    process.stdout.write(text);
  }
}

/**
 * A failure message as this terminal may show it: on a developer's machine the identifiers the
 * reports' copy masks are put back (failure-events.ts wrote them to the metrics); secret shapes
 * are masked again in any case, in case a message reached jest by another way.
 */
function terminalMessages(metrics: readonly Metric[]): (message: string) => string {
  const pieces = metrics.flatMap((m) => (m.kind === 'failure-text' ? [m] : [])).sort((a, b) => b.shared.length - a.shared.length);
  return (message) => maskText(pieces.reduce((text, piece) => text.split(piece.shared).join(piece.terminal), message));
}

function outcomesOf(results: AggregatedResult): TestOutcomes {
  const status = new Map<string, string>();
  let failedAssertions = 0;
  for (const file of results.testResults) {
    const relative = path.relative(process.cwd(), file.testFilePath);
    for (const test of file.testResults) {
      status.set(testKey(relative, [...test.ancestorTitles, test.title].join(' ')), test.status);
      if (test.status === 'failed') failedAssertions += Math.max(1, test.failureMessages.length);
    }
  }
  return { status, skipped: results.numPendingTests + results.numTodoTests, failedAssertions };
}

/** What a file's own error says: its message, else its stack, else jest's formatted failure. */
export function execErrorText(error: { message?: string; stack?: string | null }, failureMessage?: string | null): string {
  return error.message || error.stack || failureMessage || '(jest gave no message)';
}

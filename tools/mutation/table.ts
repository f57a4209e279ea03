// The mutation table: one row per drift (detected or not, by which test, with what message), the
// runs with no drift and what failed in each, and the totals line the issue fixes word for word,
// as plain text for the terminal and as markdown for docs/.
import { shortMessage } from './run-drift';
import { driftFailures, falsePositives, type BaselineRun, type MutationSummary } from './summary';

export interface MutationRow {
  drift: string;
  detected: boolean;
  /** How many tests failed; the first one is named. */
  failed: number;
  test: string;
  message: string;
}

export function rows(summary: MutationSummary): MutationRow[] {
  return summary.runs.map((run) => {
    const failures = driftFailures(run, summary.baselines);
    const first = failures[0];
    return {
      drift: run.drift ?? '(none)',
      detected: failures.length > 0,
      failed: failures.length,
      test: first ? `${first.file}: ${first.test}` : '',
      message: first ? shortMessage(first.message) : '',
    };
  });
}

/**
 * `detected: X/Y drifts, false positives: Z over N runs with no drift`, Z being the tests that
 * failed in any of the N runs (each counted once).
 */
export function totalsLine(summary: MutationSummary): string {
  const detected = summary.runs.filter((run) => driftFailures(run, summary.baselines).length > 0).length;
  const count = summary.baselines.length;
  const measured = count === 0 ? 'not measured (no run with no drift)' : `${falsePositives(summary.baselines).length} over ${runsWithNoDrift(count)}`;
  return `detected: ${detected}/${summary.runs.length} drifts, false positives: ${measured}`;
}

const runCount = (count: number) => `${count} run${count === 1 ? '' : 's'}`;
const runsWithNoDrift = (count: number) => `${runCount(count)} with no drift`;

/** Where a baseline sat among the drift runs, so a failure that depends on time or order shows. */
export function baselinePlace(baseline: BaselineRun, driftRuns: number): string {
  if (baseline.afterDrifts <= 0) return 'before any drift';
  if (baseline.afterDrifts >= driftRuns) return 'after every drift';
  return `after ${baseline.afterDrifts} of ${driftRuns} drifts`;
}

export function renderText(summary: MutationSummary): string {
  const lines: string[] = [];
  for (const row of rows(summary)) {
    lines.push(`${row.detected ? 'DETECTED' : 'MISSED  '}  ${row.drift}`);
    if (row.detected) lines.push(`          by ${row.test}${row.failed > 1 ? ` (+${row.failed - 1} more)` : ''}`, `          ${row.message}`);
  }
  const { baselines, runs } = summary;
  if (baselines.length > 0) lines.push('', `no drift, ${runCount(baselines.length)}:`);
  baselines.forEach((baseline, index) => {
    lines.push(`  run ${index + 1}/${baselines.length}, ${baselinePlace(baseline, runs.length)}: ${baseline.failures.length} failed test(s)`);
    for (const failure of baseline.failures) lines.push(`    ${failure.file}: ${failure.test} — ${shortMessage(failure.message)}`);
  });
  lines.push('', totalsLine(summary));
  return `${lines.join('\n')}\n`;
}

export function renderMarkdown(summary: MutationSummary, generatedAt = new Date()): string {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const out = [
    '# Mutation run: do the suites catch contract drift?',
    '',
    '`npm run mutation` starts the embedded sandbox once per drift of its switchboard',
    '(`sandbox/switchboard/drift-catalogue.ts`), runs every suite live against it, and records which',
    'test failed first. A drift nobody notices is a contract change a nightly run would sleep through.',
    '',
    'False positives are measured by running the suites with no drift several times (3 by default,',
    '`--baselines <n>`), spread over the whole run: one first, one in the middle, one last, so a test',
    'that fails by time or by order shows. A test that fails in any of them is a false positive (or a',
    'flaky test), counted once, and never counts as detecting a drift. Regenerate with',
    '`npm run mutation -- --out docs/mutation.md`.',
    '',
    `Generated ${generatedAt.toISOString().slice(0, 10)}.`,
    '',
    '| drift | detected | failed tests | first failing test | message |',
    '|---|---|---|---|---|',
  ];
  for (const row of rows(summary)) {
    out.push(`| \`${row.drift}\` | ${row.detected ? 'yes' : '**no**'} | ${row.failed} | ${cell(row.test)} | ${cell(row.message)} |`);
  }
  const { baselines, runs } = summary;
  if (baselines.length > 0) {
    out.push(
      '',
      '## No drift',
      '',
      `${runCount(baselines.length)} with every drift off, spread over the whole run:`,
      '',
      '| run | made | failed tests |',
      '|---|---|---|',
    );
    baselines.forEach((baseline, index) => {
      out.push(`| ${index + 1} of ${baselines.length} | ${baselinePlace(baseline, runs.length)} | ${baseline.failures.length} |`);
    });
    const failed = falsePositives(baselines);
    if (failed.length > 0) out.push('', 'Tests that failed with no drift on:', '');
    for (const failure of failed) {
      const where = `failed in run${failure.inBaselines.length === 1 ? '' : 's'} ${failure.inBaselines.join(', ')}`;
      out.push(`- ${cell(`${failure.file}: ${failure.test}`)} (${where}) — ${cell(shortMessage(failure.message))}`);
    }
  }
  out.push('', '```', totalsLine(summary), '```', '');
  return out.join('\n');
}

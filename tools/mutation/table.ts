// The mutation table: one row per drift (detected or not, by which test, with what message) and the
// totals line the issue fixes word for word, as plain text for the terminal and as markdown for docs/.
import { shortMessage, type MutationRun } from './run-drift';

export interface MutationSummary {
  /** The baseline run with no drift: every failure there is a false positive (or a flaky test). */
  baseline?: MutationRun;
  runs: MutationRun[];
}

export interface MutationRow {
  drift: string;
  detected: boolean;
  /** How many tests failed; the first one is named. */
  failed: number;
  test: string;
  message: string;
}

/**
 * The failures a drift caused: those of its run that did not also fail with no drift on. A test
 * that fails either way (a broken test, or leftovers global teardown finds every time) proves
 * nothing about the drift, so it neither detects it nor hides it.
 */
export function driftFailures(run: MutationRun, baseline?: MutationRun): MutationRun['failures'] {
  // Names read back from JUnit join the describe path with spaces, jest's results with " › ".
  const key = (failure: { file: string; test: string }) => `${failure.file}\u0000${failure.test.replace(/ › /g, ' ')}`;
  const known = new Set((baseline?.failures ?? []).map(key));
  return run.failures.filter((failure) => !known.has(key(failure)));
}

export function rows(summary: MutationSummary): MutationRow[] {
  return summary.runs.map((run) => {
    const failures = driftFailures(run, summary.baseline);
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

/** `detected: X/Y drifts, false positives: Z`, Z being the failed tests of the no-drift run. */
export function totalsLine(summary: MutationSummary): string {
  const detected = summary.runs.filter((run) => driftFailures(run, summary.baseline).length > 0).length;
  const falsePositives = summary.baseline?.failures.length ?? 0;
  return `detected: ${detected}/${summary.runs.length} drifts, false positives: ${falsePositives}`;
}

export function renderText(summary: MutationSummary): string {
  const lines: string[] = [];
  for (const row of rows(summary)) {
    lines.push(`${row.detected ? 'DETECTED' : 'MISSED  '}  ${row.drift}`);
    if (row.detected) lines.push(`          by ${row.test}${row.failed > 1 ? ` (+${row.failed - 1} more)` : ''}`, `          ${row.message}`);
  }
  if (summary.baseline) {
    lines.push('', `no drift: ${summary.baseline.failures.length} failed test(s)`);
    for (const failure of summary.baseline.failures) lines.push(`  ${failure.file}: ${failure.test} — ${shortMessage(failure.message)}`);
  }
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
    'test failed first (tests that also fail with no drift on are not counted as detecting it).',
    'A drift nobody notices is a contract change a nightly run would sleep through;',
    'a failure with no drift on is a false positive (or a flaky test). Regenerate with',
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
  if (summary.baseline) {
    out.push('', `## No drift`, '', `${summary.baseline.failures.length} failed test(s) with every drift off.`);
    for (const failure of summary.baseline.failures) out.push(`- ${cell(`${failure.file}: ${failure.test}`)} — ${cell(shortMessage(failure.message))}`);
  }
  out.push('', '```', totalsLine(summary), '```', '');
  return out.join('\n');
}

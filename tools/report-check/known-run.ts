// The known run behind the report check: the fixture suite and one real part per collection,
// live against the embedded sandbox, through tools/run's runSuites (the path `npm start` takes),
// then a sample drift page attached the way the nightly attaches it, then the single-file report.
// A run that fails in any other way than the one failure it is meant to have stops here: the
// report of a broken run proves nothing about the report.
import path from 'node:path';
import { renderHtmlReport } from '../../harness/report/render';
import { attachDriftReport, writeDriftHtml } from '../drift/html';
import { runSuites } from '../run/run';
import { CASES, SAMPLE_DRIFT } from './expected';

export interface KnownReport {
  /** reports/report-check/allure-report/index.html */
  html: string;
  /** reports/report-check/drift.html, rendered from SAMPLE_DRIFT. */
  driftHtml: string;
  reportsDir: string;
  /** Time the run and the rendering took. */
  ms: number;
}

export async function buildKnownReport(root: string): Promise<KnownReport> {
  const started = Date.now();
  const reportsDir = path.join(root, 'reports', 'report-check');
  const outcome = await runSuites(
    // The sandbox whatever CLOUDLINK_ENVIRONMENT says: this run must never reach a real account.
    { environment: 'sandbox', mode: 'live', collections: [], bail: false, quiet: true, html: false, silent: true, junit: false, reportsDir },
    path.join(root, 'tools', 'report-check'),
  );
  const unexpected = outcome.failures.filter((failure) => !failure.test.endsWith(CASES.failing));
  if (unexpected.length > 0 || outcome.failures.length !== 1) {
    const listed = unexpected.map((failure) => `  ${failure.file}: ${failure.test}\n    ${failure.message.split('\n').slice(0, 6).join('\n    ')}`);
    throw new Error(`The known run should fail exactly once ("${CASES.failing}"); it failed ${outcome.failures.length} time(s):\n${listed.join('\n')}`);
  }
  if (!outcome.metrics.some((metric) => metric.kind === 'flaky' && metric.test.endsWith(CASES.flaky))) {
    throw new Error(`The known run's test "${CASES.flaky}" saw no retry, so nothing in the report can be marked flaky.`);
  }
  const driftHtml = writeDriftHtml(SAMPLE_DRIFT, reportsDir);
  attachDriftReport(driftHtml, path.join(reportsDir, 'allure-results'));
  const html = await renderHtmlReport(root, reportsDir);
  return { html, driftHtml, reportsDir, ms: Date.now() - started };
}

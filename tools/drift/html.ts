// The drift report as a page a person reads: drift.md's findings grouped by API, then by request,
// breaking before additive at every level, so the first screen says what broke. One file, inline
// style, no script, nothing fetched: it opens from disk and from a CI artifact alike. The nightly
// attaches it to the merged Allure report as a global attachment (attachDriftReport).
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DriftFinding } from './compare';
import type { DriftReport } from '.';

interface RequestGroup {
  request: string;
  url: string;
  findings: DriftFinding[];
}

interface ApiGroup {
  api: string;
  requests: RequestGroup[];
}

const isBreaking = (finding: DriftFinding) => finding.severity === 'breaking';
const breakingCount = (findings: readonly DriftFinding[]) => findings.filter(isBreaking).length;

/** "suites/media/media.test.ts" → "media"; a finding outside suites/ keeps its file as its group. */
export function apiOf(file: string): string {
  return /^suites[/\\]([^/\\]+)[/\\]/.exec(file)?.[1] ?? file;
}

/** Findings by API and request; groups with breaking drift first, then by name; breaking rows first. */
export function groupFindings(findings: readonly DriftFinding[]): ApiGroup[] {
  const byApi = new Map<string, Map<string, RequestGroup>>();
  for (const finding of findings) {
    const requests = byApi.get(apiOf(finding.file)) ?? new Map<string, RequestGroup>();
    const group = requests.get(finding.request) ?? { request: finding.request, url: finding.url, findings: [] };
    group.findings.push(finding);
    requests.set(finding.request, group);
    byApi.set(apiOf(finding.file), requests);
  }
  const worstFirst = <T>(items: T[], findingsOf: (item: T) => DriftFinding[], name: (item: T) => string) =>
    items.sort((a, b) => breakingCount(findingsOf(b)) - breakingCount(findingsOf(a)) || name(a).localeCompare(name(b)));
  const apis = [...byApi].map(([api, requests]) => ({
    api,
    requests: worstFirst(
      [...requests.values()].map((group) => ({ ...group, findings: [...group.findings].sort((a, b) => Number(isBreaking(b)) - Number(isBreaking(a))) })),
      (group) => group.findings,
      (group) => group.request,
    ),
  }));
  return worstFirst(
    apis,
    (api) => api.requests.flatMap((group) => group.findings),
    (api) => api.api,
  );
}

export function renderDriftHtml(report: DriftReport): string {
  const breaking = breakingCount(report.findings);
  const summary =
    `${escapeHtml(report.generatedAt)}: ${report.exchanges} live exchanges compared with the recorded fixtures and the schemas. ` +
    `<strong>${breaking} breaking</strong>, ${report.findings.length - breaking} additive. The live run ${report.liveSuccess ? 'passed' : 'had failures'}.`;
  const sections = groupFindings(report.findings).map(renderApi).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Contract drift: ${escapeHtml(report.environment)}</title>
<style>
  body { font: 15px/1.5 system-ui, sans-serif; color: #1f2328; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
  h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; margin-top: 2rem; }
  h3 { font-size: 1rem; margin: 1.25rem 0 .25rem; }
  code { font: 13px ui-monospace, monospace; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; vertical-align: top; padding: .3rem .5rem; border-bottom: 1px solid #eaeef2; }
  .badge { border-radius: 1rem; padding: 0 .5rem; font-size: 12px; font-weight: 600; white-space: nowrap; }
  .breaking { background: #ffebe9; color: #a40e26; }
  .additive { background: #fff8c5; color: #7d4e00; }
  .none { color: #1a7f37; }
</style>
</head>
<body>
<h1>Contract drift: ${escapeHtml(report.environment)}</h1>
<p class="summary">${summary}</p>
${report.findings.length === 0 ? '<p class="none">No drift.</p>' : sections}
</body>
</html>
`;
}

function renderApi(group: ApiGroup): string {
  const findings = group.requests.flatMap((request) => request.findings);
  const breaking = breakingCount(findings);
  return `<section class="api" data-api="${escapeHtml(group.api)}">
<h2>${escapeHtml(group.api)} <span class="badge ${breaking ? 'breaking' : 'additive'}">${breaking} breaking, ${findings.length - breaking} additive</span></h2>
${group.requests.map(renderRequest).join('\n')}
</section>`;
}

function renderRequest(group: RequestGroup): string {
  const rows = group.findings.map(
    (f) =>
      `<tr class="${f.severity}"><td><span class="badge ${f.severity}">${f.severity}</span></td><td>${escapeHtml(f.kind)}</td><td><code>${escapeHtml(f.path ?? '')}</code></td>` +
      `<td>${cell(f.recorded)}</td><td>${cell(f.live)}</td><td>${escapeHtml(f.file)}<br>${escapeHtml(f.test)}</td></tr>`,
  );
  return `<h3 class="request">${escapeHtml(group.request)} <code>${escapeHtml(group.url)}</code></h3>
<table>
<thead><tr><th>severity</th><th>change</th><th>where</th><th>recorded</th><th>live</th><th>test</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function cell(value: unknown): string {
  return value === undefined ? '' : `<code>${escapeHtml(typeof value === 'string' ? value : JSON.stringify(value))}</code>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Writes `<reportsDir>/drift.html` beside drift.md and drift.json. */
export function writeDriftHtml(report: DriftReport, reportsDir: string): string {
  mkdirSync(reportsDir, { recursive: true });
  const file = path.join(reportsDir, 'drift.html');
  writeFileSync(file, renderDriftHtml(report));
  return file;
}

/**
 * Puts a drift.html into an allure-results directory as a global attachment, so the report made
 * from those results shows it under "Global Attachments" (Allure 3 reads `*-globals.json`).
 */
export function attachDriftReport(driftHtml: string, resultsDir: string): void {
  mkdirSync(resultsDir, { recursive: true });
  const source = `${randomUUID()}-attachment.html`;
  copyFileSync(driftHtml, path.join(resultsDir, source));
  const globals = { attachments: [{ name: 'Contract drift report', type: 'text/html', source, timestamp: Date.now() }], errors: [] };
  writeFileSync(path.join(resultsDir, `${randomUUID()}-globals.json`), JSON.stringify(globals));
}

// The drift page: grouped by API and request, breaking first at every level, everything escaped,
// and an attachment Allure can read. How it looks in a browser is checked by npm run test:report.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DriftFinding } from './compare';
import { apiOf, attachDriftReport, groupFindings, renderDriftHtml, writeDriftHtml } from './html';
import type { DriftReport } from '.';

const finding = (file: string, request: string, severity: DriftFinding['severity'], kind: DriftFinding['kind'] = 'field-added'): DriftFinding => ({
  kind,
  severity,
  file,
  test: `${request} works`,
  request,
  url: `{{x_url}}/${request}`,
  path: 'a.b',
});

const findings = [
  finding('suites/admin/users.test.ts', 'GET Users', 'additive'),
  finding('suites/media/calls.test.ts', 'GET Calls', 'additive'),
  finding('suites/media/calls.test.ts', 'PUT Call Action', 'breaking', 'status-changed'),
  finding('suites/media/calls.test.ts', 'GET Calls', 'breaking', 'field-removed'),
  finding('suites/media/calls.test.ts', 'GET Calls', 'additive'),
];

const report: DriftReport = { environment: 'production', generatedAt: '2026-01-02T03:04:05Z', liveSuccess: true, exchanges: 12, findings };

describe('groupFindings', () => {
  it('puts the API with breaking drift first, then its requests by breaking count, breaking rows first', () => {
    const groups = groupFindings(findings);
    expect(groups.map((group) => group.api)).toEqual(['media', 'admin']);
    expect(groups[0]?.requests.map((group) => group.request)).toEqual(['GET Calls', 'PUT Call Action']);
    expect(groups[0]?.requests[0]?.findings.map((f) => f.severity)).toEqual(['breaking', 'additive', 'additive']);
  });

  it('names the API from the suite path, and keeps a path outside suites/ as it is', () => {
    expect(apiOf('suites/notifications/subscriptions.test.ts')).toBe('notifications');
    expect(apiOf('elsewhere.test.ts')).toBe('elsewhere.test.ts');
  });
});

describe('renderDriftHtml', () => {
  it('says how much broke, and lists media before admin', () => {
    const html = renderDriftHtml(report);
    expect(html).toContain('<strong>2 breaking</strong>, 3 additive');
    expect(html.indexOf('data-api="media"')).toBeLessThan(html.indexOf('data-api="admin"'));
    expect(html).not.toMatch(/<script|https?:\/\//);
  });

  it('escapes what the API answered', () => {
    const html = renderDriftHtml({
      ...report,
      findings: [{ ...finding('suites/admin/a.test.ts', 'GET A', 'breaking'), live: '<img src=x onerror=alert(1)>' }],
    });
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it('says so when there is no drift', () => {
    expect(renderDriftHtml({ ...report, findings: [] })).toContain('No drift.');
  });
});

describe('writeDriftHtml and attachDriftReport', () => {
  it('write drift.html and a globals file that names it as an HTML attachment', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drift-html-'));
    const file = writeDriftHtml(report, dir);
    const results = path.join(dir, 'allure-results');
    attachDriftReport(file, results);

    const names = readdirSync(results);
    const globals = JSON.parse(readFileSync(path.join(results, names.find((name) => name.endsWith('-globals.json')) ?? ''), 'utf8'));
    expect(globals.attachments).toEqual([expect.objectContaining({ name: 'Contract drift report', type: 'text/html' })]);
    expect(readFileSync(path.join(results, globals.attachments[0].source), 'utf8')).toBe(readFileSync(file, 'utf8'));
  });
});

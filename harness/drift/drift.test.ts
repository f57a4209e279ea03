// The drift comparison against a committed fixture, with hand-made live metrics: no run needed.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExchangeMetric } from '../report/metrics';
import { compareWithFixtures, writeDriftReport, type DriftReport } from '.';

const root = path.resolve(__dirname, '../..');
const test = 'POST Token accepts a JSON body, as Mitel’s own samples send it';
const exchange = (status: number, name = 'POST Token'): ExchangeMetric => ({
  kind: 'exchange', file: 'suites/authentication/token.test.ts', test, name, method: 'POST', url: '{{auth_url}}/token', status, ms: 1, harnessMs: 1,
});

describe('compareWithFixtures', () => {
  it('finds nothing when the live status is the recorded one', () => {
    expect(compareWithFixtures([exchange(201)], root)).toEqual([]);
  });

  it('reports a changed status as breaking, with the request it came from', () => {
    expect(compareWithFixtures([exchange(200)], root)).toEqual([
      expect.objectContaining({ kind: 'status-changed', severity: 'breaking', request: 'POST Token', recorded: 201, live: 200 }),
    ]);
  });

  it('reports a request the fixture never recorded as additive', () => {
    expect(compareWithFixtures([exchange(201), exchange(201)], root)).toEqual([
      expect.objectContaining({ kind: 'request-unrecorded', severity: 'additive' }),
    ]);
  });
});

describe('writeDriftReport', () => {
  it('writes drift.md and drift.json and answers true only on breaking drift', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drift-'));
    const report: DriftReport = { environment: 'sandbox', generatedAt: '2026-12-01T00:00:00.000Z', liveSuccess: true, exchanges: 2, findings: [] };
    try {
      expect(writeDriftReport(report, dir)).toBe(false);
      expect(writeDriftReport({ ...report, findings: compareWithFixtures([exchange(200)], root) }, dir)).toBe(true);
      expect(readFileSync(path.join(dir, 'drift.md'), 'utf8')).toContain('| breaking | status-changed | POST Token | {{auth_url}}/token | 201 | 200 |');
      expect(JSON.parse(readFileSync(path.join(dir, 'drift.json'), 'utf8')).findings).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

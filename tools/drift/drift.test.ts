// The drift comparison on hand-made exchanges: what is breaking, what is additive, and what is
// never drift at all (values).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Exchange } from '../../harness/client/exchange';
import { compareExchange } from './compare';
import { compareShapes, shapeOf } from './shape';
import { compareCaptures, writeDriftReport, type DriftReport } from '.';
import { serializeFixture } from '../../harness/fixtures/fixture-file';

const where = { file: 'suites/authentication/token.test.ts', test: 'POST Token works' };
const token = {
  token_type: 'bearer',
  expires_in: 3600,
  access_token: 'redacted-access_token-1',
  refresh_token: 'redacted-refresh_token-1',
  scope: 'read write',
};

function exchange(body: unknown, status = 201, contentType = 'application/json; charset=utf-8'): Exchange {
  return {
    name: 'POST Token',
    request: { method: 'POST', url: '{{auth_url}}/token', headers: {} },
    response: { status, headers: { 'content-type': contentType }, body },
  };
}

const compare = (live: Exchange, recorded: Exchange | undefined = exchange(token)) => compareExchange(where, recorded, live, 'authentication/token');

describe('compareExchange', () => {
  it('finds nothing when only values changed (tokens, counts, timestamps are not drift)', () => {
    expect(compare(exchange({ ...token, expires_in: 3599, access_token: 'redacted-access_token-7' }))).toEqual([]);
  });

  it('reports a changed status as breaking', () => {
    expect(compare(exchange(token, 200))).toEqual([expect.objectContaining({ kind: 'status-changed', severity: 'breaking', recorded: 201, live: 200 })]);
  });

  it('reports a required field removed, a type changed and an enum changed as breaking, by path', () => {
    const { refresh_token: _gone, ...rest } = token;
    const kinds = compare(exchange({ ...rest, expires_in: '3600', token_type: 'Bearer' })).map((f) => [f.kind, f.severity, f.path]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        ['field-removed', 'breaking', 'refresh_token'],
        ['field-retyped', 'breaking', 'expires_in'],
        ['enum-changed', 'breaking', 'token_type'],
      ]),
    );
  });

  it('reports a new field as additive', () => {
    expect(compare(exchange({ ...token, id_token: 'redacted-id_token-1' }))).toEqual([
      expect.objectContaining({ kind: 'field-added', severity: 'additive', path: 'id_token' }),
    ]);
  });

  it('reports a changed content type as breaking', () => {
    expect(compare(exchange(token, 201, 'application/hal+json'))).toEqual([
      expect.objectContaining({ kind: 'content-type-changed', severity: 'breaking', recorded: 'application/json', live: 'application/hal+json' }),
    ]);
  });

  it('reports a request the recording never had as additive', () => {
    expect(compareExchange(where, undefined, exchange(token), 'authentication/token')).toEqual([
      expect.objectContaining({ kind: 'request-unrecorded', severity: 'additive' }),
    ]);
  });
});

describe('compareShapes', () => {
  it('does not compare the items of a list that is empty on one side', () => {
    expect(compareShapes(shapeOf({ items: [{ a: 1 }] }), shapeOf({ items: [] }))).toEqual([]);
  });

  it('does not call null a retype, and names a removed object once', () => {
    expect(compareShapes(shapeOf({ endTime: '2026-01-01', party: { a: 1, b: 2 } }), shapeOf({ endTime: null }))).toEqual([
      { change: 'removed', path: 'party', recorded: 'object' },
    ]);
  });
});

describe('writeDriftReport', () => {
  it('writes drift.md and drift.json and answers true only on breaking drift', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'drift-'));
    const report: DriftReport = { environment: 'sandbox', generatedAt: '2026-12-01T00:00:00.000Z', liveSuccess: true, exchanges: 2, findings: [] };
    try {
      expect(writeDriftReport(report, dir)).toBe(false);
      expect(writeDriftReport({ ...report, findings: compare(exchange(token, 200)) }, dir)).toBe(true);
      expect(readFileSync(path.join(dir, 'drift.md'), 'utf8')).toContain('| breaking | status-changed | POST Token | {{auth_url}}/token |  | 201 | 200 |');
      expect(JSON.parse(readFileSync(path.join(dir, 'drift.json'), 'utf8')).findings).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('compareCaptures', () => {
  it('leaves out a busy platform’s answer that was sent again, and pairs the retry with the recording', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'drift-root-'));
    const capture = mkdtempSync(path.join(os.tmpdir(), 'drift-capture-'));
    const relative = path.join('suites', 'authentication', '__fixtures__', 'token.json');
    const provenance = { recordedAt: '2026-12-01T00:00:00.000Z', target: 'sandbox' as const, environment: 'sandbox', harness: '0.1.0' };
    const write = (dir: string, exchanges: Exchange[]) => {
      mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      writeFileSync(path.join(dir, relative), serializeFixture({ provenance, tests: { [where.test]: exchanges } }));
    };
    try {
      write(root, [exchange(token)]);
      write(capture, [exchange({ name: 'ServiceUnavailable', message: 'busy' }, 503), exchange(token)]);

      const { findings } = compareCaptures(capture, root, () => 'authentication/token');

      expect(findings).toEqual([]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(capture, { recursive: true, force: true });
    }
  });
});

describe('compareCaptures pairing', () => {
  const provenance = { recordedAt: '2026-12-01T00:00:00.000Z', target: 'sandbox' as const, environment: 'sandbox', harness: '0.1.0' };
  const relative = path.join('suites', 'authentication', '__fixtures__', 'token.json');
  const pair = (recorded: Exchange[], live: Exchange[]) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'drift-root-'));
    const capture = mkdtempSync(path.join(os.tmpdir(), 'drift-capture-'));
    try {
      for (const [dir, exchanges] of [
        [root, recorded],
        [capture, live],
      ] as const) {
        mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
        writeFileSync(path.join(dir, relative), serializeFixture({ provenance, tests: { [where.test]: exchanges } }));
      }
      return compareCaptures(capture, root, (_api, _request, status) => (status === 201 ? 'authentication/token' : '_shared/error')).findings.map(
        (finding) => finding.kind,
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(capture, { recursive: true, force: true });
    }
  };
  const unauthorized = exchange({ name: 'Unauthorized', message: 'expired' }, 401);

  it('pairs requests sent side by side by their status, whatever order the answers came in', () => {
    expect(pair([unauthorized, exchange(token)], [exchange(token), unauthorized])).toEqual([]);
  });

  it('still reports a status the recording never had for that request', () => {
    expect(pair([exchange(token), exchange(token)], [exchange(token), unauthorized])).toEqual(['status-changed']);
  });
});

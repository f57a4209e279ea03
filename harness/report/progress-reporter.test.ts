import type { AggregatedResult, TestResult } from '@jest/reporters';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metric } from './metrics';
import ProgressReporter, { execErrorText, failurePlace } from './progress-reporter';

const FILE = 'suites/admin/account.test.ts';
const ACCOUNT = '7c2b9d1e-4f3a-4b2c-9d8e-1a2b3c4d5e6f';

function testResult(title: string, status: 'passed' | 'failed' | 'pending', failureMessages: string[] = []) {
  return { ancestorTitles: ['GET Account'], title, status, duration: 5, failureMessages } as unknown as TestResult['testResults'][number];
}

function fileResult(): TestResult {
  return {
    testFilePath: path.join(process.cwd(), FILE),
    numFailingTests: 1,
    testResults: [
      testResult('answers 200', 'failed', [
        'Error: expect(received).toBe(expected)\n\nExpected: 200\nReceived: 404\n\nbody {"accountId": "redacted-accountid-1"}',
      ]),
      testResult('is skipped on a real account', 'pending'),
      testResult('refuses a plain user', 'passed'),
    ],
  } as unknown as TestResult;
}

function run(metrics: Metric[], env: Record<string, string>, result: TestResult = fileResult()): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'progress-'));
  writeFileSync(path.join(dir, 'metrics-1.jsonl'), metrics.map((m) => JSON.stringify(m)).join('\n'));
  const saved = { ...process.env };
  Object.assign(process.env, { CLOUDLINK_RUN_DIR: dir, CLOUDLINK_QUIET: '0', CLOUDLINK_VERBOSE: '0', ...env });
  const out: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => out.push(String(chunk)) > 0);
  try {
    const reporter = new ProgressReporter(undefined, { colour: false });
    reporter.onTestFileResult({} as never, result);
    const results = {
      testResults: [result],
      numFailedTests: 1,
      numTotalTests: 3,
      numPendingTests: 1,
      numTodoTests: 0,
      numFailedTestSuites: 1,
      numRuntimeErrorTestSuites: 0,
    };
    reporter.onRunComplete(new Set(), results as unknown as AggregatedResult);
  } finally {
    write.mockRestore();
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  }
  return out.join('');
}

const exchange = (test: string, status: number): Metric => ({
  kind: 'exchange',
  file: FILE,
  test: `GET Account ${test}`,
  name: 'GET Account',
  method: 'GET',
  url: '{{admin_url}}/accounts/redacted-accountid-1',
  status,
  ms: 3,
  harnessMs: 0.1,
  detail: {
    url: `{{admin_url}}/accounts/${ACCOUNT}`,
    requestHeaders: { authorization: 'Bearer redacted-access_token-1' },
    responseHeaders: {},
    responseBody: '{"name":"NotFound"}',
  },
});

describe('ProgressReporter', () => {
  const metrics: Metric[] = [
    exchange('answers 200', 404),
    exchange('refuses a plain user', 403),
    { kind: 'failure-text', file: FILE, shared: '"accountId": "redacted-accountid-1"', terminal: `"accountId": "${ACCOUNT}"` },
  ];

  it('numbers a failure and shows its request, status, body and the message as this terminal may show it', () => {
    const out = run(metrics, {});
    expect(out).toContain('✗ 1. GET Account answers 200');
    expect(out).toContain(`GET Account: GET {{admin_url}}/accounts/${ACCOUNT} → 404`);
    expect(out).toContain('authorization: Bearer redacted-access_token-1');
    expect(out).toContain('{"name":"NotFound"}');
    expect(out).toContain(`body {"accountId": "${ACCOUNT}"}`);
  });

  it('lists a failure at the part and line its stack names, where there is one', () => {
    const part = path.join(process.cwd(), 'suites/admin/account.part.ts');
    const result = fileResult();
    (result.testResults[0] as { failureMessages: string[] }).failureMessages = [`Error: expect(received).toBe(expected)\n    at Object.toBe (${part}:31:24)`];
    const out = run(metrics, {}, result);
    expect(out).toMatch(/Failures\n {2}1\. suites\/admin\/account\.part\.ts:31 › GET Account answers 200/);
  });

  it('shows skipped tests, lists the failures by number at the end, and has a skipped row in the summary', () => {
    const out = run(metrics, {});
    expect(out).toContain('○ GET Account is skipped on a real account (pending)');
    expect(out).toMatch(
      /Failures\n {2}1\. suites\/admin\/account\.test\.ts › GET Account answers 200\n {5}expect\(received\)\.toBe\(expected\) · Expected: 200 · Received: 404/,
    );
    expect(out).toMatch(/│\s+skipped tests │\s+1 │/);
  });

  it('prints in full exactly the exchanges written with their detail (held-exchanges.ts decides which)', () => {
    expect(run(metrics, {})).toContain('  response 403');
    const withoutDetail = metrics.map((m) => (m.kind === 'exchange' && m.status === 403 ? { ...m, detail: undefined } : m));
    const out = run(withoutDetail, {});
    expect(out).toContain('GET Account: GET {{admin_url}}/accounts/redacted-accountid-1 → 403');
    expect(out).not.toContain('  response 403');
  });

  it('writes no colour codes when colour is off', () => {
    expect(run(metrics, {})).not.toContain('\u001b[');
  });
});

describe('execErrorText', () => {
  it("names a file's own error even when jest leaves its message empty, as for a throwing afterAll", () => {
    expect(execErrorText({ message: 'Cannot find module', stack: 'Error: Cannot find module\n    at x' })).toBe('Cannot find module');
    expect(execErrorText({ message: '', stack: 'Error: boom in afterAll\n    at y' })).toBe('Error: boom in afterAll\n    at y');
    expect(execErrorText({ message: '', stack: null }, '  ● Test suite failed to run\n\n    boom')).toContain('boom');
    expect(execErrorText({ message: '' }, null)).toBe('(jest gave no message)');
  });
});

describe('failurePlace', () => {
  const testFile = path.join(process.cwd(), 'suites/admin/admin.test.ts');
  const part = path.join(process.cwd(), 'suites/admin/users.part.ts');

  it('names the part and line of the first stack frame in the test file’s folder, past the harness’s own frames', () => {
    const message = [
      'Error: expect(received).toBe(expected)',
      `    at Object.expectStatus (${path.join(process.cwd(), 'harness/client/client.ts')}:104:22)`,
      `    at Object.toBe (${part}:42:24)`,
      `    at ${testFile}:3:1`,
    ].join('\n');
    expect(failurePlace(testFile, [message])).toBe('suites/admin/users.part.ts:42');
  });

  it('reads a frame without a function name, and looks through every message', () => {
    expect(failurePlace(testFile, ['Error: first, no stack', `Error: second\n    at ${part}:7:3`])).toBe('suites/admin/users.part.ts:7');
  });

  it('has no place for a failure whose stack never enters the folder, nor for a path that only shares its beginning', () => {
    const elsewhere = `Error: Contract: "GET Users" answered 500\n    at afterEach (${path.join(process.cwd(), 'harness/jest/setup-suite.ts')}:55:9)`;
    const sibling = `Error: x\n    at ${path.join(process.cwd(), 'suites/admin-extra/users.part.ts')}:1:1`;
    expect(failurePlace(testFile, [elsewhere, sibling])).toBeUndefined();
  });
});

import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { markFlakyTests } from './flaky';

function reportsWith(results: Array<{ fullName: string }>, junit: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'flaky-'));
  mkdirSync(path.join(dir, 'allure-results'));
  results.forEach((result, i) =>
    writeFileSync(path.join(dir, 'allure-results', `${i}-result.json`), JSON.stringify({ ...result, status: 'passed', statusDetails: {} })),
  );
  writeFileSync(path.join(dir, 'junit.xml'), junit);
  return dir;
}

describe('markFlakyTests', () => {
  it('flags the retried test in Allure and JUnit, and leaves the others alone', () => {
    const dir = reportsWith(
      [{ fullName: 'pkg:suites/a/x.test.ts#GET Token answers' }, { fullName: 'pkg:suites/a/x.test.ts#GET Token refuses' }],
      '<testsuites>\n  <testcase classname="GET Token" name="answers" time="0.1">\n  </testcase>\n  <testcase classname="GET Token" name="refuses" time="0.1">\n  </testcase>\n</testsuites>\n',
    );

    const marked = markFlakyTests(dir, [
      { kind: 'flaky', file: 'suites/a/x.test.ts', test: 'GET Token answers', retries: ['"GET Token" attempt 1 got status 503; sent again after 120 ms'] },
    ]);

    expect(marked).toBe(1);
    const first = JSON.parse(readFileSync(path.join(dir, 'allure-results', '0-result.json'), 'utf8'));
    const second = JSON.parse(readFileSync(path.join(dir, 'allure-results', '1-result.json'), 'utf8'));
    expect(first.statusDetails).toMatchObject({ flaky: true, message: expect.stringContaining('attempt 1 got status 503') });
    expect(second.statusDetails).toEqual({});
    const junit = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    expect(junit).toContain('name="answers" time="0.1">\n      <properties><property name="flaky" value="true"/>');
    expect(junit.match(/flaky/g)).toHaveLength(1);
  });
});

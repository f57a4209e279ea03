// The mutation table's verdicts without running any suite: which failures count as the drift's,
// the totals line the issue fixes, the shortened messages, and failures read back from JUnit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRIFT_CATALOGUE } from '../../sandbox';
import { driftFailures, renderMarkdown, renderText, selectDrifts, shortMessage, totalsLine, UnknownDriftError, type MutationRun } from '.';
import { junitFailures } from './run-drift';

const failure = (test: string, message = 'Expected: 200\nReceived: 404') => ({ file: 'suites/media/calls.test.ts', test, message });
const run = (drift: string | undefined, ...tests: string[]): MutationRun => ({ drift, failures: tests.map((test) => failure(test)), wallMs: 1 });

describe('driftFailures and totalsLine', () => {
  it('counts a drift as detected only by failures the no-drift run did not have', () => {
    // The same test, named by jest's results (" › ") and by JUnit (spaces).
    const baseline = run(undefined, 'flaky › one');
    const summary = { baseline, runs: [run('a.b.c', 'flaky one'), run('d.e.f', 'flaky one', 'GET Call › returns 200')] };

    expect(driftFailures(summary.runs[0]!, baseline)).toEqual([]);
    expect(driftFailures(summary.runs[1]!, baseline).map((each) => each.test)).toEqual(['GET Call › returns 200']);
    expect(totalsLine(summary)).toBe('detected: 1/2 drifts, false positives: 1');
  });

  it('ends the text output with the totals line and marks a missed drift in markdown', () => {
    const summary = { baseline: run(undefined), runs: [run('a.b.c'), run('d.e.f', 'x')] };

    expect(renderText(summary).trimEnd().split('\n').pop()).toBe('detected: 1/2 drifts, false positives: 0');
    expect(renderMarkdown(summary)).toContain('| `a.b.c` | **no** | 0 |  |  |');
    expect(renderMarkdown(summary)).toContain('| `d.e.f` | yes | 1 | suites/media/calls.test.ts: x | Expected: 200 Received: 404 |');
  });
});

describe('shortMessage', () => {
  it('keeps the schema problem and drops the matcher hint, schema path and stack', () => {
    const message = [
      '\u001b[2mexpect(\u001b[22mreceived).toMatchSchema("media/call")',
      '',
      'The value does not match schema media/call (schemas/media/call.schema.json): 1 problem.',
      '  1. at /state: must be equal to one of the allowed values',
      '     schema: #/properties/state/enum',
      '     value:  "RINGING"',
      '    at Object.<anonymous> (suites/media/calls.test.ts:1:1)',
    ].join('\n');

    expect(shortMessage(message)).toBe('schema media/call: 1. at /state: must be equal to one of the allowed values value: "RINGING"');
  });

  it('keeps only the reason of a global setup error, and truncates', () => {
    const message = 'Jest: Got error running globalSetup - /x/global-setup.ts, reason: POST Token answered 200, expected 201';

    expect(shortMessage(message)).toBe('POST Token answered 200, expected 201');
    expect(shortMessage('y'.repeat(200), 10)).toBe(`${'y'.repeat(9)}…`);
  });
});

describe('junitFailures', () => {
  it('reads the failed cases with their file and message', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'junit-'));
    const file = path.join(dir, 'junit.xml');
    writeFileSync(
      file,
      `<testsuites><testsuite name="s">
  <testcase classname="c" name="GET Call returns 200" time="0.1" file="${dir}/suites/a.test.ts"></testcase>
  <testcase classname="GET Call" name="&quot;x&quot; fails" time="0.1" file="${dir}/suites/a.test.ts">
    <failure message="">Expected: 200 &amp; more</failure>
  </testcase>
</testsuite></testsuites>`,
    );
    try {
      expect(junitFailures(file, dir)).toEqual([{ file: 'suites/a.test.ts', test: 'GET Call "x" fails', message: 'Expected: 200 & more' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('selectDrifts', () => {
  it('defaults to the whole catalogue and refuses an unknown id by name', () => {
    expect(selectDrifts([])).toHaveLength(DRIFT_CATALOGUE.length);
    expect(selectDrifts(['media.call.state-enum'])).toEqual(['media.call.state-enum']);
    expect(() => selectDrifts(['media.nope'])).toThrow(UnknownDriftError);
    expect(() => selectDrifts(['media.nope'])).toThrow(/media\.nope/);
  });
});

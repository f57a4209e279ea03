// The mutation table's verdicts without running any suite: which failures count as the drift's,
// the totals line the issue fixes, each run with no drift in the tables, the shortened messages,
// and failures read back from JUnit.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRIFT_CATALOGUE } from '../../sandbox';
import { driftFailures, renderMarkdown, renderText, selectDrifts, shortMessage, totalsLine, UnknownDriftError, type BaselineRun, type MutationRun } from '.';
import { junitFailures } from './run-drift';

const failure = (test: string, message = 'Expected: 200\nReceived: 404') => ({ file: 'suites/media/calls.test.ts', test, message });
const run = (drift: string | undefined, ...tests: string[]): MutationRun => ({ drift, failures: tests.map((test) => failure(test)), wallMs: 1 });
const baseline = (afterDrifts: number, ...tests: string[]): BaselineRun => ({ ...run(undefined, ...tests), afterDrifts });

describe('driftFailures and totalsLine', () => {
  it('counts a drift as detected only by failures no run with no drift had', () => {
    // The same test, named by jest's results (" › ") and by JUnit (spaces).
    const baselines = [baseline(0), baseline(1, 'flaky › one')];
    const summary = { baselines, runs: [run('a.b.c', 'flaky one'), run('d.e.f', 'flaky one', 'GET Call › returns 200')] };

    expect(driftFailures(summary.runs[0]!, baselines)).toEqual([]);
    expect(driftFailures(summary.runs[1]!, baselines).map((each) => each.test)).toEqual(['GET Call › returns 200']);
    expect(totalsLine(summary)).toBe('detected: 1/2 drifts, false positives: 1 over 2 runs with no drift');
  });

  it('says false positives were not measured when no run had no drift', () => {
    expect(totalsLine({ baselines: [], runs: [run('a.b.c', 'x')] })).toBe('detected: 1/1 drifts, false positives: not measured (no run with no drift)');
    expect(totalsLine({ baselines: [baseline(0)], runs: [] })).toBe('detected: 0/0 drifts, false positives: 0 over 1 run with no drift');
  });
});

describe('renderText and renderMarkdown', () => {
  const summary = {
    baselines: [baseline(0), baseline(1, 'GET Call › slow'), baseline(2)],
    runs: [run('a.b.c'), run('d.e.f', 'x')],
  };

  it('ends the text output with the totals line, after each baseline and its failures', () => {
    const lines = renderText(summary).trimEnd().split('\n');

    expect(lines.pop()).toBe('detected: 1/2 drifts, false positives: 1 over 3 runs with no drift');
    expect(lines.slice(-6)).toEqual([
      'no drift, 3 runs:',
      '  run 1/3, before any drift: 0 failed test(s)',
      '  run 2/3, after 1 of 2 drifts: 1 failed test(s)',
      '    suites/media/calls.test.ts: GET Call › slow — Expected: 200 Received: 404',
      '  run 3/3, after every drift: 0 failed test(s)',
      '',
    ]);
  });

  it('marks a missed drift and lists every baseline with the runs each false positive failed in', () => {
    const markdown = renderMarkdown(summary, new Date('2026-12-05T00:00:00Z'));

    expect(markdown).toContain('Generated 2026-12-05.');
    expect(markdown).toContain('| `a.b.c` | **no** | 0 |  |  |');
    expect(markdown).toContain('| `d.e.f` | yes | 1 | suites/media/calls.test.ts: x | Expected: 200 Received: 404 |');
    expect(markdown).toContain(['| 1 of 3 | before any drift | 0 |', '| 2 of 3 | after 1 of 2 drifts | 1 |', '| 3 of 3 | after every drift | 0 |'].join('\n'));
    expect(markdown).toContain('- suites/media/calls.test.ts: GET Call › slow (failed in run 2) — Expected: 200 Received: 404');
    expect(markdown).toContain('```\ndetected: 1/2 drifts, false positives: 1 over 3 runs with no drift\n```');
  });

  it('leaves the no-drift section out when there was no baseline', () => {
    expect(renderMarkdown({ baselines: [], runs: [run('a.b.c', 'x')] })).not.toContain('## No drift');
    expect(renderText({ baselines: [], runs: [run('a.b.c', 'x')] })).not.toContain('no drift,');
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

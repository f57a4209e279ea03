// Each mode of the suites orders its files by its own last run: a replay's timings never reorder a
// live run. Driven through jest's own sequencer API (sort, cacheResults) on a throwaway cache.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

interface FakeTest {
  path: string;
  duration?: number;
  context: { config: { cacheDirectory: string; id: string; cache: boolean; haste: object }; hasteFS: { getSize(file: string): number } };
}
interface Sequencer {
  sort(tests: FakeTest[]): FakeTest[];
  cacheResults(tests: FakeTest[], results: { testResults: object[] }): void;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain CommonJS module jest loads by path
const TimingsPerModeSequencer = require('./test-sequencer') as new (options: object) => Sequencer;

let cacheDirectory: string;
let context: FakeTest['context'];
const mode = process.env.CLOUDLINK_MODE;

beforeEach(() => {
  cacheDirectory = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-sequencer-'));
  context = { config: { cacheDirectory, id: 'suites', cache: true, haste: {} }, hasteFS: { getSize: () => 100 } };
});
afterEach(() => {
  rmSync(cacheDirectory, { recursive: true, force: true });
  process.env.CLOUDLINK_MODE = mode;
});

const FILES = ['/r/suites/media/media.test.ts', '/r/suites/authentication/resilience.test.ts'];
const testsOf = () => FILES.map((file) => ({ path: file, context }));

/** A run of `mode` in which each file took the given milliseconds. */
function run(runMode: string, ms: Record<string, number>): void {
  process.env.CLOUDLINK_MODE = runMode;
  const sequencer = new TimingsPerModeSequencer({});
  const tests = sequencer.sort(testsOf());
  sequencer.cacheResults(tests, {
    testResults: FILES.map((file) => ({ testFilePath: file, numFailingTests: 0, skipped: false, perfStats: { runtime: ms[file], start: 0, end: ms[file] } })),
  });
}

/** The order the next run of `mode` would take. */
function orderFor(runMode: string): string[] {
  process.env.CLOUDLINK_MODE = runMode;
  return new TimingsPerModeSequencer({}).sort(testsOf()).map((test) => path.basename(test.path));
}

it('keeps each mode’s timings in a cache file of its own', () => {
  run('live', { [FILES[0]!]: 1700, [FILES[1]!]: 3500 });
  run('replay', { [FILES[0]!]: 600, [FILES[1]!]: 50 });

  // jest's name for the project's timings (perf-cache-<id>-<hash>), then the mode.
  expect(readdirSync(cacheDirectory).sort()).toEqual([
    expect.stringMatching(/^perf-cache-suites-\w+-live$/),
    expect.stringMatching(/^perf-cache-suites-\w+-replay$/),
  ]);
  // Longest first, each by its own mode's last run.
  expect(orderFor('live')).toEqual(['resilience.test.ts', 'media.test.ts']);
  expect(orderFor('replay')).toEqual(['media.test.ts', 'resilience.test.ts']);
});

it('gives a mode its run’s timings as the durations jest schedules by', () => {
  run('live', { [FILES[0]!]: 1700, [FILES[1]!]: 3500 });
  process.env.CLOUDLINK_MODE = 'live';
  const sorted = new TimingsPerModeSequencer({}).sort(testsOf());
  expect(sorted.map((test) => test.duration)).toEqual([3500, 1700]);
  process.env.CLOUDLINK_MODE = 'replay';
  expect(new TimingsPerModeSequencer({}).sort(testsOf()).map((test) => test.duration)).toEqual([undefined, undefined]);
});

it('keeps jest’s own file when no mode is set (the unit and e2e projects)', () => {
  delete process.env.CLOUDLINK_MODE;
  const sequencer = new TimingsPerModeSequencer({});
  sequencer.cacheResults(testsOf(), { testResults: [{ testFilePath: FILES[0], numFailingTests: 0, skipped: false, perfStats: { runtime: 10 } }] });
  expect(readdirSync(cacheDirectory)).toEqual([expect.stringMatching(/^perf-cache-suites-[0-9a-f]+$/)]);
});

// End to end through jest itself: a child jest with this project's runtime (./runtime.js) runs
// three test files that load the same module. The module is read and compiled once, and its text
// and code are taken from the worker's caches for the other two files; a failure still names its
// test file's own line, and a file that does not parse still fails with jest's message naming it.
// Should a jest upgrade move what the runtime replaces, the first test here fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runChildJest } from './child-jest';

const FILES: Record<string, string> = {
  'shared.js': 'exports.twice = (n) => n * 2;\n',
  'first.test.js': "const { twice } = require('./shared');\ntest('first', () => expect(twice(2)).toBe(4));\n",
  'second.test.js': "const { twice } = require('./shared');\ntest('second', () => expect(twice(3)).toBe(6));\n",
  'failing.test.js': "const { twice } = require('./shared');\ntest('fails on line 3', () => {\n  expect(twice(2)).toBe(5);\n});\n",
  'broken.test.js': 'const unclosed = {\n',
};

interface Counts {
  hits: number;
  diskHits: number;
  misses: number;
  rejected: number;
  sourceHits: number;
  sourceMisses: number;
  fileHits: number;
  fileSourceHits: number;
}

function runJest(dir: string, extra: Record<string, unknown> = {}): { output: string; status: number | null; counts: Counts[] } {
  const config = {
    rootDir: dir,
    runtime: path.join(__dirname, 'runtime.js'),
    testEnvironment: 'node',
    transform: {},
    cacheDirectory: path.join(dir, 'jest-cache'),
    ...extra,
  };
  const report = path.join(dir, 'code-cache.jsonl');
  const env = { ...process.env, CLOUDLINK_CODE_CACHE_REPORT: report, CLOUDLINK_CODE_CACHE_FILE: path.join(dir, 'shared.js') };
  const { output, status } = runChildJest(config, { cwd: dir, env, args: ['--runInBand'] });
  const counts = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Counts);
  return { output, status, counts };
}

describe('a child jest with the code-caching runtime', () => {
  let dir: string;
  let output: string;
  let status: number | null;
  let counts: Counts[];

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-runtime-'));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, name), text);
    ({ output, status, counts } = runJest(dir));
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles the shared module once and takes it from the cache for the other files', () => {
    expect(counts).toHaveLength(1);
    const [only] = counts;
    // Three test files load it: the first compiles it, the other two take the cache. (jest's own
    // modules that each test file loads, expect and jest-circus's adapter among them, are counted
    // in `hits` and `misses` too.)
    expect(only?.fileHits).toBe(2);
    expect(only?.hits).toBeGreaterThanOrEqual(2);
    expect(only?.rejected).toBe(0);
  });

  it('gives the next run the caches this one left on disk', () => {
    // The report file has this run's line after the first run's.
    const next = runJest(dir).counts.at(-1);
    // All three files now take the shared module's cache: the first from disk, the others from memory.
    expect(next?.fileHits).toBe(3);
    expect(next?.diskHits).toBeGreaterThanOrEqual(1);
    expect(next?.misses).toBeLessThan(counts[0]?.misses ?? 0);
  }, 60_000);

  it('reads the shared module from disk once and from memory for the other files', () => {
    const [only] = counts;
    expect(only?.fileSourceHits).toBe(2);
    expect(only?.sourceMisses).toBeGreaterThanOrEqual(1);
  });

  it('passes the files that pass, and fails the run', () => {
    expect(output).toMatch(/PASS .*first\.test\.js/);
    expect(output).toMatch(/PASS .*second\.test\.js/);
    expect(status).toBe(1);
  });

  it('names the failing line of a test file', () => {
    expect(output).toMatch(/FAIL .*failing\.test\.js/);
    expect(output).toContain('failing.test.js:3:');
  });

  it('fails a file that does not parse with a syntax error naming it', () => {
    expect(output).toMatch(/FAIL .*broken\.test\.js/);
    expect(output).toMatch(/SyntaxError[\s\S]*broken\.test\.js|broken\.test\.js[\s\S]*SyntaxError/);
  });
});

describe('the same child jest collecting V8 coverage', () => {
  let dir: string;
  let run: ReturnType<typeof runJest>;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-runtime-coverage-'));
    for (const [name, text] of Object.entries(FILES)) if (name !== 'broken.test.js') writeFileSync(path.join(dir, name), text);
    run = runJest(dir, {
      collectCoverage: true,
      coverageProvider: 'v8',
      coverageReporters: ['json-summary'],
      coverageDirectory: path.join(dir, 'coverage'),
    });
  }, 60_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leaves compiling to jest, whose offsets V8's coverage is mapped with", () => {
    expect(run.counts).toEqual([expect.objectContaining({ hits: 0, misses: 0, rejected: 0, fileHits: 0 })]);
    const summary = JSON.parse(readFileSync(path.join(dir, 'coverage', 'coverage-summary.json'), 'utf8')) as Record<string, { functions: { pct: number } }>;
    expect(summary[path.join(dir, 'shared.js')]?.functions.pct).toBe(100);
  });
});

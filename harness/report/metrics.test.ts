import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readMetrics, RUN_DIR_VARIABLE, writeMetric, type TestMetric } from './metrics';

let root: string;
const saved = process.env[RUN_DIR_VARIABLE];
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-metrics-'));
});
afterEach(() => {
  if (saved === undefined) delete process.env[RUN_DIR_VARIABLE];
  else process.env[RUN_DIR_VARIABLE] = saved;
  rmSync(root, { recursive: true, force: true });
});

const metric = (test: string): TestMetric => ({ kind: 'test', file: 'suites/x.test.ts', test, assertions: 1 });

describe('writeMetric', () => {
  it('writes each run’s metrics into that run’s directory, two runs in one process', () => {
    const first = path.join(root, 'run-1');
    const second = path.join(root, 'run-2');
    process.env[RUN_DIR_VARIABLE] = first;
    writeMetric(metric('a'));
    expect(readMetrics(first)).toEqual([metric('a')]);
    // The first run is over: its directory is removed, and the next run has its own.
    rmSync(first, { recursive: true });
    process.env[RUN_DIR_VARIABLE] = second;
    writeMetric(metric('b'));
    expect(readMetrics(second)).toEqual([metric('b')]);
  });

  it('writes nothing outside a run', () => {
    delete process.env[RUN_DIR_VARIABLE];
    expect(() => writeMetric(metric('c'))).not.toThrow();
    expect(readMetrics(root)).toEqual([]);
  });
});

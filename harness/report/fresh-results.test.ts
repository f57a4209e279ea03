import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deleteSetAside, setAsideDirs, setAsideResults } from './fresh-results';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-fresh-results-'));
  dir = path.join(root, 'allure-results');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('setAsideResults', () => {
  it('leaves the directory absent at once, its files kept aside whole', () => {
    mkdirSync(dir);
    for (let n = 0; n < 50; n++) writeFileSync(path.join(dir, `${n}-result.json`), `{"n":${n}}`);
    setAsideResults(dir);
    expect(existsSync(dir)).toBe(false);
    const [aside, ...more] = setAsideDirs(dir);
    expect(more).toEqual([]);
    expect(path.basename(aside ?? '')).toMatch(new RegExp(`^allure-results\\.old-${process.pid}-\\d+$`));
    expect(readdirSync(aside ?? '')).toHaveLength(50);
    expect(readFileSync(path.join(aside ?? '', '7-result.json'), 'utf8')).toBe('{"n":7}');
  });

  it('sets a file standing where the directory goes aside too, for teardown to delete', async () => {
    writeFileSync(dir, 'not a directory');
    setAsideResults(dir);
    expect(existsSync(dir)).toBe(false);
    expect(setAsideDirs(dir)).toHaveLength(1);
    await deleteSetAside(dir);
    expect(readdirSync(root)).toEqual([]);
  });

  it('has nothing to do when there are no results yet', () => {
    setAsideResults(dir);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('deleteSetAside', () => {
  it('deletes what this run and killed runs set aside, and leaves the results and other neighbours alone', async () => {
    mkdirSync(path.join(root, 'allure-results.old-1-2'));
    writeFileSync(path.join(root, 'allure-results.old-1-2', 'left-result.json'), '{}');
    mkdirSync(path.join(root, 'allure-results.old-3-4'));
    mkdirSync(path.join(root, 'allure-report'));
    mkdirSync(dir);
    await deleteSetAside(dir);
    expect(readdirSync(root).sort()).toEqual(['allure-report', 'allure-results']);
  });
});

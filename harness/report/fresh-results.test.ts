import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setAsideResults, tidySetAside } from './fresh-results';
import { setAsideDirs } from './recycled-files';

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
    await tidySetAside(dir);
    expect(readdirSync(root)).toEqual([]);
  });

  it('has nothing to do when there are no results yet', () => {
    setAsideResults(dir);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe('tidySetAside', () => {
  const aside = (name: string, files: string[]) => {
    mkdirSync(path.join(root, name));
    for (const file of files) writeFileSync(path.join(root, name, file), '{}');
  };

  it('keeps the old files no worker took for the next run, and deletes what a killed run claimed and emptied directories', async () => {
    aside('allure-results.old-1-2', ['left-result.json', '.claimed-77-0']);
    aside('allure-results.old-3-4', ['.claimed-78-5']);
    aside('allure-results.old-5-6', []);
    mkdirSync(path.join(root, 'allure-report'));
    mkdirSync(dir);
    await tidySetAside(dir);
    expect(readdirSync(root).sort()).toEqual(['allure-report', 'allure-results', 'allure-results.old-1-2']);
    expect(readdirSync(path.join(root, 'allure-results.old-1-2'))).toEqual(['left-result.json']);
  });

  it('keeps no more old files than it is told, across the directories set aside', async () => {
    aside('allure-results.old-1-2', ['a-result.json', 'b-result.json', 'c-result.json']);
    aside('allure-results.old-3-4', ['d-result.json', 'e-result.json']);
    await tidySetAside(dir, 4);
    const left = setAsideDirs(dir).flatMap((kept) => readdirSync(kept));
    expect(left).toHaveLength(4);
    await tidySetAside(dir, 0);
    expect(readdirSync(root)).toEqual([]);
  });
});

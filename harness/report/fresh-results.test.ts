import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshResultsDir } from './fresh-results';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-fresh-results-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('freshResultsDir', () => {
  it('leaves the directory absent at once and deletes the old results by the time its promise settles', async () => {
    const dir = path.join(root, 'allure-results');
    mkdirSync(dir);
    for (let n = 0; n < 50; n++) writeFileSync(path.join(dir, `${n}-result.json`), '{}');
    const deleted = freshResultsDir(dir);
    expect(existsSync(dir)).toBe(false);
    await deleted;
    expect(readdirSync(root)).toEqual([]);
  });

  it('also deletes what a killed run set aside, and leaves other neighbours alone', async () => {
    const dir = path.join(root, 'allure-results');
    mkdirSync(path.join(root, 'allure-results.old-1-2'));
    mkdirSync(path.join(root, 'allure-report'));
    await freshResultsDir(dir);
    expect(readdirSync(root)).toEqual(['allure-report']);
  });

  it('deletes a file standing where the directory goes', async () => {
    const dir = path.join(root, 'allure-results');
    writeFileSync(dir, 'not a directory');
    await freshResultsDir(dir);
    expect(readdirSync(root)).toEqual([]);
  });
});

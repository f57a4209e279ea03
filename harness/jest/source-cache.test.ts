// A module's text is read from disk once per mtime: the next test file of the worker gets it from
// memory, and a file written since (a new mtime) is read again. (That this makes a run faster is
// measured by `npm run bench`; that jest reads through it, by runtime.e2e.test.ts.)
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSourceCache } from './source-cache';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'source-cache-'));
  file = path.join(dir, 'module.js');
  writeFileSync(file, 'exports.version = 1;\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** jest's read, counted. */
function countingRead(): { read: (filename: string) => string; calls: string[] } {
  const calls: string[] = [];
  return { calls, read: (filename) => (calls.push(filename), `read from disk: ${filename}`) };
}

it('reads a file from disk once, and from memory after', () => {
  const cache = createSourceCache();
  const disk = countingRead();
  expect(cache.read(file, disk.read)).toBe(`read from disk: ${file}`);
  expect(cache.read(file, disk.read)).toBe(`read from disk: ${file}`);
  expect(cache.read(file, disk.read)).toBe(`read from disk: ${file}`);
  expect(disk.calls).toEqual([file]);
  expect(cache.stats).toEqual({ hits: 2, misses: 1 });
  expect(cache.hitsOf(file)).toBe(2);
});

it('reads a file again once its mtime has changed', () => {
  const cache = createSourceCache();
  let text = 'first';
  const read = () => text;
  expect(cache.read(file, read)).toBe('first');
  text = 'second';
  const later = new Date(Date.now() + 60_000);
  utimesSync(file, later, later);
  expect(cache.read(file, read)).toBe('second');
  expect(cache.read(file, read)).toBe('second');
  expect(cache.stats).toEqual({ hits: 1, misses: 2 });
});

it("leaves a file that does not exist to jest's read, every time", () => {
  const cache = createSourceCache();
  const missing = path.join(dir, 'missing.js');
  const read = (filename: string) => {
    throw new Error(`ENOENT: no such file or directory, open '${filename}'`);
  };
  expect(() => cache.read(missing, read)).toThrow(`open '${missing}'`);
  expect(() => cache.read(missing, read)).toThrow(`open '${missing}'`);
  expect(cache.stats).toEqual({ hits: 0, misses: 0 });
});

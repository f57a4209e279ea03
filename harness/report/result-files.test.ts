// A test file's Allure files: written at once in a jest worker; in band, the first at once too, then
// by a thread of the process, all written once flush resolves, a failure named by the file.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setAsideResults } from './fresh-results';
import { JEST_PARENT_VARIABLE, setAsideDirs } from './recycled-files';
import { endResultsThread, resultFiles } from './result-files';

let root: string;
let dir: string;
const saved = process.env[JEST_PARENT_VARIABLE];
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-result-files-'));
  dir = path.join(root, 'allure-results');
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  if (saved === undefined) delete process.env[JEST_PARENT_VARIABLE];
  else process.env[JEST_PARENT_VARIABLE] = saved;
});

const inBand = () => void (process.env[JEST_PARENT_VARIABLE] = String(process.pid));
const inAWorker = () => void (process.env[JEST_PARENT_VARIABLE] = String(process.pid + 1));

it('in a jest worker, writes each file at once', async () => {
  inAWorker();
  const files = resultFiles(dir, false);
  files.write('a-result.json', '{"n":1}');
  expect(readFileSync(path.join(dir, 'a-result.json'), 'utf8')).toBe('{"n":1}');
  await files.flush();
});

it('in band, writes the first files itself, at once, in old files’ places', async () => {
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'old.json'), 'x'.repeat(50));
  setAsideResults(dir);
  inBand();
  const files = resultFiles(dir, false, 2);
  files.write('a-result.json', '{"n":1}');
  files.write('b-result.json', '{"n":2}');
  expect(readdirSync(dir).sort()).toEqual(['a-result.json', 'b-result.json']);
  expect(readdirSync(setAsideDirs(dir)[0] ?? '')).toEqual([]);
  await files.flush();
});

it('in band, past those, has every file written, in an old file’s place, once flush resolves', async () => {
  mkdirSync(dir);
  for (let n = 0; n < 3; n++) writeFileSync(path.join(dir, `old-${n}.json`), 'x'.repeat(50));
  setAsideResults(dir);
  const aside = setAsideDirs(dir)[0] ?? '';
  const old = new Set(readdirSync(aside).map((name) => statSync(path.join(aside, name)).ino));
  inBand();

  const files = resultFiles(dir, false, 0);
  for (let n = 0; n < 5; n++) files.write(`${n}-attachment.json`, Buffer.from(`{"n":${n}}`));
  await files.flush();

  expect(readdirSync(dir).sort()).toEqual([0, 1, 2, 3, 4].map((n) => `${n}-attachment.json`));
  expect(readFileSync(path.join(dir, '4-attachment.json'), 'utf8')).toBe('{"n":4}');
  const reused = readdirSync(dir).filter((name) => old.has(statSync(path.join(dir, name)).ino));
  expect(reused).toHaveLength(3);
});

it('in band, fails the flush naming the file it could not write, and writes on after it', async () => {
  inBand();
  writeFileSync(dir, 'a file where the results directory goes');
  const files = resultFiles(dir, false, 0);
  files.write('a-result.json', '{}');
  await expect(files.flush()).rejects.toThrow(/^Writing the Allure results failed: a-result\.json: ENOTDIR/);

  rmSync(dir);
  const next = resultFiles(dir, false, 0);
  next.write('b-result.json', '{}');
  await next.flush();
  expect(readdirSync(dir)).toEqual(['b-result.json']);
});

it('in band, fails a flush at once once the thread has ended, and starts another for the next file', async () => {
  inBand();
  const files = resultFiles(dir, false, 0);
  files.write('a-result.json', '{}');
  await files.flush();
  await endResultsThread();
  await expect(files.flush()).rejects.toThrow('The thread writing the Allure results stopped (exit code 1).');

  const next = resultFiles(dir, false, 0);
  next.write('b-result.json', '{}');
  await next.flush();
  expect(readdirSync(dir).sort()).toEqual(['a-result.json', 'b-result.json']);
  await endResultsThread();
});

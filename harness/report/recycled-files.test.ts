import fs, { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setAsideResults } from './fresh-results';
import { JEST_PARENT_VARIABLE, RecycledFiles, setAsideDirs, writesAlone } from './recycled-files';

let root: string;
let dir: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-recycled-'));
  dir = path.join(root, 'allure-results');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A last run of `count` files, `size` bytes each, set aside as global setup does. */
function lastRun(count: number, size = 64): string {
  mkdirSync(dir);
  for (let n = 0; n < count; n++) writeFileSync(path.join(dir, `old-${n}-attachment.json`), 'x'.repeat(size));
  setAsideResults(dir);
  return setAsideDirs(dir)[0] ?? '';
}

const inode = (file: string) => statSync(file).ino;
const inodesIn = (folder: string) => new Set(readdirSync(folder).map((name) => inode(path.join(folder, name))));

describe('RecycledFiles', () => {
  it('writes a file in an old file’s place: same inode, exactly the new content, shorter or longer', () => {
    const aside = lastRun(2, 100);
    const old = inodesIn(aside);
    const files = new RecycledFiles(dir);
    files.write('a-result.json', '{"short":1}');
    files.write('b-attachment.json', Buffer.from('y'.repeat(300)));
    expect(readFileSync(path.join(dir, 'a-result.json'), 'utf8')).toBe('{"short":1}');
    expect(readFileSync(path.join(dir, 'b-attachment.json'), 'utf8')).toBe('y'.repeat(300));
    expect(inodesIn(dir)).toEqual(old);
    expect(readdirSync(aside)).toEqual([]);
  });

  it('alone, overwrites an old file where it lies and renames it once, where a worker claims it first', () => {
    const aside = lastRun(4);
    const old = inodesIn(aside);
    // Made already, as after a run's first file: that file's rename is tried again once it is there.
    mkdirSync(dir);
    const renames = jest.spyOn(fs, 'renameSync');
    try {
      const alone = new RecycledFiles(dir, false, true);
      alone.write('a-result.json', '{"alone":1}');
      alone.write('b-result.json', '{"alone":2}');
      expect(renames).toHaveBeenCalledTimes(2);
      new RecycledFiles(dir).write('c-result.json', '{"worker":1}');
      expect(renames).toHaveBeenCalledTimes(4);
    } finally {
      renames.mockRestore();
    }
    expect(readFileSync(path.join(dir, 'b-result.json'), 'utf8')).toBe('{"alone":2}');
    expect([...inodesIn(dir)].every((ino) => old.has(ino))).toBe(true);
    expect(readdirSync(aside)).toHaveLength(1);
  });

  it('knows it writes alone only in the process that ran global setup', () => {
    expect(writesAlone({ [JEST_PARENT_VARIABLE]: String(process.pid) })).toBe(true);
    expect(writesAlone({ [JEST_PARENT_VARIABLE]: String(process.pid + 1) })).toBe(false);
    expect(writesAlone({})).toBe(false);
  });

  it('writes anew once no old file is left, and when nothing was set aside, making the directory', () => {
    const aside = lastRun(1);
    const [old] = [...inodesIn(aside)];
    const files = new RecycledFiles(dir);
    files.write('a-result.json', '{"n":1}');
    files.write('b-result.json', '{"n":2}');
    expect(inode(path.join(dir, 'a-result.json'))).toBe(old);
    expect(inode(path.join(dir, 'b-result.json'))).not.toBe(old);
    expect(readFileSync(path.join(dir, 'b-result.json'), 'utf8')).toBe('{"n":2}');
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    new RecycledFiles(dir).write('c-result.json', '{"n":3}');
    expect(readFileSync(path.join(dir, 'c-result.json'), 'utf8')).toBe('{"n":3}');
  });

  it('lets two workers share the old files from opposite ends, each file taken once', () => {
    const aside = lastRun(40);
    const old = inodesIn(aside);
    // Both list the old files before either writes, as two workers starting together do.
    const workers = [new RecycledFiles(dir, false), new RecycledFiles(dir, true)];
    for (let n = 0; n < 40; n++) (workers[n % 2] as RecycledFiles).write(`${n}-result.json`, `{"n":${n}}`);
    for (let n = 0; n < 40; n++) expect(readFileSync(path.join(dir, `${n}-result.json`), 'utf8')).toBe(`{"n":${n}}`);
    expect(inodesIn(dir)).toEqual(old);
    expect(readdirSync(aside)).toEqual([]);
  });

  it('skips a file another worker took after this one listed it', () => {
    const aside = lastRun(2);
    const old = inodesIn(aside);
    const slow = new RecycledFiles(dir, true);
    const fast = new RecycledFiles(dir, true);
    fast.write('fast-result.json', '{}');
    // slow listed nothing yet: it lists now, and sees only what is left.
    slow.write('slow-result.json', '{}');
    expect(readdirSync(dir).sort()).toEqual(['fast-result.json', 'slow-result.json']);
    expect(inodesIn(dir)).toEqual(old);
    expect(readdirSync(aside)).toEqual([]);
  });

  it('never takes a file another worker has claimed and is writing', () => {
    const aside = lastRun(1);
    const [only] = readdirSync(aside);
    const claimed = path.join(aside, '.claimed-99999-0');
    writeFileSync(claimed, 'half-written');
    rmSync(path.join(aside, only ?? ''));
    new RecycledFiles(dir).write('a-result.json', '{}');
    expect(readFileSync(claimed, 'utf8')).toBe('half-written');
    expect(inode(path.join(dir, 'a-result.json'))).not.toBe(inode(claimed));
  });

  it('writes anew when a set-aside entry cannot be overwritten, and leaves it where it is deleted', () => {
    const aside = path.join(root, 'allure-results.old-1-2');
    mkdirSync(path.join(aside, 'not-a-file'), { recursive: true });
    new RecycledFiles(dir).write('a-result.json', '{"n":1}');
    expect(readFileSync(path.join(dir, 'a-result.json'), 'utf8')).toBe('{"n":1}');
    expect(readdirSync(aside)).toEqual([expect.stringMatching(/^\.claimed-/)]);
  });

  it('says why when the results cannot be written at all', () => {
    writeFileSync(path.join(root, 'blocker'), 'a file, not a folder');
    const files = new RecycledFiles(path.join(root, 'blocker', 'allure-results'));
    expect(() => files.write('a-result.json', '{}')).toThrow(/ENOTDIR/);
  });
});

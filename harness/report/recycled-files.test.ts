import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setAsideDirs, setAsideResults } from './fresh-results';
import { RecycledFiles } from './recycled-files';

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

describe('RecycledFiles', () => {
  it('writes a file in an old file’s place: same inode, exactly the new content, shorter or longer', () => {
    const aside = lastRun(2, 100);
    const inodes = new Set(readdirSync(aside).map((name) => inode(path.join(aside, name))));
    const recycled = new RecycledFiles(dir);
    expect(recycled.write('a-result.json', '{"short":1}')).toBe(true);
    expect(recycled.write('b-attachment.json', Buffer.from('y'.repeat(300)))).toBe(true);
    expect(readFileSync(path.join(dir, 'a-result.json'), 'utf8')).toBe('{"short":1}');
    expect(readFileSync(path.join(dir, 'b-attachment.json'), 'utf8')).toBe('y'.repeat(300));
    expect(new Set(readdirSync(dir).map((name) => inode(path.join(dir, name))))).toEqual(inodes);
    expect(readdirSync(aside)).toEqual([]);
  });

  it('answers false once no old file is left, and when nothing was set aside', () => {
    lastRun(1);
    const recycled = new RecycledFiles(dir);
    expect(recycled.write('a-result.json', '{}')).toBe(true);
    expect(recycled.write('b-result.json', '{}')).toBe(false);
    expect(readdirSync(dir)).toEqual(['a-result.json']);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root);
    expect(new RecycledFiles(dir).write('c-result.json', '{}')).toBe(false);
    expect(existsSync(dir)).toBe(false);
  });

  it('lets two workers share the old files from opposite ends, each file taken once', () => {
    const aside = lastRun(40);
    // Both list the old files before either writes, as two workers starting together do.
    const workers = [new RecycledFiles(dir, false), new RecycledFiles(dir, true)];
    const written: string[] = [];
    for (let n = 0; n < 40; n++) {
      const worker = workers[n % 2] as RecycledFiles;
      const name = `${n}-result.json`;
      if (worker.write(name, `{"n":${n}}`)) written.push(name);
    }
    expect(written).toHaveLength(40);
    for (const name of written) expect(readFileSync(path.join(dir, name), 'utf8')).toBe(`{"n":${Number.parseInt(name, 10)}}`);
    expect(readdirSync(aside)).toEqual([]);
  });

  it('skips a file another worker took after this one listed it', () => {
    const aside = lastRun(2);
    const slow = new RecycledFiles(dir, true);
    const fast = new RecycledFiles(dir, true);
    expect(fast.write('fast-result.json', '{}')).toBe(true);
    // slow listed nothing yet: it lists now, and sees only what is left.
    expect(slow.write('slow-result.json', '{}')).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(['fast-result.json', 'slow-result.json']);
    expect(readdirSync(aside)).toEqual([]);
  });

  it('never takes a file another worker has claimed and is writing', () => {
    const aside = lastRun(1);
    const [only] = readdirSync(aside);
    const claimed = path.join(aside, '.claimed-99999-0');
    writeFileSync(claimed, 'half-written');
    rmSync(path.join(aside, only ?? ''));
    expect(new RecycledFiles(dir).write('a-result.json', '{}')).toBe(false);
    expect(readFileSync(claimed, 'utf8')).toBe('half-written');
  });

  it('leaves a set-aside entry it cannot overwrite where it is deleted, and hands the write back', () => {
    const aside = path.join(root, 'allure-results.old-1-2');
    mkdirSync(path.join(aside, 'not-a-file'), { recursive: true });
    expect(new RecycledFiles(dir).write('a-result.json', '{}')).toBe(false);
    expect(existsSync(path.join(dir, 'a-result.json'))).toBe(false);
    expect(readdirSync(aside)).toEqual([expect.stringMatching(/^\.claimed-/)]);
  });
});

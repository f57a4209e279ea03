// Writes a run's Allure files, in the places of the files the last run left set aside
// (./fresh-results.ts) while any are left. On the machine the targets are measured on, creating a
// file in a run's results cost about 1 ms while the old results were being deleted, and
// overwriting one through O_TRUNC as much; overwriting an old file in place and renaming it costs
// 0.2–0.4 ms (README, Performance). Elsewhere it costs about what creating a file does.
//
// A file is claimed by renaming it, inside its set-aside directory, to a name of this process's:
// when two workers reach for the same file, the second finds it gone and takes the next. It is
// written from its first byte and cut to the new length (emptying it first would give its blocks
// back, which is the cost avoided), and only then renamed into the results: a run killed mid-write
// leaves a half-written file among the set-aside ones, under the name that claimed it, which global
// teardown deletes (./fresh-results.ts); never among the results.
//
// A writer that knows it is alone (the tests run in band, in jest's own process: writesAlone)
// skips the claim, one rename of the two per file: the median overhead per request of a replay in
// band went from 0.278 to 0.265 ms (four bench runs each). A file it leaves half-written is an old
// file still, among the set-aside ones, which the next run overwrites whole.
import { closeSync, ftruncateSync, mkdirSync, openSync, readdirSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { CLAIMED, setAsideDirs } from './fresh-results';

/** Claims made by this process: each claimed name is this process's own. */
let claims = 0;

export class RecycledFiles {
  private spares: string[] | undefined;

  /**
   * `fromStart`: which end of the list this writer takes from. Two jest workers take from opposite
   * ends (by worker id), so that they rarely reach for the same file.
   */
  constructor(
    private readonly resultsDir: string,
    private readonly fromStart = false,
    private readonly alone = false,
  ) {}

  /** Writes `content` as `name` in the results directory: in an old file's place while one is left, else anew. */
  write(name: string, content: string | Buffer): void {
    const target = path.join(this.resultsDir, name);
    const claimed = this.alone ? this.next() : this.claim();
    if (claimed !== undefined) {
      try {
        overwrite(claimed, typeof content === 'string' ? Buffer.from(content) : content);
        this.intoResults(() => renameSync(claimed, target));
        return;
      } catch {
        // Not a plain file after all, or the results cannot be written here: written anew below,
        // which says why if it fails too. What was claimed stays aside, to be deleted.
        this.spares = [];
      }
    }
    this.intoResults(() => writeFileSync(target, content));
  }

  /** An old file renamed to a name of this process's, or nothing when none is left. */
  private claim(): string | undefined {
    for (let spare = this.next(); spare !== undefined; spare = this.next()) {
      const claimed = path.join(path.dirname(spare), `${CLAIMED}${process.pid}-${claims++}`);
      try {
        renameSync(spare, claimed);
        return claimed;
      } catch {
        // Taken by another worker: the next one.
      }
    }
    return undefined;
  }

  /** The results directory is made on a run's first write (a mkdir before each file cost more than the write). */
  private intoResults(write: () => void): void {
    try {
      write();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(this.resultsDir, { recursive: true });
      write();
    }
  }

  private next(): string | undefined {
    this.spares ??= this.list();
    return this.spares.pop();
  }

  private list(): string[] {
    const files = setAsideDirs(this.resultsDir).flatMap((dir) => {
      try {
        return readdirSync(dir)
          .filter((name) => !name.startsWith(CLAIMED))
          .map((name) => path.join(dir, name));
      } catch {
        return [];
      }
    });
    // pop() takes from the end.
    return this.fromStart ? files.reverse() : files;
  }
}

function overwrite(file: string, data: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    for (let written = 0; written < data.length;) written += writeSync(fd, data, written, data.length - written, written);
    ftruncateSync(fd, data.length);
  } finally {
    closeSync(fd);
  }
}

/** Names the process that runs jest's global setup (harness/jest/global-setup.ts sets it). */
export const JEST_PARENT_VARIABLE = 'CLOUDLINK_JEST_PARENT';

/**
 * Whether this is the only process writing the run's results: the tests run in band, in jest's own
 * process (which ran global setup), on its main thread. jest's workers are processes of their own
 * (or threads, with jest's workerThreads), and are never alone.
 */
export function writesAlone(env: NodeJS.ProcessEnv = process.env): boolean {
  return isMainThread && env[JEST_PARENT_VARIABLE] === String(process.pid);
}

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
//
// JavaScript, with its types in ./recycled-files.d.ts: in band it runs in a thread of its own
// (./results-thread.js, ./result-files.ts say why), which loads it without a TypeScript loader.
'use strict';
const { Buffer } = require('node:buffer');
// Called through the module, so that a test can count the renames.
const fs = require('node:fs');
const path = require('node:path');
const { isMainThread } = require('node:worker_threads');

/** What global setup adds to the results directory's name to set it aside (./fresh-results.ts). */
const ASIDE = '.old-';
/** A name a worker gave an old file it took; one left behind was never written in. */
const CLAIMED = '.claimed-';
/** Names the process that runs jest's global setup (harness/jest/global-setup.ts sets it). */
const JEST_PARENT_VARIABLE = 'CLOUDLINK_JEST_PARENT';

/** Claims made by this process: each claimed name is this process's own. */
let claims = 0;

class RecycledFiles {
  /**
   * `fromStart`: which end of the list this writer takes from. Two jest workers take from opposite
   * ends (by worker id), so that they rarely reach for the same file. `alone`: see writesAlone.
   *
   * @param {string} resultsDir
   */
  constructor(resultsDir, fromStart = false, alone = false) {
    this.resultsDir = resultsDir;
    this.fromStart = fromStart;
    this.alone = alone;
    /** @type {string[] | undefined} */
    this.spares = undefined;
  }

  /**
   * Writes `content` as `name` in the results directory: in an old file's place while one is left, else anew.
   *
   * @param {string} name
   * @param {string | Uint8Array} content
   */
  write(name, content) {
    const target = path.join(this.resultsDir, name);
    const claimed = this.alone ? this.next() : this.claim();
    if (claimed !== undefined) {
      try {
        overwrite(claimed, typeof content === 'string' ? Buffer.from(content) : content);
        this.intoResults(() => fs.renameSync(claimed, target));
        return;
      } catch {
        // Not a plain file after all, or the results cannot be written here: written anew below,
        // which says why if it fails too. What was claimed stays aside, to be deleted.
        this.spares = [];
      }
    }
    this.intoResults(() => fs.writeFileSync(target, content));
  }

  /** An old file renamed to a name of this process's, or nothing when none is left. */
  claim() {
    for (let spare = this.next(); spare !== undefined; spare = this.next()) {
      const claimed = path.join(path.dirname(spare), `${CLAIMED}${process.pid}-${claims++}`);
      try {
        fs.renameSync(spare, claimed);
        return claimed;
      } catch {
        // Taken by another worker: the next one.
      }
    }
    return undefined;
  }

  /** The results directory is made on a run's first write (a mkdir before each file cost more than the write). */
  intoResults(write) {
    try {
      write();
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
      fs.mkdirSync(this.resultsDir, { recursive: true });
      write();
    }
  }

  next() {
    this.spares ??= this.list();
    return this.spares.pop();
  }

  list() {
    const files = setAsideDirs(this.resultsDir).flatMap((dir) => {
      try {
        return fs
          .readdirSync(dir)
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

function overwrite(file, data) {
  const fd = fs.openSync(file, 'r+');
  try {
    for (let written = 0; written < data.length;) written += fs.writeSync(fd, data, written, data.length - written, written);
    fs.ftruncateSync(fd, data.length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The directories set aside from `dir`, this run's and those of earlier runs (./fresh-results.ts).
 *
 * @param {string} dir
 * @returns {string[]}
 */
function setAsideDirs(dir) {
  const parent = path.dirname(dir);
  const prefix = `${path.basename(dir)}${ASIDE}`;
  try {
    return fs
      .readdirSync(parent)
      .filter((name) => name.startsWith(prefix))
      .map((name) => path.join(parent, name));
  } catch {
    return [];
  }
}

/**
 * Whether this is the only process writing the run's results: the tests run in band, in jest's own
 * process (which ran global setup), on its main thread. jest's workers are processes of their own
 * (or threads, with jest's workerThreads), and are never alone.
 */
function writesAlone(env = process.env) {
  return isMainThread && env[JEST_PARENT_VARIABLE] === String(process.pid);
}

module.exports = { ASIDE, CLAIMED, JEST_PARENT_VARIABLE, RecycledFiles, setAsideDirs, writesAlone };

// Every run starts from fresh Allure results, a plain `npx jest` too: a report must not mix runs.
// Global setup renames the old directory aside at once (`allure-results.old-<pid>-<time>`); the
// workers then write this run's files in the old files' places (./recycled-files.js), and global
// teardown keeps what no worker took for the next run, up to SPARES_KEPT files. Deleting the old
// files while the new ones were written made each new file cost about 1 ms instead of 0.2–0.4 ms
// (README, Performance), deleting them before the first test cost about 2 s on a busy 2-core
// machine, and deleting them after it left the next run with nothing to write over: a full replay
// after a run of one request created its 1,400 files anew and its cost per request doubled.
import { renameSync, rmSync } from 'node:fs';
import { readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { ASIDE, CLAIMED, setAsideDirs } from './recycled-files';

/** Old files kept for the next run: a full run of every collection writes about 1,400. */
export const SPARES_KEPT = 5000;

/** The Allure results directory jest's project configuration names (jest.config.ts), if any. */
export function resultsDirOf(project: { testEnvironmentOptions?: { resultsDir?: unknown } } | undefined): string | undefined {
  const dir = project?.testEnvironmentOptions?.resultsDir;
  return typeof dir === 'string' && dir !== '' ? dir : undefined;
}

/** Leaves `dir` absent: its old contents are set aside, for this run's files to take their places. */
export function setAsideResults(dir: string): void {
  const aside = path.join(path.dirname(dir), `${path.basename(dir)}${ASIDE}${process.pid}-${Date.now()}`);
  try {
    renameSync(dir, aside);
  } catch (error) {
    // Nothing to set aside; any other failure (a file in the way, a read-only parent) falls back
    // to deleting in place, which says what is wrong if it cannot.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * After a run: the old files no worker took stay set aside for the next run to write in place of,
 * up to SPARES_KEPT of them; the rest, the files a killed run claimed, directories left empty and
 * anything set aside that is not a directory (a file that stood where the results go) are deleted.
 */
export async function tidySetAside(dir: string, kept = SPARES_KEPT): Promise<void> {
  let spares = 0;
  for (const aside of setAsideDirs(dir)) {
    let names: string[];
    try {
      names = await readdir(aside);
    } catch {
      await rm(aside, { recursive: true, force: true });
      continue;
    }
    const unclaimed = names.filter((name) => !name.startsWith(CLAIMED));
    const keep = unclaimed.slice(0, Math.max(0, kept - spares));
    spares += keep.length;
    const keeping = new Set(keep);
    await Promise.all(names.filter((name) => !keeping.has(name)).map((name) => rm(path.join(aside, name), { recursive: true, force: true })));
    if (keep.length === 0) await rmdir(aside).catch(() => undefined);
  }
}

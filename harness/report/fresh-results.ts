// Every run starts from fresh Allure results, a plain `npx jest` too: a report must not mix runs.
// Global setup renames the old directory aside at once (`allure-results.old-<pid>-<time>`); the
// workers then write this run's files in the old files' places (./recycled-files.ts), and global
// teardown deletes what no worker took. Deleting the old files while the new ones were written
// made each new file cost about 1 ms instead of 0.2–0.4 ms (README, Performance), and deleting
// them before the first test cost about 2 s on a busy 2-core machine.
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const ASIDE = '.old-';

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

/** The directories set aside from `dir`, this run's and those of earlier runs that were killed. */
export function setAsideDirs(dir: string): string[] {
  const parent = path.dirname(dir);
  const prefix = `${path.basename(dir)}${ASIDE}`;
  try {
    return readdirSync(parent)
      .filter((name) => name.startsWith(prefix))
      .map((name) => path.join(parent, name));
  } catch {
    return [];
  }
}

/** Deletes every directory set aside from `dir`, with what no worker took in them. */
export async function deleteSetAside(dir: string): Promise<void> {
  await Promise.all(setAsideDirs(dir).map((aside) => rm(aside, { recursive: true, force: true })));
}

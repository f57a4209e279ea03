// Every run starts from fresh Allure results, a plain `npx jest` too: a report must not mix runs.
// The old directory is renamed aside at once and deleted while the tests run: a run writes a few
// thousand small files, and deleting them one by one before the first test cost about 2 s
// (measured with --cpu-prof on a busy 2-core machine).
import { readdirSync, renameSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';

const ASIDE = '.old-';

/**
 * Leaves `dir` absent and returns a promise of the old contents' deletion, which the caller need
 * not await. Directories set aside by an earlier run that was killed are deleted as well.
 */
export function freshResultsDir(dir: string): Promise<void> {
  const parent = path.dirname(dir);
  const base = path.basename(dir);
  const aside = path.join(parent, `${base}${ASIDE}${process.pid}-${Date.now()}`);
  try {
    renameSync(dir, aside);
  } catch (error) {
    // Nothing to set aside; any other failure (a file in the way, a read-only parent) falls back
    // to deleting in place, which says what is wrong if it cannot.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(dir, { recursive: true, force: true });
  }
  const leftovers = listAside(parent, base);
  return Promise.all(leftovers.map((name) => rm(path.join(parent, name), { recursive: true, force: true }))).then(() => undefined);
}

function listAside(parent: string, base: string): string[] {
  try {
    return readdirSync(parent).filter((name) => name.startsWith(`${base}${ASIDE}`));
  } catch {
    return [];
  }
}

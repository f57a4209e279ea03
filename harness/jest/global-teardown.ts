// Tidies the old Allure results no worker reused (kept for the next run), ends what an in-band
// replay left standing in this process, and stops the sandbox global setup started (globalSetup
// and globalTeardown share one process), after proving the run left it as it found it: every
// resource a suite creates must be deleted and every setting it changes put back, even when tests
// fail. On a real account the same cleanups run, but only the sandbox can be inspected whole, so
// this is where a forgotten cleanup is caught.
import type { RunningSandbox } from '../../sandbox';
import { releaseThisProcess } from '../fixtures/network-guard';
import { resultsDirOf, tidySetAside } from '../report/fresh-results';
import { endResultsThread } from '../report/result-files';
import { INVENTORY_HANDLE, SANDBOX_HANDLE } from './sandbox-handles';

export class LeftoverStateError extends Error {}

export default async function globalTeardown(_global?: unknown, project?: { testEnvironmentOptions?: { resultsDir?: unknown } }): Promise<void> {
  // The last run's results that this run's files did not take the places of (harness/report/fresh-results.ts).
  const resultsDir = resultsDirOf(project);
  if (resultsDir) await tidySetAside(resultsDir);
  // A replay run in band stood guard in this process (harness/fixtures/network-guard.ts), and may
  // have had its results written by a thread of it (harness/report/result-files.ts).
  releaseThisProcess();
  await endResultsThread();
  const handles = globalThis as Record<string, unknown>;
  const sandbox = handles[SANDBOX_HANDLE] as RunningSandbox | undefined;
  if (!sandbox) return;
  const before = handles[INVENTORY_HANDLE] as Record<string, number | string>;
  const after = sandbox.inventory();
  await sandbox.close();
  const changed = inventoryChanges(before, after);
  if (changed.length > 0) {
    throw new LeftoverStateError(
      `The run did not leave the sandbox as it found it:\n${changed.map((line) => `  ${line}`).join('\n')}\n` +
        'A suite created or changed something without registering its cleanup (api.cleanup right after creating it).',
    );
  }
}

/** One line per inventory entry that differs, e.g. "chat.conversations: 0 before, 2 after". */
export function inventoryChanges(before: Record<string, number | string>, after: Record<string, number | string>): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.filter((name) => before[name] !== after[name]).map((name) => `${name}: ${String(before[name])} before, ${String(after[name])} after`);
}

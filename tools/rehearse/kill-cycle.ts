// Runs killed halfway, as a CI timeout or a crashed runner kills them: a live run is started and
// killed with SIGKILL (no cleanup can run) at several moments, each leaving whatever its tests had
// made; then once mid-create per kind of create (./mid-create.ts); then one full run, whose global
// setup sends the undos the killed runs left in the ledger. Afterwards the sandbox must hold
// exactly what it held before the first run.
import { mkdirSync } from 'node:fs';
import type { SwitchboardClient } from '../../sandbox/switchboard/client';
import { killMidCreates, type MidCreateKill } from './mid-create';
import { startLiveRun } from './processes';

export type Inventory = Record<string, number | string>;

export interface KillCycleFigures {
  /** Seconds after the start at which each run was killed. */
  killedAt: number[];
  /** How many of those runs were still going when their moment came (the others had finished). */
  killedMidRun: number;
  /** The runs killed while the sandbox held the answer to a create. */
  midCreate: MidCreateKill[];
  /** Inventory entries that differed from the baseline after all the killed runs, before the sweep. */
  leftoversBeforeSweep: string[];
  /** The same after the full run that swept them. */
  leftoversAfterSweep: string[];
  fullRunCode: number | null;
}

export async function killCycle(environmentFile: string, dir: string, moments: readonly number[], board: SwitchboardClient): Promise<KillCycleFigures> {
  const inventory = () => board.inventory();
  mkdirSync(dir, { recursive: true });
  const baseline = await inventory();
  let killedMidRun = 0;
  for (const [index, seconds] of moments.entries()) {
    const run = startLiveRun(environmentFile, dir, `killed-${index + 1}`);
    const finishedFirst = await Promise.race([run.done, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), seconds * 1000))]);
    if (!finishedFirst) {
      run.killHard();
      killedMidRun += 1;
    }
    await run.done;
  }
  const midCreate = await killMidCreates(environmentFile, dir, board, async () => differences(baseline, await inventory()));
  const leftoversBeforeSweep = differences(baseline, await inventory());
  const full = await startLiveRun(environmentFile, dir, 'after-kills').done;
  return {
    killedAt: [...moments],
    killedMidRun,
    midCreate,
    leftoversBeforeSweep,
    leftoversAfterSweep: differences(baseline, await inventory()),
    fullRunCode: full.code,
  };
}

export function differences(before: Inventory, after: Inventory): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.filter((key) => before[key] !== after[key]).map((key) => `${key}: ${String(before[key] ?? '—')} → ${String(after[key] ?? '—')}`);
}

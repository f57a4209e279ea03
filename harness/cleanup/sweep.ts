// Sends the undos an interrupted run left in the ledger (harness/cleanup/ledger.ts), before the
// next run's tests start. Called by jest global setup, with the tokens it just acquired; the undos
// travel the send pipeline with its retries, so a 503 during the sweep does not leave a leftover.
import { rmSync } from 'node:fs';
import type { Collection } from '../client/named-request';
import { sendFromSetup, type SendContext } from '../pipeline';
import { performUndo } from './undo';
import { claimLedgers, undosIn, UndoLedger, type UndoEntry } from './ledger';

export interface SweepResult {
  removed: string[];
  failed: string[];
}

export async function sweepLeftovers(dir: string, collections: readonly Collection[], context: SendContext): Promise<SweepResult> {
  const result: SweepResult = { removed: [], failed: [] };
  const keep: UndoEntry[] = [];
  const claimed = claimLedgers(dir);
  // Newest first, as a test's own cleanups run: what was made last may depend on what came before.
  for (const undo of undosIn(claimed).reverse()) {
    const collection = collections.find((candidate) => candidate.api === undo.api);
    const what = `${undo.label} (${undo.request}, left by "${undo.test}")`;
    if (!collection) {
      result.failed.push(`${what}: there is no collection ${undo.api} any more`);
      continue;
    }
    try {
      // 404 (or a status the undo names): someone, or the account's own expiry, removed it already.
      await performUndo(undo, collection.requests, (named, options) => sendFromSetup({ named, options }, context));
      result.removed.push(what);
      continue;
    } catch (error) {
      result.failed.push(`${what}: ${(error as Error).message}`);
    }
    keep.push(undo);
  }
  for (const file of claimed) rmSync(file, { force: true });
  // What could not be undone now stays in the ledger for the run after.
  if (keep.length) {
    const ledger = new UndoLedger(dir);
    for (const { id: _id, ...undo } of keep.reverse()) ledger.add(undo);
  }
  return result;
}

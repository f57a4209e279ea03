// Sends the undos an interrupted run left in the ledger (harness/cleanup/ledger.ts), before the
// next run's tests start. Called by jest global setup, with the tokens it just acquired; the undos
// travel the send pipeline with its retries, so a 503 during the sweep does not leave a leftover.
import type { Collection } from '../client/named-request';
import { sendFromSetup, type SendContext } from '../pipeline';
import { clearLedger, pendingUndos, UndoLedger, type UndoEntry } from './ledger';

export interface SweepResult {
  removed: string[];
  failed: string[];
}

export async function sweepLeftovers(dir: string, collections: readonly Collection[], context: SendContext): Promise<SweepResult> {
  const result: SweepResult = { removed: [], failed: [] };
  const keep: UndoEntry[] = [];
  // Newest first, as a test's own cleanups run: what was made last may depend on what came before.
  for (const undo of pendingUndos(dir).reverse()) {
    const named = collections.find((collection) => collection.api === undo.api)?.requests[undo.request];
    const what = `${undo.label} (${undo.request}, left by "${undo.test}")`;
    if (!named) {
      result.failed.push(`${what}: the collection ${undo.api} has no such request any more`);
      continue;
    }
    try {
      const response = await sendFromSetup({ named, options: undo.options }, context);
      // 404: someone (or the account's own expiry) removed it already.
      if ((response.status >= 200 && response.status < 300) || response.status === 404) {
        result.removed.push(what);
        continue;
      }
      result.failed.push(`${what}: answered ${response.status}`);
    } catch (error) {
      result.failed.push(`${what}: ${(error as Error).message}`);
    }
    keep.push(undo);
  }
  clearLedger(dir);
  // What could not be undone now stays in the ledger for the run after.
  if (keep.length) {
    const ledger = new UndoLedger(dir);
    for (const { id: _id, ...undo } of keep.reverse()) ledger.add(undo);
  }
  return result;
}

// The worst moment to die: the platform has made something and its answer is on the way. A kill at
// a chosen second rarely lands there (the window is a millisecond wide), so here the sandbox is
// told to hold the answer of the next create of one kind (the switchboard's `hold-answer` fault),
// the rehearsal waits until the sandbox has taken that create, and then kills the run. Only the
// search the harness wrote to the ledger before sending can find what it made. One killed run per
// request of the collections that declares `leftovers`.
import type { NamedRequest } from '../../harness/client/named-request';
import { discoverCollections } from '../../harness/collections';
import type { SwitchboardClient } from '../../sandbox/switchboard/client';
import type { HoldAnswerFault, ServiceName } from '../../sandbox/switchboard/types';
import { startLiveRun } from './processes';

/** The service each base URL variable of the collections names (the sandbox's prefixes). */
const SERVICE_OF: Record<string, ServiceName> = {
  auth_url: 'authentication',
  admin_url: 'admin',
  media_url: 'media',
  chat_url: 'chat',
  notifications_url: 'notifications',
};

/** Long enough that the run is surely killed while the answer is still held. */
const HOLD_MS = 120_000;
/** After the sandbox took the create, time for its handler to finish before the kill. */
const SETTLE_MS = 300;

export interface CreateTarget {
  /** "chat POST Conversation". */
  label: string;
  fault: HoldAnswerFault;
}

/** One hold-answer fault per create that declares leftovers, aimed at its route. */
export function createTargets(root?: string): CreateTarget[] {
  return discoverCollections(root).flatMap(({ collection }) =>
    Object.values(collection.requests as Record<string, NamedRequest>)
      .filter((named) => named.leftovers)
      .map((named) => ({ label: `${collection.api} ${named.name}`, fault: holdFor(named) })),
  );
}

function holdFor(named: NamedRequest): HoldAnswerFault {
  const match = /^\{\{(\w+)\}\}(\/.*)$/.exec(named.url);
  const service = match && SERVICE_OF[match[1] ?? ''];
  if (!match || !service) throw new Error(`"${named.name}" has leftovers, but its URL ${named.url} starts with no service's base URL variable.`);
  // Any value of a path variable: the switchboard's `*` matches one segment.
  const route = (match[2] ?? '').replace(/\{\{[^}]+\}\}/g, '*');
  return { kind: 'hold-answer', ms: HOLD_MS, service, method: named.method, path: route, next: 1 };
}

export interface MidCreateKill {
  label: string;
  /** False when the run finished without sending such a create (nothing was killed). */
  reached: boolean;
  /** What differed from the inventory before the first run once it was killed (its own sweep ran first). */
  left: string[];
}

export async function killMidCreates(
  environmentFile: string,
  dir: string,
  board: SwitchboardClient,
  leftovers: () => Promise<string[]>,
  targets: readonly CreateTarget[] = createTargets(),
): Promise<MidCreateKill[]> {
  const kills: MidCreateKill[] = [];
  for (const [index, target] of targets.entries()) {
    await board.setFaults([target.fault]);
    const run = startLiveRun(environmentFile, dir, `mid-create-${index + 1}`);
    const reached = await untilTaken(board, run.done);
    if (reached) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      run.killHard();
    }
    await run.done;
    // The killed client took the held answer with it (the sandbox releases it); the next run meets no fault.
    await board.reset();
    kills.push({ label: target.label, reached, left: await leftovers() });
  }
  return kills;
}

/** Resolves true once the sandbox has taken the create (the fault is spent), false if the run ends first. */
async function untilTaken(board: SwitchboardClient, done: Promise<unknown>): Promise<boolean> {
  let finished = false;
  void done.then(() => (finished = true));
  while (!finished) {
    const { faults } = await board.get();
    if (faults[0]?.remaining === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

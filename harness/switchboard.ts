// Suites that prove the harness's own promises (retries, token refresh) need a sandbox to misbehave
// on cue. Any sandbox can: its environment carries the switchboard's URL and key (global setup sets
// them for the embedded one; `npm run sandbox -- --environment-out` writes them for one started
// apart). A real account has no switchboard, and replay needs none: the recorded answers already
// hold the faults. Tests that need one declare it, and are skipped, with the reason in their name,
// where there is none — never failed.
// The client file alone: sandbox/index.ts would load fastify and every service into each test file.
import { switchboardClient, type SwitchboardClient } from '../sandbox/switchboard/client';
import { isReadOnly } from './read-only';
import { session } from './session';

/** The switchboard of the sandbox the environment names, in a live or record run; undefined otherwise. */
export function sandboxSwitchboard(): SwitchboardClient | undefined {
  const { values, mode } = session.env;
  if (mode === 'replay' || !values.switchboard_address || !values.switchboard_key) return undefined;
  return switchboardClient({ url: values.switchboard_address, key: values.switchboard_key });
}

/**
 * `it` for a test that provokes faults through the switchboard and proves what the harness does
 * with them: it runs live where a switchboard is reachable, and in replay, where the recorded
 * answers carry the faults. Elsewhere (a real account) it is skipped, saying why.
 */
export const itWithFaults = faultTest(() => session.env.mode === 'replay' || sandboxSwitchboard() !== undefined, 'no sandbox switchboard on this target');

/** itWithFaults for a test that also writes: skipped in read-only runs too. */
export const itWritesWithFaults = faultTest(
  () => !isReadOnly() && (session.env.mode === 'replay' || sandboxSwitchboard() !== undefined),
  'read-only, or no sandbox switchboard on this target',
);

/**
 * `it` for a fault that leaves nothing to record (a reset connection, a timeout): it runs only live
 * against a sandbox with a switchboard, and is skipped, saying why, in replay and on real accounts.
 */
export const itWithLiveFaults = faultTest(
  () => sandboxSwitchboard() !== undefined,
  'needs a live sandbox switchboard (resets and timeouts leave nothing to replay)',
);

function faultTest(available: () => boolean, reason: string) {
  return (name: string, fn: jest.ProvidesCallback, timeout?: number): void => {
    if (available()) it(name, fn, timeout);
    else it.skip(`${name} [skipped: ${reason}]`, fn, timeout);
  };
}

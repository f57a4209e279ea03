// Suites that prove the harness's own promises (token refresh, retries) need the embedded sandbox
// to misbehave on cue. Its switchboard is reachable only when this run started the sandbox (jest
// global setup passes its URL and key); against a real account or in replay there is none, and the
// suite falls back to what it can do there.
// The client file alone: sandbox/index.ts would load fastify and every service into each test file.
import { switchboardClient, type SwitchboardClient } from '../sandbox/switchboard/client';
import type { SwitchboardAccess } from '../sandbox/switchboard/types';
import { session } from './session';

export const SWITCHBOARD_VARIABLE = 'CLOUDLINK_SWITCHBOARD';

/** The embedded sandbox's switchboard in a live or record run against it; undefined otherwise. */
export function sandboxSwitchboard(): SwitchboardClient | undefined {
  const raw = process.env[SWITCHBOARD_VARIABLE];
  if (!raw || session.env.mode === 'replay' || session.env.target !== 'sandbox') return undefined;
  return switchboardClient(JSON.parse(raw) as SwitchboardAccess);
}

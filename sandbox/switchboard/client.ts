// The test process's handle on a running sandbox's switchboard: plain fetch against the keyed
// route, typed with the switchboard's own shapes. It loads no Fastify, so it is one of the sandbox's
// public entries (with index.ts and types.ts; eslint.config.mjs): harness/switchboard.ts imports it.
import { SWITCHBOARD_KEY_HEADER, type DriftInfo, type FaultSpec, type SwitchboardAccess, type SwitchboardConfig, type SwitchboardSnapshot } from './types';

export interface SwitchboardClient {
  /** The configuration in force. */
  get(): Promise<SwitchboardSnapshot>;
  /** Replaces what `config` names (faults, drifts, seed) and keeps the rest. */
  configure(config: SwitchboardConfig): Promise<SwitchboardSnapshot>;
  /** Replaces the faults; drifts stay. `seed` makes every share reproducible. */
  setFaults(faults: FaultSpec[], seed?: number): Promise<SwitchboardSnapshot>;
  /** Replaces the drifts, by catalogue id; faults stay. */
  setDrifts(ids: string[]): Promise<SwitchboardSnapshot>;
  /** No faults, no drifts: the faithful sandbox again. */
  reset(): Promise<SwitchboardSnapshot>;
  /** The drift catalogue. */
  drifts(): Promise<DriftInfo[]>;
  /** What the sandbox holds now (users, calls, conferences, … by kind): equal readings mean nothing was left behind. */
  inventory(): Promise<Record<string, number | string>>;
}

/** A refusal from the switchboard route; `field` names the culprit of a 400. */
export class SwitchboardRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export function switchboardClient(access: SwitchboardAccess): SwitchboardClient {
  const call = async <T>(method: string, path = '', body?: unknown): Promise<T> => {
    const headers: Record<string, string> = { [SWITCHBOARD_KEY_HEADER]: access.key };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${access.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) {
      let detail: { message?: string; field?: string } = {};
      try {
        detail = JSON.parse(text) as typeof detail;
      } catch {
        // Not JSON: the status alone says what went wrong.
      }
      const why = response.status === 404 ? 'the switchboard refused the key (404)' : (detail.message ?? text);
      throw new SwitchboardRequestError(response.status, `switchboard ${method} ${path || '/'}: ${why}`, detail.field);
    }
    return JSON.parse(text) as T;
  };
  return {
    get: () => call('GET'),
    configure: (config) => call('PUT', '', config),
    setFaults: (faults, seed) => call('PUT', '', seed === undefined ? { faults } : { faults, seed }),
    setDrifts: (ids) => call('PUT', '', { drifts: ids }),
    reset: () => call('DELETE'),
    drifts: async () => (await call<{ drifts: DriftInfo[] }>('GET', '/drifts')).drifts,
    inventory: () => call('GET', '/inventory'),
  };
}

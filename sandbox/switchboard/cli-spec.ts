// The `--fault`, `--drift` and `--seed` flags of `npm run sandbox`, turned into a switchboard
// configuration. A fault is written `kind[:field=value,field=value…]` — e.g.
// `server-error:status=503,share=0.2,service=media` — or as the JSON object itself; `|` separates
// the values of a list field (`method=GET|PUT`). Everything then goes through the same validation
// as the switchboard route, so the flags accept exactly what PUT /__switchboard accepts.
import { findDrift } from './drift-catalogue';
import type { FaultSpec, SwitchboardConfig } from './types';
import { SwitchboardSpecError, readConfig, readFault } from './validate';

const LIST_FIELDS = new Set(['service', 'method']);

function scalar(text: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}

function compactFault(text: string): Record<string, unknown> {
  const colon = text.indexOf(':');
  const raw: Record<string, unknown> = { kind: colon === -1 ? text : text.slice(0, colon) };
  if (colon === -1) return raw;
  for (const pair of text
    .slice(colon + 1)
    .split(',')
    .filter(Boolean)) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw new SwitchboardSpecError(pair, 'must be written field=value.');
    const name = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    raw[name] = LIST_FIELDS.has(name) && value.includes('|') ? value.split('|') : scalar(value);
  }
  return raw;
}

/** One `--fault` value; throws an Error naming the flag and the field at fault. */
export function parseFaultFlag(text: string): FaultSpec {
  try {
    const raw: unknown = text.trim().startsWith('{') ? JSON.parse(text) : compactFault(text.trim());
    return readFault(raw, 'fault');
  } catch (error) {
    throw new Error(`--fault '${text}': ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export interface SwitchboardFlags {
  fault?: string[];
  drift?: string[];
  seed?: string;
}

/** The whole start-up configuration from the flags; undefined when none was given. */
export function switchboardFromFlags(flags: SwitchboardFlags): SwitchboardConfig | undefined {
  const faults = (flags.fault ?? []).map(parseFaultFlag);
  const drifts = flags.drift ?? [];
  if (faults.length === 0 && drifts.length === 0 && flags.seed === undefined) return undefined;
  const raw: Record<string, unknown> = { faults, drifts };
  if (flags.seed !== undefined) raw.seed = scalar(flags.seed);
  try {
    return readConfig(raw, (id) => findDrift(id) !== undefined);
  } catch (error) {
    const field = error instanceof SwitchboardSpecError ? error.field : '';
    const flag = field.startsWith('drifts') ? '--drift' : field === 'seed' ? '--seed' : '--fault';
    throw new Error(`${flag}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

// Reads a switchboard configuration from untrusted JSON (a PUT body, start-up options, CLI flags)
// and refuses anything it does not understand, naming the field, so a typo in a test's fault
// never silently turns into "no fault" and a test that proves nothing.
import { SERVER_ERROR_STATUSES, SERVICE_NAMES, type FaultSpec, type RequestScope, type Selection, type SwitchboardConfig } from './types';

export class SwitchboardSpecError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function onlyKeys(value: Json, field: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new SwitchboardSpecError(`${field}.${key}`, `is not a field of this fault (allowed: ${allowed.join(', ')}).`);
  }
}

function number(value: unknown, field: string, min: number, max: number, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new SwitchboardSpecError(field, `must be ${integer ? 'an integer' : 'a number'} from ${min} to ${max}.`);
  }
  return value;
}

function optional<T>(spec: Json, name: string, field: string, read: (value: unknown, field: string) => T): T | undefined {
  return spec[name] === undefined ? undefined : read(spec[name], `${field}.${name}`);
}

function oneOf<T extends string | number>(allowed: readonly T[]) {
  return (value: unknown, field: string): T => {
    if (!(allowed as readonly unknown[]).includes(value)) throw new SwitchboardSpecError(field, `must be one of ${allowed.join(', ')}.`);
    return value as T;
  };
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SwitchboardSpecError(field, 'must be a non-empty string.');
  return value;
}

function flag(value: unknown, field: string): boolean {
  if (typeof value !== 'boolean') throw new SwitchboardSpecError(field, 'must be true or false.');
  return value;
}

/** A single value or a non-empty list of them. */
function oneOrMany<T>(read: (value: unknown, field: string) => T) {
  return (value: unknown, field: string): T | T[] => {
    if (!Array.isArray(value)) return read(value, field);
    if (value.length === 0) throw new SwitchboardSpecError(field, 'must not be an empty list.');
    return value.map((item, index) => read(item, `${field}[${index}]`));
  };
}

const method = (value: unknown, field: string): string => {
  const name = text(value, field).toUpperCase();
  if (!/^[A-Z]+$/.test(name)) throw new SwitchboardSpecError(field, 'must be an HTTP method such as GET or POST.');
  return name;
};

const pathPattern = (value: unknown, field: string): string => {
  const pattern = text(value, field);
  if (!pattern.startsWith('/')) throw new SwitchboardSpecError(field, "must start with '/' (the path below the service prefix).");
  return pattern;
};

const SELECTION_KEYS = ['share', 'next'];
const SCOPE_KEYS = [...SELECTION_KEYS, 'service', 'method', 'path', 'tag'];

function selection(spec: Json, field: string): Selection {
  const picked: Selection = {};
  const share = optional(spec, 'share', field, (value, at) => number(value, at, 0, 1));
  const next = optional(spec, 'next', field, (value, at) => number(value, at, 1, 1_000_000, true));
  if (share !== undefined) picked.share = share;
  if (next !== undefined) picked.next = next;
  return picked;
}

function scope(spec: Json, field: string): RequestScope {
  const scoped: RequestScope = selection(spec, field);
  const service = optional(spec, 'service', field, oneOrMany(oneOf(SERVICE_NAMES)));
  const methods = optional(spec, 'method', field, oneOrMany(method));
  const path = optional(spec, 'path', field, pathPattern);
  const tag = optional(spec, 'tag', field, text);
  if (tag !== undefined) scoped.tag = tag;
  if (service !== undefined) scoped.service = service;
  if (methods !== undefined) scoped.method = methods;
  if (path !== undefined) scoped.path = path;
  return scoped;
}

/** Drops keys whose value is undefined, so snapshots show only what was asked for. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}

export const FAULT_KINDS = ['latency', 'hold-answer', 'server-error', 'reset', 'rate-limit', 'short-tokens', 'expire-tokens', 'webhook-failure'] as const;

export function readFault(raw: unknown, field: string): FaultSpec {
  if (!isObject(raw)) throw new SwitchboardSpecError(field, 'must be an object with a kind.');
  const kind = oneOf(FAULT_KINDS)(raw.kind, `${field}.kind`);
  switch (kind) {
    case 'latency':
    case 'hold-answer':
      onlyKeys(raw, field, ['kind', 'ms', ...SCOPE_KEYS]);
      return { kind, ms: number(raw.ms, `${field}.ms`, 0, 600_000, true), ...scope(raw, field) };
    case 'server-error':
      onlyKeys(raw, field, ['kind', 'status', 'name', 'message', ...SCOPE_KEYS]);
      return compact({
        kind,
        status: oneOf(SERVER_ERROR_STATUSES)(raw.status, `${field}.status`),
        name: optional(raw, 'name', field, text),
        message: optional(raw, 'message', field, text),
        ...scope(raw, field),
      });
    case 'reset':
      onlyKeys(raw, field, ['kind', ...SCOPE_KEYS]);
      return { kind, ...scope(raw, field) };
    case 'rate-limit':
      onlyKeys(raw, field, ['kind', 'retryAfterSeconds', 'retryAfterFormat', ...SCOPE_KEYS]);
      return compact({
        kind,
        retryAfterSeconds: optional(raw, 'retryAfterSeconds', field, (value, at) => number(value, at, 0, 86_400, true)),
        retryAfterFormat: optional(raw, 'retryAfterFormat', field, oneOf(['seconds', 'http-date'] as const)),
        ...scope(raw, field),
      });
    case 'short-tokens':
      onlyKeys(raw, field, ['kind', 'ttlSeconds', 'announce', ...SELECTION_KEYS]);
      return compact({
        kind,
        ttlSeconds: number(raw.ttlSeconds, `${field}.ttlSeconds`, 1, 86_400, true),
        announce: optional(raw, 'announce', field, flag),
        ...selection(raw, field),
      });
    case 'expire-tokens':
      onlyKeys(raw, field, ['kind']);
      return { kind };
    case 'webhook-failure':
      onlyKeys(raw, field, ['kind', 'deliver', ...SELECTION_KEYS]);
      return compact({ kind, deliver: optional(raw, 'deliver', field, flag), ...selection(raw, field) });
  }
}

/**
 * A whole configuration. `knownDrift` says whether an id is in the catalogue; it is passed in so
 * this file stays about shapes. Absent fields stay absent: PUT replaces only what it names.
 */
export function readConfig(raw: unknown, knownDrift: (id: string) => boolean, field = 'body'): SwitchboardConfig {
  if (!isObject(raw)) throw new SwitchboardSpecError(field, 'must be a JSON object with faults, drifts and/or seed.');
  for (const key of Object.keys(raw)) {
    if (!['faults', 'drifts', 'seed'].includes(key)) throw new SwitchboardSpecError(key, 'is not a switchboard field (faults, drifts, seed).');
  }
  const config: SwitchboardConfig = {};
  if (raw.faults !== undefined) {
    if (!Array.isArray(raw.faults)) throw new SwitchboardSpecError('faults', 'must be a list.');
    config.faults = raw.faults.map((fault, index) => readFault(fault, `faults[${index}]`));
  }
  if (raw.drifts !== undefined) {
    if (!Array.isArray(raw.drifts)) throw new SwitchboardSpecError('drifts', 'must be a list of drift ids.');
    config.drifts = raw.drifts.map((id, index) => {
      const at = `drifts[${index}]`;
      if (!knownDrift(text(id, at))) throw new SwitchboardSpecError(at, `'${String(id)}' is not in the drift catalogue (GET /__switchboard/drifts).`);
      return id as string;
    });
  }
  if (raw.seed !== undefined) config.seed = number(raw.seed, 'seed', 0, 2 ** 32 - 1, true);
  return config;
}

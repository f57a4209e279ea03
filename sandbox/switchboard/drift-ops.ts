// The transformations a contract drift is made of, as data (so the catalogue can be listed and
// its tests can check each one against the real answer) and the code that applies them.
//
// Field ops name a dotted path and act on "the resource": the answer itself, or each item of a
// HAL collection (`_embedded.items`), since a drift of the user resource drifts it wherever it is
// shown. `on: 'body'` acts on the answer's top level instead (HAL wrapper drifts). A field the
// answer does not have is left alone: drifts never invent data.

export type JsonType = 'string' | 'number' | 'boolean' | 'array' | 'object';

export type FieldOp =
  | { op: 'remove'; field: string; on?: 'resource' | 'body' }
  | { op: 'rename'; field: string; to: string; on?: 'resource' | 'body' }
  | { op: 'retype'; field: string; to: JsonType; on?: 'resource' | 'body' }
  /** A whole number gains a half (60 → 60.5): still a JSON number, no longer an integer. */
  | { op: 'fraction'; field: string; on?: 'resource' | 'body' }
  | { op: 'enum'; field: string; values: Readonly<Record<string, string>>; on?: 'resource' | 'body' };

export type DriftOp = FieldOp | { op: 'status'; from?: number; to: number } | { op: 'content-type'; to: string };

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

export function typeOf(value: unknown): JsonType | 'null' | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value as JsonType | 'undefined';
}

/** The object holding the last segment of `path`, and that segment; undefined when a step is missing. */
function parentOf(root: Json, path: string, create = false): [Json, string] | undefined {
  const steps = path.split('.');
  const last = steps.pop() as string;
  let node: Json = root;
  for (const step of steps) {
    if (!isObject(node[step])) {
      if (!create) return undefined;
      node[step] = {};
    }
    node = node[step] as Json;
  }
  return [node, last];
}

export function hasField(root: unknown, path: string): boolean {
  if (!isObject(root)) return false;
  const found = parentOf(root, path);
  return found !== undefined && Object.hasOwn(found[0], found[1]);
}

export function readField(root: unknown, path: string): unknown {
  if (!isObject(root)) return undefined;
  const found = parentOf(root, path);
  return found?.[0][found[1]];
}

/** The resources of an answer: the items of a HAL collection, else the answer itself. */
export function resourcesOf(body: unknown): Json[] {
  if (!isObject(body)) return [];
  const items = isObject(body._embedded) ? body._embedded.items : undefined;
  return Array.isArray(items) ? items.filter(isObject) : [body];
}

/**
 * CHOICE of conversions, each one a plausible server-side mistake: numbers and booleans
 * stringified, numeric strings and ISO dates turned into numbers (epoch ms), a value wrapped in an
 * array or an object. A value that has no sensible conversion is left as it is.
 */
function convert(value: unknown, to: JsonType): unknown {
  switch (to) {
    case 'string':
      return typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
    case 'number': {
      if (typeof value === 'boolean') return value ? 1 : 0;
      if (typeof value !== 'string') return value;
      if (value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
      const date = Date.parse(value);
      return Number.isFinite(date) ? date : value;
    }
    case 'boolean':
      return Boolean(value);
    case 'array':
      return [value];
    case 'object':
      return { value };
  }
}

function applyFieldOp(target: Json, op: FieldOp): void {
  const found = parentOf(target, op.field);
  if (!found || !Object.hasOwn(found[0], found[1])) return;
  const [holder, key] = found;
  const value = holder[key];
  switch (op.op) {
    case 'remove':
      delete holder[key];
      return;
    case 'rename': {
      delete holder[key];
      const destination = parentOf(target, op.to, true) as [Json, string];
      destination[0][destination[1]] = value;
      return;
    }
    case 'retype':
      holder[key] = convert(value, op.to);
      return;
    case 'fraction':
      if (Number.isInteger(value)) holder[key] = (value as number) + 0.5;
      return;
    case 'enum':
      if (typeof value === 'string' && Object.hasOwn(op.values, value)) holder[key] = op.values[value];
      return;
  }
}

export const isFieldOp = (op: DriftOp): op is FieldOp => op.op !== 'status' && op.op !== 'content-type';

/** Applies the field ops in place; `body` must be the caller's own copy. */
export function applyFieldOps(body: unknown, ops: readonly DriftOp[]): void {
  for (const op of ops) {
    if (!isFieldOp(op)) continue;
    const targets = op.on === 'body' ? (isObject(body) ? [body] : []) : resourcesOf(body);
    for (const target of targets) applyFieldOp(target, op);
  }
}

/** The status after the status ops: `from` (when given) must be the current one. */
export function driftedStatus(ops: readonly DriftOp[], status: number): number {
  let current = status;
  for (const op of ops) if (op.op === 'status' && (op.from === undefined || op.from === current)) current = op.to;
  return current;
}

export function driftedContentType(ops: readonly DriftOp[]): string | undefined {
  let contentType: string | undefined;
  for (const op of ops) if (op.op === 'content-type') contentType = op.to;
  return contentType;
}

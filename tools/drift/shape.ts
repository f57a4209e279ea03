// The shape of a JSON answer: every field path with the type found there, values left out. Drift
// is about shape — ids, timestamps and counts differ on every run and are never reported — so two
// answers are compared path by path: fields added, removed, or found with another type.
export type JsonType = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** Path → type. Array items are merged under `path[]`; an empty array is `array` with no item paths. */
export type Shape = Map<string, JsonType>;

export function shapeOf(value: unknown, path = '', into: Shape = new Map()): Shape {
  const type = typeOf(value);
  if (path !== '') into.set(path, type);
  if (type === 'array') for (const item of value as unknown[]) shapeOf(item, `${path}[]`, into);
  if (type === 'object') for (const [key, item] of Object.entries(value as object)) shapeOf(item, path === '' ? key : `${path}.${key}`, into);
  return into;
}

export interface ShapeChange {
  change: 'added' | 'removed' | 'retyped';
  path: string;
  recorded?: JsonType;
  live?: JsonType;
}

/**
 * What differs between two shapes. A field under an array that is empty on the other side is not
 * compared (an empty list says nothing about its items), and null against a value is not a
 * retype (a field that is sometimes unset is the data, not the contract).
 */
export function compareShapes(recorded: Shape, live: Shape): ShapeChange[] {
  const changes: ShapeChange[] = [];
  const comparable = (path: string, other: Shape) => arrayAncestors(path).every((array) => hasItems(other, array));
  for (const [path, type] of recorded) {
    const now = live.get(path);
    if (now === undefined) {
      if (comparable(path, live)) changes.push({ change: 'removed', path, recorded: type });
    } else if (now !== type && now !== 'null' && type !== 'null') {
      changes.push({ change: 'retyped', path, recorded: type, live: now });
    }
  }
  for (const [path, type] of live) {
    if (!recorded.has(path) && comparable(path, recorded)) changes.push({ change: 'added', path, live: type });
  }
  // Report a removed or added object once, not once per field inside it.
  return changes.filter((c) => !changes.some((other) => other !== c && other.change === c.change && c.path.startsWith(`${other.path}.`)));
}

function typeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : (typeof value as JsonType);
}

function arrayAncestors(path: string): string[] {
  const out: string[] = [];
  let index = path.indexOf('[]');
  while (index >= 0) {
    out.push(path.slice(0, index));
    index = path.indexOf('[]', index + 2);
  }
  return out;
}

function hasItems(shape: Shape, arrayPath: string): boolean {
  for (const path of shape.keys()) if (path.startsWith(`${arrayPath}[]`)) return true;
  return false;
}

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

/**
 * What every recording of one request showed: for each place objects appear (`''` for the answer,
 * `_embedded.items[]` for list items), how many objects were seen there, and for each of their
 * fields how many had it and with which types. A number is `integer` or `number` here, so a field
 * that was a whole number in every recording is told apart from one that was ever fractional.
 */
export interface Evidence {
  objects: Map<string, number>;
  fields: Map<string, { present: number; types: Set<EvidenceType> }>;
}

export type EvidenceType = Exclude<JsonType, 'number'> | 'integer' | 'number';

export function emptyEvidence(): Evidence {
  return { objects: new Map(), fields: new Map() };
}

/** Adds one answer to the evidence of its request. */
export function addEvidence(evidence: Evidence, value: unknown, path = ''): Evidence {
  if (Array.isArray(value)) for (const item of value) addEvidence(evidence, item, `${path}[]`);
  else if (typeof value === 'object' && value !== null) {
    evidence.objects.set(path, (evidence.objects.get(path) ?? 0) + 1);
    for (const [key, item] of Object.entries(value)) {
      const at = path === '' ? key : `${path}.${key}`;
      const field = evidence.fields.get(at) ?? { present: 0, types: new Set<EvidenceType>() };
      field.present += 1;
      field.types.add(evidenceTypeOf(item));
      evidence.fields.set(at, field);
      addEvidence(evidence, item, at);
    }
  }
  return evidence;
}

export interface EvidenceBreak {
  change: 'removed' | 'retyped';
  path: string;
  recorded: string;
  live: string;
}

/**
 * Where a live answer breaks with every recording of its request: a field every recorded object
 * at its place had and no live object there has (a rename or a removal the schema, calling the
 * field optional, lets pass), and a field found with a type no recording had (null aside; an
 * integer where recordings had fractions is still a number, and a fraction counts as a retype only
 * where at least INTEGER_EVIDENCE whole numbers were recorded). In a list, one item without an
 * optional field is the account's data, not the contract: a real account's contact may have no
 * email where every recorded one had, and a nightly must not go red for it. A rename or a removal
 * takes the field from every item, and counts only where LIST_EVIDENCE items were recorded.
 */
export function breaksWithEvidence(evidence: Evidence, liveAnswer: unknown): EvidenceBreak[] {
  const live = addEvidence(emptyEvidence(), liveAnswer);
  const out: EvidenceBreak[] = [];
  for (const [path, field] of evidence.fields) {
    const place = parentPlace(path);
    const seenThere = evidence.objects.get(place) ?? 0;
    const liveThere = live.objects.get(place) ?? 0;
    const now = live.fields.get(path);
    const enoughSeen = !place.includes('[]') || seenThere >= LIST_EVIDENCE;
    if (field.present === seenThere && enoughSeen && liveThere > 0 && (now?.present ?? 0) === 0) {
      out.push({ change: 'removed', path, recorded: `in all ${seenThere} recorded`, live: `missing in ${liveThere - (now?.present ?? 0)} of ${liveThere}` });
      continue;
    }
    if (!now) continue;
    const strange = [...now.types].filter((type) => type !== 'null' && !fits(type, field));
    if (strange.length > 0) out.push({ change: 'retyped', path, recorded: [...field.types].join('|'), live: strange.join('|') });
  }
  // A whole object gone is one finding, not one per field inside it.
  return out.filter((b) => !out.some((other) => other !== b && other.change === 'removed' && b.path.startsWith(`${other.path}.`)));
}

/**
 * Whole numbers seen fewer times than this may be chance (a ring time of exactly 3 s), so a
 * fraction where they were seen is not yet a retype.
 */
export const INTEGER_EVIDENCE = 5;

/**
 * List items recorded fewer times than this may be whatever the account held at that moment (GET
 * Account's contacts are those other tests had just made), so a field they all had is no evidence
 * yet that every item carries it.
 */
export const LIST_EVIDENCE = 3;

function fits(type: EvidenceType, recorded: { present: number; types: Set<EvidenceType> }): boolean {
  if (recorded.types.has(type)) return true;
  if (type === 'integer') return recorded.types.has('number');
  return type === 'number' && recorded.types.has('integer') && recorded.present < INTEGER_EVIDENCE;
}

function evidenceTypeOf(value: unknown): EvidenceType {
  const type = typeOf(value);
  return type === 'number' && Number.isInteger(value) ? 'integer' : type;
}

/** "a.b[].c" → "a.b[]"; "c" → "". */
function parentPlace(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot < 0 ? '' : path.slice(0, dot);
}

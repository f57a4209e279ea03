// Scrubbing and restoring walk a JSON-like value (and a set of headers) the same way and differ
// only at its leaves, so the walk is written once here. Each leaf is handed the lower-case name of the field it sits under (an
// array's items that of the array), since a field's name decides what its value is. Keys are leaves
// too when long enough to hide a value: `{"<token>": …}` must not carry the token past the scrubber.
import { MIN_EMBEDDED_LENGTH } from './placeholder-book';

/** What a walk does to each leaf; everything else (booleans, null) is kept as it is. */
export interface JsonLeaves {
  string(value: string, name: string | undefined): string;
  number(value: number, name: string | undefined): number;
  /** A field name of MIN_EMBEDDED_LENGTH characters or more. */
  key(key: string): string;
}

/** A copy of `value` with every leaf replaced by what `leaves` makes of it; `name` is the field it sits under. */
export function mapJsonLeaves(value: unknown, name: string | undefined, leaves: JsonLeaves): unknown {
  if (typeof value === 'string') return leaves.string(value, name);
  if (typeof value === 'number') return leaves.number(value, name);
  if (Array.isArray(value)) return value.map((item) => mapJsonLeaves(item, name, leaves));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // The key before its value: placeholders are numbered in the order they are handed out.
      const mappedKey = key.length >= MIN_EMBEDDED_LENGTH ? leaves.key(key) : key;
      out[mappedKey] = mapJsonLeaves(item, key.toLowerCase(), leaves);
    }
    return out;
  }
  return value;
}

/** Header values through `leaves.string`, each under its lower-case header name; the names are kept. */
export function mapHeaderValues(headers: Record<string, string>, leaves: Pick<JsonLeaves, 'string'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = leaves.string(String(value), name.toLowerCase());
  return out;
}

// A short, stable digest of resources for state.inventory: two readings are equal exactly when the
// resources hold the same values. Who changed them and when (modifiedOn/modifiedBy) is left out,
// because a test that changes a field and puts it back has left the resource as it found it.
import { createHash } from 'node:crypto';

const AUDIT_FIELDS = new Set(['modifiedOn', 'modifiedBy']);

export function fingerprint(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex').slice(0, 16);
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value instanceof Map) return stableJson([...value.entries()]);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([key, field]) => !AUDIT_FIELDS.has(key) && field !== undefined)
      .sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${stableJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

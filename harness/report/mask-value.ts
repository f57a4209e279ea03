// A value (a matcher's actual or expected body) masked for sharing: everything under a credential
// name always, everything under an identifying name when the policy masks identifiers, and every
// string through the masker's text rules. The structure is kept, so a report still shows what was there.
import { isCredentialName, isIdentifyingName } from '../redact/sensitive';
import type { FailureMasker } from './failure-masker';

export function maskValue(value: unknown, masker: Pick<FailureMasker, 'shared' | 'policy'>, key?: string, depth = 0): unknown {
  if (depth > 20) return value;
  if (key !== undefined && (isCredentialName(key) || (masker.policy.shared && isIdentifyingName(key)))) return maskLeaves(value, key);
  if (typeof value === 'string') return masker.shared(value);
  if (Array.isArray(value)) return value.map((item) => maskValue(item, masker, key, depth + 1));
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = maskValue(item, masker, name, depth + 1);
    return out;
  }
  return value;
}

function maskLeaves(value: unknown, key: string): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return `«masked ${key}»`;
  if (Array.isArray(value)) return value.map((item) => maskLeaves(item, key));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, maskLeaves(item, key)]));
  return value;
}

/**
 * Objects jest compares as data; class instances (a Date, an asymmetric matcher) are left as they
 * are. The test's objects come from another realm (jest's test context), so its Object.prototype
 * is not this one: a plain object is one whose prototype has no prototype.
 */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

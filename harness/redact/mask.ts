// Stateless masking for messages (matcher failures, logs): no numbering, no memory. A value under a
// credential or identifying name becomes «masked <name>», and credentials recognisable by their
// shape (JWTs, Bearer tokens, name=value pairs of credential names) are masked wherever they are.
import { BEARER_ANY, CREDENTIAL_JSON_PAIR, CREDENTIAL_PAIR, JWT_ANY } from './patterns';
import { isRedactedPlaceholder, isTokenLike } from './placeholders';
import { isCredentialName, isIdentifyingName } from './sensitive';

export interface MaskOptions {
  /**
   * Keep the values under identifying names and hand each to this function instead: for a message
   * whose shared copies are masked later, by value (harness/report/failure-masker.ts).
   */
  keepIdentifiers?: (value: string) => void;
}

export function maskSensitive(value: unknown, key?: string, options: MaskOptions = {}): unknown {
  if (key !== undefined && isCredentialName(key)) return maskAll(value, key);
  if (key !== undefined && isIdentifyingName(key)) return options.keepIdentifiers ? noteAll(value, options.keepIdentifiers) : maskAll(value, key);
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((item) => maskSensitive(item, key, options));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = maskSensitive(item, name, options);
    return out;
  }
  return value;
}

/** Identifiers kept as they are, each one reported; credentials inside them are still masked. */
function noteAll(value: unknown, note: (value: string) => void): unknown {
  if (typeof value === 'string') {
    note(value);
    return maskText(value);
  }
  if (typeof value === 'number' || typeof value === 'bigint') note(String(value));
  if (Array.isArray(value)) return value.map((item) => noteAll(item, note));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = isCredentialName(name) ? maskAll(item, name) : noteAll(item, note);
    return out;
  }
  return value;
}

/** Everything under a sensitive name: strings and numbers masked, structure kept so a message still says what was there. */
function maskAll(value: unknown, key: string): unknown {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') return `«masked ${key}»`;
  if (Array.isArray(value)) return value.map((item) => maskAll(item, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = maskAll(item, key);
    return out;
  }
  return value;
}

/** Shapes that are credentials wherever they appear; a scrubber's placeholder is left as it is. */
export function maskText(text: string): string {
  let out = text;
  if (out.includes('eyJ')) out = out.replace(JWT_ANY, '«masked jwt»');
  if (out.includes('earer')) {
    out = out.replace(BEARER_ANY, (whole, scheme: string, space: string, token: string) =>
      isTokenLike(token) && !isRedactedPlaceholder(token) ? `${scheme}${space}«masked token»` : whole,
    );
  }
  if (out.includes('=')) {
    out = out.replace(CREDENTIAL_PAIR, (whole, name: string, value: string) => (isMasked(value) ? whole : `${name}=«masked ${name.toLowerCase()}»`));
  }
  if (out.includes('":')) {
    out = out.replace(CREDENTIAL_JSON_PAIR, (whole, name: string, colon: string, value: string) =>
      isMasked(value) ? whole : `"${name}"${colon}"«masked ${name.toLowerCase()}»"`,
    );
  }
  return out;
}

function isMasked(value: string): boolean {
  return value.startsWith('«masked') || isRedactedPlaceholder(decodeURIComponentSafe(value));
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

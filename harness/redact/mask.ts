// Stateless masking for messages (matcher failures, logs): no numbering, no memory. A value under a
// credential or identifying name becomes «masked <name>», and credentials recognisable by their
// shape (JWTs, Bearer tokens, name=value pairs of credential names) are masked wherever they are.
import { BEARER_ANY, CREDENTIAL_JSON_PAIR, CREDENTIAL_PAIR, JWT_ANY } from './patterns';
import { isTokenLike } from './placeholders';
import { isCredentialName, isIdentifyingName } from './sensitive';

export function maskSensitive(value: unknown, key?: string): unknown {
  if (key !== undefined && (isCredentialName(key) || isIdentifyingName(key))) return maskAll(value, key);
  if (typeof value === 'string') return maskText(value);
  if (Array.isArray(value)) return value.map((item) => maskSensitive(item, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(value)) out[name] = maskSensitive(item, name);
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

/** Shapes that are credentials wherever they appear. */
export function maskText(text: string): string {
  let out = text;
  if (out.includes('eyJ')) out = out.replace(JWT_ANY, '«masked jwt»');
  if (out.includes('earer')) {
    out = out.replace(BEARER_ANY, (whole, scheme: string, space: string, token: string) => (isTokenLike(token) ? `${scheme}${space}«masked token»` : whole));
  }
  if (out.includes('=')) out = out.replace(CREDENTIAL_PAIR, (_whole, name: string) => `${name}=«masked ${name.toLowerCase()}»`);
  if (out.includes('":')) out = out.replace(CREDENTIAL_JSON_PAIR, (_whole, name: string, colon: string) => `"${name}"${colon}"«masked ${name.toLowerCase()}»"`);
  return out;
}

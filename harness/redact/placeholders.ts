// The shapes of the stand-ins the scrubber puts where a secret or an identifier was. Each keeps the
// type and format of what it replaces, so a recorded answer still validates against its schema in
// replay, and carries a number, counted per kind in order of first appearance within one test.
//
//   uuid        00000000-0000-4000-8000-000000000007   (a valid v4 UUID)
//   email       user-3@example.com
//   host        host-1.example.com                     (a domain under an identifying name)
//   digits      900000002 / +9 000 000-0002            (same count of digits, punctuation kept)
//   redacted    redacted-access_token-1, redacted-jwt-2 (credentials and JWTs)
//   word        loginid-1                              (other identifying values)

import { IDENTIFYING_NAMES } from './sensitive';

const IDENTIFYING_KINDS = new Set(IDENTIFYING_NAMES.map((name) => kindOf(name)));

export type Family = 'uuid' | 'email' | 'host' | 'digits' | 'redacted' | 'word';

export interface ParsedPlaceholder {
  family: Family;
  /** What the number counts: "uuid", "email", "host", "digits", a credential kind such as "access_token", or an identifying name. */
  kind: string;
  n: number;
}

const UUID_PLACEHOLDER = /^00000000-0000-4000-8000-(\d{12})$/;
const EMAIL_PLACEHOLDER = /^user-(\d+)@example\.com$/;
const HOST_PLACEHOLDER = /^host-(\d+)\.example\.com$/;
const REDACTED_PLACEHOLDER = /^redacted-([a-z0-9_]+)-(\d+)$/;
const WORD_PLACEHOLDER = /^([a-z0-9_]+)-(\d+)$/;
const DIGITS_PLACEHOLDER = /^90*([1-9]\d*)$/;

/** Placeholders that can be recognised inside a longer string without knowing the field they sit in. */
export const EMBEDDED_PLACEHOLDER = /redacted-[a-z0-9_]+-\d+|00000000-0000-4000-8000-\d{12}|user-\d+@example\.com|host-\d+\.example\.com/g;

/** A kind as it appears in a placeholder: lower-case, [a-z0-9_] only, trailing digits dropped (password2 → password). */
export function kindOf(name: string): string {
  const kind = name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/(?<=[a-z_])\d+$/, '');
  return kind === '' ? 'secret' : kind;
}

export function uuidPlaceholder(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function emailPlaceholder(n: number): string {
  return `user-${n}@example.com`;
}

export function hostPlaceholder(n: number): string {
  return `host-${n}.example.com`;
}

export function redactedPlaceholder(kind: string, n: number): string {
  return `redacted-${kind}-${n}`;
}

export function wordPlaceholder(kind: string, n: number): string {
  return `${kind}-${n}`;
}

/**
 * A number-like value of the same shape: as many digits as the original (more only when the count
 * needs them), a leading 9 so it never starts with 0, and every non-digit (+, spaces, dashes) kept.
 */
export function digitsPlaceholder(n: number, original: string): string {
  const count = original.replace(/\D/g, '').length;
  const number = String(n);
  const digits = count > number.length ? `9${number.padStart(count - 1, '0')}` : `9${number}`;
  let next = 0;
  let out = '';
  let lastDigit = -1;
  for (const char of original) {
    if (char >= '0' && char <= '9') {
      out += digits[next++] ?? '';
      lastDigit = out.length;
    } else {
      out += char;
    }
  }
  if (next < digits.length) out = out.slice(0, lastDigit) + digits.slice(next) + out.slice(lastDigit);
  return out;
}

export function isDigitsShaped(value: string): boolean {
  return /^\+?[\d\s().-]+$/.test(value) && /\d{2}/.test(value.replace(/\D/g, ''));
}

export function isHostShaped(value: string): boolean {
  return /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(value) && /[A-Za-z]/.test(value);
}

/**
 * Reads a placeholder back. Digits and word placeholders look like ordinary values, so they are
 * recognised only when `identifying` says the value sits under an identifying name.
 */
export function parsePlaceholder(value: string, identifying?: string): ParsedPlaceholder | undefined {
  let m = UUID_PLACEHOLDER.exec(value);
  if (m) return { family: 'uuid', kind: 'uuid', n: Number(m[1]) };
  m = EMAIL_PLACEHOLDER.exec(value);
  if (m) return { family: 'email', kind: 'email', n: Number(m[1]) };
  m = HOST_PLACEHOLDER.exec(value);
  if (m) return { family: 'host', kind: 'host', n: Number(m[1]) };
  m = REDACTED_PLACEHOLDER.exec(value);
  if (m) return { family: 'redacted', kind: m[1] as string, n: Number(m[2]) };
  if (identifying === undefined) return undefined;
  m = WORD_PLACEHOLDER.exec(value);
  if (m && m[1] === kindOf(identifying)) return { family: 'word', kind: m[1], n: Number(m[2]) };
  if (isDigitsShaped(value)) {
    m = DIGITS_PLACEHOLDER.exec(value.replace(/\D/g, ''));
    if (m) return { family: 'digits', kind: 'digits', n: Number(m[1]) };
  }
  return undefined;
}

/**
 * A numbered placeholder of any family, wherever it sits. Word and digits placeholders are accepted
 * only with an identifying kind, as the scrubber makes them.
 */
export function looksLikePlaceholder(value: string): boolean {
  if (parsePlaceholder(value) !== undefined) return true;
  const word = WORD_PLACEHOLDER.exec(value);
  if (word && IDENTIFYING_KINDS.has(word[1] as string)) return true;
  return isDigitsShaped(value) && DIGITS_PLACEHOLDER.test(value.replace(/\D/g, ''));
}

/** The text after "Bearer " that is worth treating as a token: long enough, with a digit (prose such as "Bearer authentication" is not). */
export function isTokenLike(text: string): boolean {
  return text.length >= 8 && /\d/.test(text);
}

/** True for a credential stand-in: redacted-<kind>-<n>. */
export function isRedactedPlaceholder(value: string): boolean {
  return REDACTED_PLACEHOLDER.test(value);
}

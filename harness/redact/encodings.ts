// The forms a secret takes on its way through URLs, forms, JSON text and headers. The scrubber
// replaces each form of a known value by the same form of its placeholder; the fixture guard also
// looks for base64 fragments, which find a secret inside a longer encoded blob (Basic auth).

export type Encoder = (value: string) => string;

/** Every whole-value form, the raw value first. Forms equal to an earlier one are skipped by callers. */
export const ENCODERS: readonly Encoder[] = [
  (v) => v,
  (v) => encodeURIComponent(v),
  formEncode, // application/x-www-form-urlencoded: space as +
  (v) => JSON.stringify(v).slice(1, -1),
  (v) => Buffer.from(v, 'utf8').toString('base64'),
  (v) => Buffer.from(v, 'utf8').toString('base64').replace(/=+$/, ''),
  (v) => Buffer.from(v, 'utf8').toString('base64url'),
];

/** URLSearchParams' encoding of one value, without building a URLSearchParams. */
export function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/%20/g, '+')
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

const RAW = ENCODERS[0] as Encoder;
const TEXT_ENCODERS = ENCODERS.slice(1, 4);
const BASE64_ENCODERS = ENCODERS.slice(4);
const URL_SAFE = /^[A-Za-z0-9._~-]*$/;

/**
 * The encoders giving distinct forms of `value`, the raw form first. URL, form and JSON encoding
 * change only values with other characters; base64 forms are produced only for secrets (`all`),
 * since an identifier is not expected to travel base64-encoded.
 */
export function encodersFor(value: string, all: boolean): Encoder[] {
  const out: Encoder[] = [RAW];
  if (!URL_SAFE.test(value)) {
    const seen = new Set<string>([value]);
    for (const encode of TEXT_ENCODERS) {
      const form = encode(value);
      if (!seen.has(form)) {
        seen.add(form);
        out.push(encode);
      }
    }
  }
  if (all) out.push(...BASE64_ENCODERS);
  return out;
}

const pairCache = new Map<string, ReadonlyArray<readonly [from: string, to: string]>>();
const PAIR_CACHE_LIMIT = 10_000;

/**
 * The distinct encoded forms of `value` paired with the same forms of `placeholder`. Remembered:
 * every test's scrubber meets the same known secrets and ids again, and encoding them (base64 of
 * three alignments, URL and JSON forms) was a tenth of a replay run's harness time (--cpu-prof).
 */
export function encodedPairs(value: string, placeholder: string, all = true): ReadonlyArray<readonly [from: string, to: string]> {
  const key = `${all ? 1 : 0}\0${value}\0${placeholder}`;
  let pairs = pairCache.get(key);
  if (!pairs) {
    if (pairCache.size >= PAIR_CACHE_LIMIT) pairCache.clear();
    pairs = encodersFor(value, all).map((encode) => [encode(value), encode(placeholder)] as const);
    pairCache.set(key, pairs);
  }
  return pairs;
}

/** The distinct encoded forms of a value (for detection only). */
export function encodedForms(value: string): string[] {
  return [...new Set(ENCODERS.map((encode) => encode(value)))];
}

/**
 * Substrings that the base64 (and base64url) encoding of ANY string containing `value` must
 * contain, for each of the three byte alignments the value can start at. Only fragments of at
 * least 8 characters are returned, so short values yield nothing rather than noise.
 */
export function base64Fragments(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const out = new Set<string>();
  for (let shift = 0; shift < 3; shift++) {
    const padded = Buffer.concat([Buffer.alloc(shift), bytes]);
    const encoded = padded.toString('base64');
    const start = Math.ceil(shift / 3) * 4;
    const end = Math.floor(padded.length / 3) * 4;
    const fragment = encoded.slice(start, end);
    if (fragment.length >= 8) {
      out.add(fragment);
      out.add(fragment.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...out];
}

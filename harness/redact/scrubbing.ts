// Scrubbing one value: what a field's name says (credential, identifier), what the value looks
// like (JWT, UUID, email) and what the book has already seen decide its placeholder. Longer strings
// are searched for sensitive parts: known values in every encoding, Bearer tokens, credential
// pairs, JWTs, UUIDs and emails, and the API base URLs, which become {{variable}}. A URL is
// scrubbed piece by piece: each path segment and each query value (under the name of its key) goes
// through the same rules, while the origin or {{variable}} prefix, the keys and the fragment stay.
import { isDigitsShaped, isHostShaped, isTokenLike, kindOf, parsePlaceholder } from './placeholders';
import { mapJsonLeaves, type JsonLeaves } from './json-walk';
import { MIN_EMBEDDED_LENGTH, type PlaceholderBook } from './placeholder-book';
import {
  BEARER_ANY,
  type BaseUrl,
  CREDENTIAL_JSON_PAIR,
  CREDENTIAL_PAIR,
  EMAIL,
  EMAIL_ANY,
  escapeRegExp,
  JWT_ANY,
  JWT_WHOLE,
  safeDecode,
  safeJsonUnescape,
  UUID,
  UUID_ANY,
} from './patterns';
import { isCredentialName, isIdentifyingName } from './sensitive';

export class ValueScrubber implements JsonLeaves {
  /** Longest URL first, so that a URL is not taken for a shorter one it starts with. */
  private readonly baseUrls: ReadonlyArray<BaseUrl>;

  constructor(
    private readonly book: PlaceholderBook,
    baseUrls: ReadonlyArray<BaseUrl>,
  ) {
    this.baseUrls = [...baseUrls].sort((a, b) => b[1].length - a[1].length);
  }

  /** Any JSON-like value, with the lower-case name of the field it sits under. */
  value(value: unknown, name: string | undefined): unknown {
    return mapJsonLeaves(value, name, this);
  }

  key(key: string): string {
    return this.embedded(key);
  }

  /** Integers under identifying names (an account number sent as a number) become numbers of the same shape. */
  number(value: number, name: string | undefined): number {
    if (name === undefined || !isIdentifyingName(name) || !Number.isSafeInteger(value) || value < 0) return value;
    const text = String(value);
    const placeholder = this.book.forward.get(text) ?? this.book.assign(text, 'digits', 'digits', false);
    const number = Number(placeholder);
    return Number.isSafeInteger(number) ? number : value;
  }

  string(value: string, name: string | undefined): string {
    if (value === '') return value;
    const book = this.book;
    const seen = book.forward.get(value);
    // A short identifier ("admin" as a loginId) is replaced where its name says so, not wherever the
    // same word occurs (a role "admin" must stay "admin").
    if (seen !== undefined && (seen === value || value.length >= MIN_EMBEDDED_LENGTH || book.secrets.has(value) || isSensitiveName(name))) {
      return seen;
    }
    if (name !== undefined) {
      if (name === 'authorization' || name === 'proxy-authorization') return this.authorization(value);
      if (name === 'cookie' || name === 'set-cookie') return this.cookies(value, name);
      if (isCredentialName(name)) return book.assign(value, kindOf(name), 'redacted', true);
    }
    const knownKind = book.known.get(value);
    if (knownKind !== undefined) return book.assign(value, knownKind, 'redacted', true);
    if (JWT_WHOLE.test(value)) return book.assign(value, 'jwt', 'redacted', true);
    if (name !== undefined && isIdentifyingName(name)) return this.identifying(value, name);
    if (value.length < MIN_EMBEDDED_LENGTH) return value;
    if (UUID.test(value)) return book.assign(value, 'uuid', 'uuid', false);
    if (EMAIL.test(value)) return book.assign(value, 'email', 'email', false);
    return this.embedded(value);
  }

  /** `Bearer <token>` keeps its scheme; a bare token (CloudLink accepts those too) is an access token. */
  private authorization(value: string): string {
    const m = /^(\S+)(\s+)(\S[\s\S]*)$/.exec(value);
    if (!m) return this.book.credential(value, 'access_token');
    const [, scheme = '', space = '', credential = ''] = m;
    return scheme + space + this.book.credential(credential, /^bearer$/i.test(scheme) ? 'access_token' : 'authorization');
  }

  /** Cookie values are credentials; cookie names and Set-Cookie attributes are kept. */
  private cookies(value: string, name: string): string {
    const pairs = name === 'cookie' ? /(^|;\s*)([^=;\s]+)=([^;]*)/g : /(^|,\s*)([^=;,\s]+)=([^;,]*)/g;
    return value.replace(pairs, (whole, lead: string, cookie: string, content: string) =>
      content === '' ? whole : `${lead}${cookie}=${this.book.credential(content, 'cookie')}`,
    );
  }

  private identifying(value: string, name: string): string {
    const book = this.book;
    if (UUID.test(value)) return book.assign(value, 'uuid', 'uuid', false);
    if (EMAIL.test(value)) return book.assign(value, 'email', 'email', false);
    if (isDigitsShaped(value)) return book.assign(value, 'digits', 'digits', false);
    if (isHostShaped(value)) return book.assign(value, 'host', 'host', false);
    return book.assign(value, kindOf(name), 'word', false);
  }

  /** Replaces what is sensitive INSIDE a longer string, left to right within each pass. */
  embedded(value: string): string {
    if (value.length < MIN_EMBEDDED_LENGTH) return value;
    const book = this.book;
    let out = value;
    if (this.baseUrls.length && out.includes('://')) out = this.templateBaseUrls(out);
    out = book.valueForms.replace(out, (form) => form.encode(book.credential(form.value, 'secret')));
    if (out.includes('earer')) {
      out = out.replace(BEARER_ANY, (whole, scheme: string, space: string, token: string) => {
        if (!isTokenLike(token) || this.isPlaceholderText(token)) return whole;
        return scheme + space + book.credential(token, 'access_token');
      });
    }
    if (out.includes('=')) {
      out = out.replace(CREDENTIAL_PAIR, (whole, key: string, raw: string) => {
        const decoded = safeDecode(raw, true);
        if (this.isPlaceholderText(decoded)) return whole;
        const placeholder = book.forward.get(decoded) ?? book.assign(decoded, credentialKind(key), 'redacted', true);
        return `${key}=${encodeURIComponent(placeholder)}`;
      });
    }
    if (out.includes('":')) {
      out = out.replace(CREDENTIAL_JSON_PAIR, (whole, key: string, colon: string, escaped: string) => {
        if (escaped === '') return whole;
        const raw = safeJsonUnescape(escaped);
        if (this.isPlaceholderText(raw)) return whole;
        const placeholder =
          key.toLowerCase() === 'authorization' ? this.authorization(raw) : (book.forward.get(raw) ?? book.assign(raw, credentialKind(key), 'redacted', true));
        return `"${key}"${colon}${JSON.stringify(placeholder)}`;
      });
    }
    if (out.includes('eyJ')) out = out.replace(JWT_ANY, (jwt) => book.forward.get(jwt) ?? book.assign(jwt, 'jwt', 'redacted', true));
    if (out.includes('-')) out = out.replace(UUID_ANY, (uuid) => book.forward.get(uuid) ?? book.assign(uuid, 'uuid', 'uuid', false));
    if (out.includes('@')) out = out.replace(EMAIL_ANY, (email) => book.forward.get(email) ?? book.assign(email, 'email', 'email', false));
    return out;
  }

  private isPlaceholderText(value: string): boolean {
    return this.book.forward.get(value) === value || parsePlaceholder(value) !== undefined;
  }

  private templateBaseUrls(value: string): string {
    let out = value;
    for (const [variable, url] of this.baseUrls) {
      if (!out.includes(url)) continue;
      out = out.replace(new RegExp(`${escapeRegExp(url)}(?=[/?#"'\\s]|$)`, 'g'), `{{${variable}}}`);
    }
    return out;
  }
}

function credentialKind(name: string): string {
  const lower = name.toLowerCase();
  return lower === 'authorization' || lower === 'proxy-authorization' ? 'access_token' : kindOf(lower);
}

function isSensitiveName(name: string | undefined): boolean {
  return name !== undefined && (isCredentialName(name) || isIdentifyingName(name));
}

/** Scrubs one decoded piece; `name` is the lower-case query key, undefined for a path segment. */
export type ScrubPiece = (value: string, name: string | undefined) => string;

export function scrubUrl(url: string, scrub: ScrubPiece): string {
  const m = /^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)|(?:\{\{[^}]+\}\}))?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(url);
  if (!m) return scrub(url, undefined);
  const [, prefix = '', path = '', query, hash = ''] = m;
  return prefix + scrubPath(path, scrub) + (query === undefined ? '' : scrubQuery(query, scrub)) + hash;
}

function scrubPath(path: string, scrub: ScrubPiece): string {
  return path
    .split('/')
    .map((segment) => {
      if (segment === '') return segment;
      const decoded = safeDecode(segment, false);
      const scrubbed = scrub(decoded, undefined);
      return scrubbed === decoded ? segment : encodeURIComponent(scrubbed);
    })
    .join('/');
}

/** `query` starts with "?"; pairs whose value is unchanged keep their original encoding. */
function scrubQuery(query: string, scrub: ScrubPiece): string {
  const pairs = query
    .slice(1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const key = safeDecode(pair.slice(0, eq), true);
      const decoded = safeDecode(pair.slice(eq + 1), true);
      const scrubbed = scrub(decoded, key.toLowerCase());
      return scrubbed === decoded ? pair : `${pair.slice(0, eq)}=${encodeURIComponent(scrubbed)}`;
    });
  return `?${pairs.join('&')}`;
}

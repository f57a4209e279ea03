// One Scrubber per test. It replaces every secret and identifier in what leaves the process
// (fixtures, reports, logs) by a placeholder of the same shape, numbered per kind in order of first
// appearance, and keyed by VALUE: the same token gets the same placeholder whether it travels as an
// Authorization header, a body field, a query parameter, inside an error message, URL-encoded,
// JSON-escaped or base64-encoded.
//
// Replay depends on this being deterministic: a test that sends the same requests and receives the
// same (recorded) answers as when it was recorded hands out the same placeholders in the same order,
// so its scrubbed requests equal the recorded ones exactly. restoreResponse() puts this run's values
// back where the recording has their placeholders, and adopts the placeholders it has never seen
// (ids the server minted at record time) so that numbering stays in step with the recording.
import type { Exchange, RecordedRequest, RecordedResponse } from '../client/exchange';
import { encodedPairs, type Encoder, encodersFor } from './encodings';
import { NeedleIndex } from './needles';
import {
  digitsPlaceholder,
  EMBEDDED_PLACEHOLDER,
  emailPlaceholder,
  type Family,
  hostPlaceholder,
  isDigitsShaped,
  isHostShaped,
  isTokenLike,
  kindOf,
  parsePlaceholder,
  redactedPlaceholder,
  uuidPlaceholder,
  wordPlaceholder,
} from './placeholders';
import { CREDENTIAL_NAMES, isCredentialName, isIdentifyingName, JWT_PATTERN } from './sensitive';

export interface KnownSecret {
  /** The variable's name (password, client_secret, access_token2…); it names the placeholder. */
  name: string;
  value: string;
}

export interface ScrubberOptions {
  /**
   * Base URLs by variable (auth_url → https://authentication.us.api.mitel.io/2017-09-01). Inside
   * bodies and headers they are written as {{auth_url}}, and restoreResponse() writes this run's
   * base URL back, so a recorded HAL link can be followed in replay.
   */
  baseUrls?: Record<string, string>;
}

/** A value the scrubber replaced, for the fixture guard's last check. */
export interface SensitiveValue {
  value: string;
  /** A credential or JWT (looked for in every encoding), as opposed to an identifier. */
  secret: boolean;
}

/** Values shorter than this are replaced as whole values only, never inside longer strings. */
export const MIN_EMBEDDED_LENGTH = 6;
/** Known secrets shorter than this are not recognised outside a credential-named field. */
const MIN_KNOWN_LENGTH = 4;

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const UUID_ANY = /(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])/g;
const EMAIL_SOURCE = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}';
const EMAIL = new RegExp(`^${EMAIL_SOURCE}$`);
const EMAIL_ANY = new RegExp(`(?<![A-Za-z0-9._%+-])${EMAIL_SOURCE}(?![A-Za-z0-9-])`, 'g');
const JWT_WHOLE = new RegExp(`^(?:${JWT_PATTERN.source})$`);
const JWT_ANY = new RegExp(JWT_PATTERN.source, 'g');
const BEARER_ANY = /\b(Bearer)(\s+)([A-Za-z0-9\-._~+/]+=*)/gi;
const CREDENTIAL_ALTERNATION = [...CREDENTIAL_NAMES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
/** name=value in text (a URL, a form, a log line). */
const CREDENTIAL_PAIR = new RegExp(`(?<![A-Za-z0-9_-])(${CREDENTIAL_ALTERNATION})=([^&\\s;,'"<>]+)`, 'gi');
/** "name": "value" in JSON text. */
const CREDENTIAL_JSON_PAIR = new RegExp(`"(${CREDENTIAL_ALTERNATION})"(\\s*:\\s*)"((?:[^"\\\\]|\\\\.)*)"`, 'gi');
const URL_TEMPLATE_ANY = /\{\{([A-Za-z0-9_.-]+)\}\}/g;

interface Entry {
  value: string;
  placeholder: string;
}

/** A form of a value, and how to encode its placeholder the same way. */
interface ValueForm {
  value: string;
  encode: Encoder;
}

export class Scrubber {
  /** Value → placeholder; every placeholder also maps to itself, so scrubbing twice changes nothing. */
  private readonly forward = new Map<string, string>();
  /** Placeholder → the value it stands for in this run (only for values this scrubber saw). */
  private readonly reverse = new Map<string, string>();
  /** Highest number handed out or adopted, per kind. */
  private readonly counters = new Map<string, number>();
  /** Known secret value → placeholder kind. */
  private readonly known = new Map<string, string>();
  private readonly entries: Entry[] = [];
  private readonly baseUrls: Array<[variable: string, url: string]>;
  /** Values replaced as credentials, JWTs or known secrets (as opposed to identifiers). */
  private readonly secrets = new Set<string>();
  /** Every form (raw, URL-, form-, JSON-, base64-encoded) of the values seen and the known secrets. */
  private readonly valueForms = new NeedleIndex<ValueForm>();
  /** Every form of the placeholders handed out → the same form of the value. */
  private readonly placeholderForms = new NeedleIndex<string>();
  /** scrubText mode: look values up and mask what is new, but hand out and register nothing. */
  private dryRun = false;

  constructor(known: ReadonlyArray<KnownSecret> = [], options: ScrubberOptions = {}) {
    for (const secret of known) this.remember(secret);
    this.baseUrls = Object.entries(options.baseUrls ?? {})
      .map(([variable, url]): [string, string] => [variable, url.replace(/\/+$/, '')])
      .filter(([, url]) => url !== '')
      .sort((a, b) => b[1].length - a[1].length);
  }

  /**
   * Adds a known value after construction: one a test makes up as it runs (the URL of its webhook
   * receiver, which differs every run), so that it gets a placeholder named after it.
   */
  remember({ name, value }: KnownSecret): void {
    if (value.length < MIN_KNOWN_LENGTH || this.known.has(value)) return;
    this.known.set(value, kindOf(name));
    this.indexValue(value, true);
    // Its placeholder is fixed now, in the order the values are made known, not when it is first
    // met: replay meets the accountId first in a recorded answer where record met it first in a
    // request, and both must still call it by the same placeholder.
    this.assign(value, kindOf(name), 'redacted', true);
  }

  scrubRequest(req: RecordedRequest): RecordedRequest {
    const out: RecordedRequest = { method: req.method, url: this.scrubUrl(req.url), headers: this.scrubHeaders(req.headers) };
    if (req.bodyType !== undefined) out.bodyType = req.bodyType;
    if (req.body !== undefined) out.body = this.scrubValue(req.body, undefined);
    return out;
  }

  scrubResponse(res: RecordedResponse): RecordedResponse {
    const out: RecordedResponse = { status: res.status, headers: this.scrubHeaders(res.headers) };
    if (res.body !== undefined) out.body = this.scrubValue(res.body, undefined);
    return out;
  }

  /** The request first, then the response: the order fixes the numbering. */
  scrubExchange(exchange: Exchange): Exchange {
    const request = this.scrubRequest(exchange.request);
    return { name: exchange.name, request, response: this.scrubResponse(exchange.response) };
  }

  /** For logs and messages: values already seen get their placeholder, new secrets are masked without a number, nothing is registered. */
  scrubText(text: string): string {
    this.dryRun = true;
    try {
      return this.scrubString(text, undefined);
    } finally {
      this.dryRun = false;
    }
  }

  /** Any JSON-like value, with the field name it sits under (lower-cased internally). */
  scrub(value: unknown, name?: string): unknown {
    return this.scrubValue(value, name?.toLowerCase());
  }

  /** A replayed (recorded, scrubbed) answer with this run's values put back in place of their placeholders. */
  restoreResponse(res: RecordedResponse): RecordedResponse {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) headers[name] = this.restoreString(value, name.toLowerCase());
    const out: RecordedResponse = { status: res.status, headers };
    if (res.body !== undefined) out.body = this.restoreValue(res.body, undefined);
    return out;
  }

  /** Restores one value (a string found in a recorded body, say). */
  restore(value: unknown, name?: string): unknown {
    return this.restoreValue(value, name?.toLowerCase());
  }

  /** Every value this scrubber replaced, and the known secrets: what must never reach a fixture. */
  sensitiveValues(): SensitiveValue[] {
    const out = new Map<string, boolean>();
    for (const entry of this.entries) out.set(entry.value, this.secrets.has(entry.value));
    for (const value of this.known.keys()) out.set(value, true);
    return [...out].map(([value, secret]) => ({ value, secret }));
  }

  // ---- scrubbing -------------------------------------------------------------------------------

  private scrubHeaders(headers: Record<string, string>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of Object.entries(headers)) out[name] = this.scrubString(String(value), name.toLowerCase());
    return out;
  }

  private scrubValue(value: unknown, name: string | undefined): unknown {
    if (typeof value === 'string') return this.scrubString(value, name);
    if (typeof value === 'number') return this.scrubNumber(value, name);
    if (Array.isArray(value)) return value.map((item) => this.scrubValue(item, name));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const scrubbedKey = key.length >= MIN_EMBEDDED_LENGTH ? this.scrubEmbedded(key) : key;
        out[scrubbedKey] = this.scrubValue(item, key.toLowerCase());
      }
      return out;
    }
    return value;
  }

  /** Integers under identifying names (an account number sent as a number) become numbers of the same shape. */
  private scrubNumber(value: number, name: string | undefined): number {
    if (name === undefined || !isIdentifyingName(name) || !Number.isSafeInteger(value) || value < 0) return value;
    const text = String(value);
    const placeholder = this.forward.get(text) ?? this.assign(text, 'digits', 'digits', false);
    const number = Number(placeholder);
    return Number.isSafeInteger(number) ? number : value;
  }

  private scrubString(value: string, name: string | undefined): string {
    if (value === '') return value;
    const seen = this.forward.get(value);
    // A short identifier ("admin" as a loginId) is replaced where its name says so, not wherever the
    // same word occurs (a role "admin" must stay "admin").
    if (seen !== undefined && (seen === value || value.length >= MIN_EMBEDDED_LENGTH || this.secrets.has(value) || isSensitiveName(name))) {
      return seen;
    }
    if (name !== undefined) {
      if (name === 'authorization' || name === 'proxy-authorization') return this.scrubAuthorization(value);
      if (name === 'cookie' || name === 'set-cookie') return this.scrubCookies(value, name);
      if (isCredentialName(name)) return this.assign(value, kindOf(name), 'redacted', true);
    }
    const knownKind = this.known.get(value);
    if (knownKind !== undefined) return this.assign(value, knownKind, 'redacted', true);
    if (JWT_WHOLE.test(value)) return this.assign(value, 'jwt', 'redacted', true);
    if (name !== undefined && isIdentifyingName(name)) return this.scrubIdentifying(value, name);
    if (value.length < MIN_EMBEDDED_LENGTH) return value;
    if (UUID.test(value)) return this.assign(value, 'uuid', 'uuid', false);
    if (EMAIL.test(value)) return this.assign(value, 'email', 'email', false);
    return this.scrubEmbedded(value);
  }

  /** `Bearer <token>` keeps its scheme; a bare token (CloudLink accepts those too) is an access token. */
  private scrubAuthorization(value: string): string {
    const m = /^(\S+)(\s+)(\S[\s\S]*)$/.exec(value);
    if (!m) return this.placeholderFor(value, 'access_token');
    const [, scheme = '', space = '', credential = ''] = m;
    return scheme + space + this.placeholderFor(credential, /^bearer$/i.test(scheme) ? 'access_token' : 'authorization');
  }

  /** Cookie values are credentials; cookie names and Set-Cookie attributes are kept. */
  private scrubCookies(value: string, name: string): string {
    const pairs = name === 'cookie' ? /(^|;\s*)([^=;\s]+)=([^;]*)/g : /(^|,\s*)([^=;,\s]+)=([^;,]*)/g;
    return value.replace(pairs, (whole, lead: string, cookie: string, content: string) =>
      content === '' ? whole : `${lead}${cookie}=${this.placeholderFor(content, 'cookie')}`,
    );
  }

  private scrubIdentifying(value: string, name: string): string {
    if (UUID.test(value)) return this.assign(value, 'uuid', 'uuid', false);
    if (EMAIL.test(value)) return this.assign(value, 'email', 'email', false);
    if (isDigitsShaped(value)) return this.assign(value, 'digits', 'digits', false);
    if (isHostShaped(value)) return this.assign(value, 'host', 'host', false);
    return this.assign(value, kindOf(name), 'word', false);
  }

  private placeholderFor(value: string, kind: string): string {
    return this.forward.get(value) ?? this.assign(value, this.known.get(value) ?? kind, 'redacted', true);
  }

  /** Replaces what is sensitive INSIDE a longer string, left to right within each pass. */
  private scrubEmbedded(value: string): string {
    if (value.length < MIN_EMBEDDED_LENGTH) return value;
    let out = value;
    if (this.baseUrls.length && out.includes('://')) out = this.templateBaseUrls(out);
    out = this.replaceKnownValues(out);
    if (out.includes('earer')) {
      out = out.replace(BEARER_ANY, (whole, scheme: string, space: string, token: string) => {
        if (!isTokenLike(token) || this.isPlaceholderText(token)) return whole;
        return scheme + space + this.placeholderFor(token, 'access_token');
      });
    }
    if (out.includes('=')) {
      out = out.replace(CREDENTIAL_PAIR, (whole, key: string, raw: string) => {
        const decoded = safeDecode(raw, true);
        if (this.isPlaceholderText(decoded)) return whole;
        const placeholder = this.forward.get(decoded) ?? this.assign(decoded, this.credentialKind(key), 'redacted', true);
        return `${key}=${encodeURIComponent(placeholder)}`;
      });
    }
    if (out.includes('":')) {
      out = out.replace(CREDENTIAL_JSON_PAIR, (whole, key: string, colon: string, escaped: string) => {
        if (escaped === '') return whole;
        const raw = safeJsonUnescape(escaped);
        if (this.isPlaceholderText(raw)) return whole;
        const placeholder =
          key.toLowerCase() === 'authorization' ? this.scrubAuthorization(raw) : (this.forward.get(raw) ?? this.assign(raw, this.credentialKind(key), 'redacted', true));
        return `"${key}"${colon}${JSON.stringify(placeholder)}`;
      });
    }
    if (out.includes('eyJ')) out = out.replace(JWT_ANY, (jwt) => this.forward.get(jwt) ?? this.assign(jwt, 'jwt', 'redacted', true));
    if (out.includes('-')) out = out.replace(UUID_ANY, (uuid) => this.forward.get(uuid) ?? this.assign(uuid, 'uuid', 'uuid', false));
    if (out.includes('@')) out = out.replace(EMAIL_ANY, (email) => this.forward.get(email) ?? this.assign(email, 'email', 'email', false));
    return out;
  }

  private credentialKind(name: string): string {
    const lower = name.toLowerCase();
    return lower === 'authorization' || lower === 'proxy-authorization' ? 'access_token' : kindOf(lower);
  }

  private isPlaceholderText(value: string): boolean {
    return this.forward.get(value) === value || parsePlaceholder(value) !== undefined;
  }

  private templateBaseUrls(value: string): string {
    let out = value;
    for (const [variable, url] of this.baseUrls) {
      if (!out.includes(url)) continue;
      out = out.replace(new RegExp(`${escapeRegExp(url)}(?=[/?#"'\\s]|$)`, 'g'), `{{${variable}}}`);
    }
    return out;
  }

  /** Values seen so far and known secrets, in every encoded form, each replaced by the same form of its placeholder. */
  private replaceKnownValues(value: string): string {
    return this.valueForms.replace(value, (form) => {
      const placeholder = this.forward.get(form.value) ?? this.assign(form.value, this.known.get(form.value) ?? 'secret', 'redacted', true);
      return form.encode(placeholder);
    });
  }

  private indexValue(value: string, secret: boolean): void {
    if (value.length < MIN_EMBEDDED_LENGTH) return;
    for (const encode of encodersFor(value, secret)) {
      const form = encode(value);
      if (form.length >= MIN_EMBEDDED_LENGTH) this.valueForms.add(form, !secret, { value, encode });
    }
  }

  /**
   * The placeholder for a new value: the next number of its kind, skipping any number whose
   * placeholder is already taken (a real value that happened to look like a placeholder).
   */
  private assign(value: string, kind: string, family: Family, secret: boolean): string {
    if (this.dryRun) return make(family, kind, 0, value);
    let n = (this.counters.get(kind) ?? 0) + 1;
    let placeholder = make(family, kind, n, value);
    while (placeholder !== value && this.forward.has(placeholder)) {
      n += 1;
      placeholder = make(family, kind, n, value);
    }
    this.counters.set(kind, n);
    this.forward.set(value, placeholder);
    this.forward.set(placeholder, placeholder);
    if (secret) this.secrets.add(value);
    if (placeholder !== value) {
      this.reverse.set(placeholder, value);
      this.entries.push({ value, placeholder });
      this.indexValue(value, secret);
      for (const [valueForm, placeholderForm] of encodedPairs(value, placeholder, secret)) {
        if (placeholderForm.length >= MIN_EMBEDDED_LENGTH) this.placeholderForms.add(placeholderForm, true, valueForm);
      }
    }
    return placeholder;
  }

  // ---- restoring -------------------------------------------------------------------------------

  private restoreValue(value: unknown, name: string | undefined): unknown {
    if (typeof value === 'string') return this.restoreString(value, name);
    if (typeof value === 'number') return this.restoreNumber(value, name);
    if (Array.isArray(value)) return value.map((item) => this.restoreValue(item, name));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        out[key.length >= MIN_EMBEDDED_LENGTH ? this.restoreEmbedded(key) : key] = this.restoreValue(item, key.toLowerCase());
      }
      return out;
    }
    return value;
  }

  private restoreNumber(value: number, name: string | undefined): number {
    if (name === undefined || !isIdentifyingName(name) || !Number.isSafeInteger(value)) return value;
    const text = String(value);
    const original = this.reverse.get(text);
    if (original !== undefined && /^\d+$/.test(original)) return Number(original);
    const parsed = parsePlaceholder(text, name);
    if (parsed) this.adopt(text, parsed.kind, parsed.n);
    return value;
  }

  private restoreString(value: string, name: string | undefined): string {
    if (value === '') return value;
    const original = this.reverse.get(value);
    if (original !== undefined) return original;
    const identifying = name !== undefined && isIdentifyingName(name) ? name : undefined;
    const parsed = parsePlaceholder(value, identifying);
    if (parsed) {
      this.adopt(value, parsed.kind, parsed.n);
      return value;
    }
    return this.restoreEmbedded(value);
  }

  private restoreEmbedded(value: string): string {
    let out = value;
    if (out.length >= MIN_EMBEDDED_LENGTH) {
      // The placeholders this scrubber handed out, in every form; then the ones it never saw, adopted.
      out = this.placeholderForms.replace(out, (valueForm) => valueForm);
      out = out.replace(EMBEDDED_PLACEHOLDER, (match) => {
        const original = this.reverse.get(match);
        if (original !== undefined) return original;
        const parsed = parsePlaceholder(match);
        if (parsed) this.adopt(match, parsed.kind, parsed.n);
        return match;
      });
    }
    if (this.baseUrls.length && out.includes('{{')) {
      const urls = new Map(this.baseUrls);
      out = out.replace(URL_TEMPLATE_ANY, (whole, variable: string) => urls.get(variable) ?? whole);
    }
    return out;
  }

  /** A placeholder this scrubber did not hand out: keep it, and never hand out its number of its kind again. */
  private adopt(placeholder: string, kind: string, n: number): void {
    if (this.dryRun) return;
    if (!this.forward.has(placeholder)) this.forward.set(placeholder, placeholder);
    if ((this.counters.get(kind) ?? 0) < n) this.counters.set(kind, n);
  }

  // ---- URLs ------------------------------------------------------------------------------------

  /** Path segments and query values (named by their key) go through the same map; the origin or {{variable}} prefix is kept. */
  private scrubUrl(url: string): string {
    const m = /^((?:[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*)|(?:\{\{[^}]+\}\}))?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(url);
    if (!m) return this.scrubString(url, undefined);
    const [, prefix = '', path = '', query, hash = ''] = m;
    const scrubbedPath = path
      .split('/')
      .map((segment) => {
        if (segment === '') return segment;
        const decoded = safeDecode(segment, false);
        const scrubbed = this.scrubString(decoded, undefined);
        return scrubbed === decoded ? segment : encodeURIComponent(scrubbed);
      })
      .join('/');
    let scrubbedQuery = '';
    if (query !== undefined) {
      scrubbedQuery =
        '?' +
        query
          .slice(1)
          .split('&')
          .map((pair) => {
            const eq = pair.indexOf('=');
            if (eq < 0) return pair;
            const key = safeDecode(pair.slice(0, eq), true);
            const decoded = safeDecode(pair.slice(eq + 1), true);
            const scrubbed = this.scrubString(decoded, key.toLowerCase());
            return scrubbed === decoded ? pair : `${pair.slice(0, eq)}=${encodeURIComponent(scrubbed)}`;
          })
          .join('&');
    }
    return prefix + scrubbedPath + scrubbedQuery + hash;
  }
}

function make(family: Family, kind: string, n: number, original: string): string {
  switch (family) {
    case 'uuid':
      return uuidPlaceholder(n);
    case 'email':
      return n === 0 ? 'user@example.com' : emailPlaceholder(n);
    case 'host':
      return n === 0 ? 'host.example.com' : hostPlaceholder(n);
    case 'digits':
      return digitsPlaceholder(n, original);
    case 'word':
      return n === 0 ? kind : wordPlaceholder(kind, n);
    case 'redacted':
      return n === 0 ? `redacted-${kind}` : redactedPlaceholder(kind, n);
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function isSensitiveName(name: string | undefined): boolean {
  return name !== undefined && (isCredentialName(name) || isIdentifyingName(name));
}

/** URL decoding; `form` also reads + as a space (query strings and form bodies). */
function safeDecode(text: string, form: boolean): string {
  if (!text.includes('%') && !(form && text.includes('+'))) return text;
  try {
    return decodeURIComponent(form ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}

function safeJsonUnescape(escaped: string): string {
  try {
    return JSON.parse(`"${escaped}"`) as string;
  } catch {
    return escaped;
  }
}

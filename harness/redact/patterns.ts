// The shapes of sensitive text, built once from THE list of names (sensitive.ts) and shared by the
// scrubber, the stateless masks and the sharing policy, so that a credential recognised in one
// place is recognised in all of them. Global patterns are only used with String.replace, which
// starts every search from the beginning whatever a previous search left in lastIndex.
import { CREDENTIAL_NAMES, IDENTIFYING_NAMES, JWT_PATTERN } from './sensitive';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function alternation(names: readonly string[]): string {
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join('|');
}

const CREDENTIALS = alternation(CREDENTIAL_NAMES);
const IDENTIFIERS = alternation(IDENTIFYING_NAMES);

export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
export const UUID_ANY = /(?<![0-9A-Za-z])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}(?![0-9A-Za-z])/g;
const EMAIL_SOURCE = '[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}';
export const EMAIL = new RegExp(`^${EMAIL_SOURCE}$`);
export const EMAIL_ANY = new RegExp(`(?<![A-Za-z0-9._%+-])${EMAIL_SOURCE}(?![A-Za-z0-9-])`, 'g');
export const JWT_WHOLE = new RegExp(`^(?:${JWT_PATTERN.source})$`);
export const JWT_ANY = new RegExp(JWT_PATTERN.source, 'g');
/** `Bearer <token>`: groups 1 scheme, 2 space, 3 token. */
export const BEARER_ANY = /\b(Bearer)(\s+)([A-Za-z0-9\-._~+/]+=*)/gi;
/** name=value of a credential in text (a URL, a form, a log line): groups 1 name, 2 value. */
export const CREDENTIAL_PAIR = new RegExp(`(?<![A-Za-z0-9_-])(${CREDENTIALS})=([^&\\s;,'"<>]+)`, 'gi');
/** "name": "value" of a credential in JSON text: groups 1 name, 2 colon, 3 the value JSON-escaped. */
export const CREDENTIAL_JSON_PAIR = new RegExp(`"(${CREDENTIALS})"(\\s*:\\s*)"((?:[^"\\\\]|\\\\.)*)"`, 'gi');
/** name=value of an identifier in text: groups 1 name, 2 value. */
export const IDENTIFYING_PAIR = new RegExp(`(?<![A-Za-z0-9_-])(${IDENTIFIERS})=([^&\\s;,'"<>]+)`, 'gi');
/** "name": value of an identifier in JSON or pretty-printed text (a string or a number): groups 1 name, 2 colon, 3 value. */
export const IDENTIFYING_JSON_PAIR = new RegExp(`"(${IDENTIFIERS})"(\\s*:\\s*)("(?:[^"\\\\]|\\\\.)*"|-?\\d+(?:\\.\\d+)?)`, 'gi');
/** {{variable}} in a URL or a body. */
export const URL_TEMPLATE_ANY = /\{\{([A-Za-z0-9_.-]+)\}\}/g;

/** A variable and its API base URL (auth_url → https://authentication.us.api.mitel.io/2017-09-01). */
export type BaseUrl = readonly [variable: string, url: string];

/** The base URLs to write as {{variable}}: without trailing slashes, the empty ones left out. */
export function baseUrlsOf(byVariable: Record<string, string>): BaseUrl[] {
  return Object.entries(byVariable)
    .map(([variable, url]): BaseUrl => [variable, url.replace(/\/+$/, '')])
    .filter(([, url]) => url !== '');
}

/** URL decoding; `form` also reads + as a space (query strings and form bodies). */
export function safeDecode(text: string, form: boolean): string {
  if (!text.includes('%') && !(form && text.includes('+'))) return text;
  try {
    return decodeURIComponent(form ? text.replace(/\+/g, ' ') : text);
  } catch {
    return text;
  }
}

export function safeJsonUnescape(escaped: string): string {
  try {
    return JSON.parse(`"${escaped}"`) as string;
  } catch {
    return escaped;
  }
}

// Values a person types in before sending. Mitel's library marks them with single braces
// (`{endpointId}` in a URL, `{Destination}` in a body) beside the real `{{variables}}`, and Postman
// itself has `:name` path variables. Sent as they are, both would reach the API as literal text, so
// each becomes a `{{name}}` variable the suite must supply, and the importer lists it.
import type { NamedRequest } from '../../../harness/client/named-request';

export interface NamedParameter {
  name: string;
  /** The value Postman saved for a path variable; blank for single braces, which have none. */
  value: string;
  from: 'single-brace' | 'path-variable';
  /** As Postman shows it: `{Full name}`, `:userId`. */
  placeholder: string;
}

// One brace on each side and not part of `{{…}}`; the name as Mitel writes them, words and spaces
// included (`{Full name}`, `{Application GUID}`), but never starting or ending with a space, so the
// braces of JSON or GraphQL text (`{ callId }`) are not taken for one.
const SINGLE_BRACE = /(?<!\{)\{([A-Za-z_](?:[A-Za-z0-9_. -]*[A-Za-z0-9_.-])?)\}(?!\})/g;
// A whole path segment `:name`; the colon of a scheme or port is never after a slash.
const PATH_VARIABLE = /(^|\/):([A-Za-z_][A-Za-z0-9_-]*)(?=\/|$)/g;

/** Collects named parameters across one request; one instance per request. */
export class ParameterCollector {
  private readonly found = new Map<string, NamedParameter>();

  /** `text` with every single-brace placeholder turned into a `{{variable}}`. */
  singleBraces(text: string): string {
    return text.replace(SINGLE_BRACE, (whole, written: string) => {
      const name = parameterName(written);
      if (!this.found.has(name)) this.found.set(name, { name, value: '', from: 'single-brace', placeholder: whole });
      return `{{${name}}}`;
    });
  }

  /** A URL path (no query) with `:name` segments turned into `{{name}}`, keeping the values Postman saved. */
  pathVariables(path: string, saved: Readonly<Record<string, string>>): string {
    return path.replace(PATH_VARIABLE, (_whole, slash: string, name: string) => {
      if (!this.found.has(name)) this.found.set(name, { name, value: saved[name] ?? '', from: 'path-variable', placeholder: `:${name}` });
      return `${slash}{{${name}}}`;
    });
  }

  /** Every string of a JSON value, keys included, with single braces turned into variables. */
  json(value: unknown): unknown {
    if (typeof value === 'string') return this.singleBraces(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.singleBraces(key), this.json(item)]));
    }
    return value;
  }

  list(): NamedParameter[] {
    return [...this.found.values()];
  }
}

/** `{endpointId}` keeps its name; words with spaces become one camelCase name: `{Full name}` → fullName. */
export function parameterName(written: string): string {
  if (!/\s/.test(written)) return written;
  const words = written.split(/\s+/).filter((word) => word !== '');
  return words.map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())).join('');
}

const VARIABLE = /\{\{([^{}]+)\}\}/g;

/** The `{{variables}}` a text uses, each once, in order of appearance. */
export function variablesIn(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((match) => (match[1] as string).trim()))];
}

/** The `{{variables}}` anywhere in a JSON value, keys included. */
export function variablesInJson(value: unknown): string[] {
  if (typeof value === 'string') return variablesIn(value);
  if (Array.isArray(value)) return [...new Set(value.flatMap(variablesInJson))];
  if (value !== null && typeof value === 'object') {
    return [...new Set(Object.entries(value).flatMap(([key, item]) => [...variablesIn(key), ...variablesInJson(item)]))];
  }
  return [];
}

/** The `{{variables}}` a request uses in its URL, headers and body. Here, not in convert.ts, so the
 * exporter can use it without loading the importer (which loads the exporter's script helpers). */
export function variablesOf(request: NamedRequest): string[] {
  const body = request.body;
  const fromBody = !body
    ? []
    : body.mode === 'json'
      ? variablesInJson(body.json)
      : body.mode === 'urlencoded'
        ? variablesInJson(body.form)
        : variablesIn(body.raw);
  return [...new Set([...variablesIn(request.url), ...variablesInJson(request.headers ?? {}), ...fromBody])];
}

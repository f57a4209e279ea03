// The Postman collection format (v2.0 and v2.1) as far as import and export touch it. Documents
// arrive from other people's Postman apps, so every field is optional here and checked by the
// reader; the normalised shapes are what the rest of tools/postman works with. Input that is not
// this format gets PostmanInputError: one line naming the file and the item, so a broken export
// from someone else's Postman is fixed without reading this code.

import { UserError } from '../../harness/user-error';

export const COLLECTION_SCHEMA_V21 = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** The `info.schema` URLs the reader accepts, by version. Postman has used both hosts. */
export const KNOWN_SCHEMAS: Readonly<Record<string, '2.0' | '2.1'>> = {
  'https://schema.getpostman.com/json/collection/v2.0.0/collection.json': '2.0',
  'https://schema.postman.com/json/collection/v2.0.0/collection.json': '2.0',
  'https://schema.getpostman.com/json/collection/v2.1.0/collection.json': '2.1',
  'https://schema.postman.com/json/collection/v2.1.0/collection.json': '2.1',
};

export type PostmanDescription = string | { content?: string; type?: string } | null;

export interface PostmanKeyValue {
  key: string;
  value?: string;
  disabled?: boolean;
  description?: PostmanDescription;
  /** form-data parts: "text" or "file"; collection variables: "string", "secret", … */
  type?: string;
  /** The file of a form-data "file" part. */
  src?: string | string[] | null;
}

export interface PostmanUrlObject {
  raw?: string;
  protocol?: string;
  host?: string | string[];
  port?: string;
  path?: string | Array<string | { value?: string }>;
  query?: PostmanKeyValue[];
  hash?: string;
  /** Values of `:name` path variables. */
  variable?: PostmanKeyValue[];
}

export interface PostmanBody {
  mode?: string;
  raw?: string;
  urlencoded?: PostmanKeyValue[];
  formdata?: PostmanKeyValue[];
  file?: { src?: string | null };
  graphql?: { query?: string; variables?: string };
  options?: { raw?: { language?: string } };
  disabled?: boolean;
}

/** v2.1 keeps auth parameters as key/value lists; v2.0 as plain objects. */
export interface PostmanAuth {
  type: string;
  [parameters: string]: unknown;
}

export interface PostmanScript {
  exec?: string | string[];
  type?: string;
}

export interface PostmanEvent {
  listen: string;
  script?: PostmanScript;
  disabled?: boolean;
}

export interface PostmanRequest {
  method?: string;
  url?: string | PostmanUrlObject;
  header?: PostmanKeyValue[] | string;
  body?: PostmanBody | null;
  auth?: PostmanAuth | null;
  description?: PostmanDescription;
}

/** A saved example response. */
export interface PostmanExample {
  name?: string;
  code?: number;
  status?: string;
  header?: PostmanKeyValue[] | string | null;
  body?: string | null;
  _postman_previewlanguage?: string;
}

export interface PostmanItem {
  name?: string;
  description?: PostmanDescription;
  /** A folder has `item`; a request has `request`. */
  item?: PostmanItem[];
  request?: string | PostmanRequest;
  response?: PostmanExample[];
  event?: PostmanEvent[];
  auth?: PostmanAuth | null;
  variable?: PostmanKeyValue[];
}

export interface PostmanCollectionDocument {
  info: { _postman_id?: string; name: string; description?: PostmanDescription; schema: string };
  item: PostmanItem[];
  auth?: PostmanAuth | null;
  event?: PostmanEvent[];
  variable?: PostmanKeyValue[];
}

// ---- Normalised shapes: one form for both versions, produced by read-collection.ts.

export interface Auth {
  /** bearer, basic, apikey, noauth, oauth2, … */
  type: string;
  params: Record<string, string>;
}

export interface Scripts {
  prerequest: string[];
  test: string[];
}

export interface SourceUrl {
  /** The URL as Postman shows it, query string included. */
  raw: string;
  query: PostmanKeyValue[];
  /** Values of `:name` path variables, by name. */
  pathVariables: Record<string, string>;
}

export interface SourceExample {
  name: string;
  code: number | undefined;
  body: string;
  contentType: string | undefined;
  language: string | undefined;
}

export interface SourceRequest {
  name: string;
  /** The folders above the request, outermost first. */
  folders: string[];
  description?: string;
  method: string;
  url: SourceUrl;
  headers: PostmanKeyValue[];
  body?: PostmanBody;
  /** Undefined: inherit from the folder or collection, as Postman does. */
  auth?: Auth;
  /** The auth in force after inheritance, and where it came from (for notes). */
  effectiveAuth?: Auth;
  scripts: Scripts;
  examples: SourceExample[];
}

export interface SourceFolder {
  path: string[];
  description?: string;
  scripts: Scripts;
}

export interface SourceCollection {
  file: string;
  version: '2.0' | '2.1';
  name: string;
  description?: string;
  variables: PostmanKeyValue[];
  scripts: Scripts;
  folders: SourceFolder[];
  /** Every request, depth first, in Postman's order. */
  requests: SourceRequest[];
}

// ---- Bad input.

/** A user mistake (exit 2, no stack): bad input is the user's to fix. */
export class PostmanInputError extends UserError {
  constructor(
    readonly file: string,
    readonly problem: string,
    /** The item at fault, folders first ("Admin › Users › GET User"); undefined for the whole file. */
    readonly item?: string,
  ) {
    super(`${file}${item === undefined ? '' : `, item "${cut(item)}"`}: ${problem}`);
    this.name = 'PostmanInputError';
  }
}

/** How an item is named in messages: its folders and its own name, as Postman's sidebar nests them. */
export function itemLabel(folders: readonly string[], name: string): string {
  return [...folders, name].join(' › ');
}

/** A name from someone's file, short enough for a message. */
function cut(text: string, max = 120): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

/** A short rendering of a value for messages; long strings are cut, as they may hold anything. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

/**
 * `items` joined for a message, at most `max` of them, with how many were left out: a hostile file
 * with 60,000 bad items gets a message a person can read, not 600 KB of it.
 */
export function listWithin(items: readonly string[], max = 10, separator = ', '): string {
  if (items.length <= max) return items.join(separator);
  return `${items.slice(0, max).join(separator)}${separator}… and ${items.length - max} more`;
}

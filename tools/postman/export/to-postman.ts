// One harness collection as a Postman v2.1 collection: the same named requests, URLs with their
// {{variables}}, headers, bodies and auth (bearer {{access_token}} at collection level, as in
// Mitel's library; requests without auth say noauth), x-mitel-app on every request as the harness
// sends it, folders when the collection module lists them, and the scripts from test-script.ts.
import { createHash } from 'node:crypto';
import type { NamedRequest, RequestBody } from '../../../harness/client/named-request';
import { USER_VARIABLES } from '../../../harness/auth/users';
import {
  COLLECTION_SCHEMA_V21,
  type PostmanBody,
  type PostmanCollectionDocument,
  type PostmanEvent,
  type PostmanItem,
  type PostmanKeyValue,
  type PostmanUrlObject,
} from '../format';

import type { CollectionFolder } from '../../../harness/collections';

export interface ExportInput {
  name: string;
  description?: string;
  /** In run order. */
  requests: readonly NamedRequest[];
  folders?: readonly CollectionFolder[];
  variables: readonly PostmanKeyValue[];
  testScript: (request: NamedRequest) => string[];
  preRequestScript: (request: NamedRequest) => readonly string[];
  /** The scripts of the collection itself and of its folders, by folder path (an import kept them). */
  collectionScripts?: Scripts;
  folderScripts?: ReadonlyArray<Scripts & { path: readonly string[] }>;
}

/** A collection's or folder's own scripts, lines as Postman holds them. */
export interface Scripts {
  test: readonly string[];
  prerequest: readonly string[];
}

const LANGUAGES: Record<string, string> = {
  'application/json': 'json',
  'application/xml': 'xml',
  'text/html': 'html',
  'application/javascript': 'javascript',
  'text/plain': 'text',
};

export function toPostmanCollection(input: ExportInput): PostmanCollectionDocument {
  const items = input.requests.map((request) => toItem(request, input));
  const collectionEvents = eventsOf(input.collectionScripts);
  return {
    info: {
      // Derived from the name, so exporting twice gives the same file and Postman updates rather than duplicates.
      _postman_id: stableUuid(input.name),
      name: input.name,
      ...(input.description ? { description: input.description } : {}),
      schema: COLLECTION_SCHEMA_V21,
    },
    item: nest(items, input.folders ?? [], input.folderScripts ?? []),
    auth: { type: 'bearer', bearer: [{ key: 'token', value: `{{${USER_VARIABLES.primary.accessToken}}}`, type: 'string' }] },
    ...(collectionEvents.length > 0 ? { event: collectionEvents } : {}),
    variable: [...input.variables],
  };
}

function toItem(request: NamedRequest, input: ExportInput): PostmanItem {
  const event = eventsOf({ prerequest: input.preRequestScript(request), test: input.testScript(request) });
  const header: PostmanKeyValue[] = Object.entries(request.headers ?? {}).map(([key, value]) => ({ key, value, type: 'text' }));
  header.push({ key: 'x-mitel-app', value: '{{x-mitel-app}}', type: 'text' });
  const body = request.body ? toBody(request.body, header) : undefined;
  return {
    name: request.name,
    event,
    request: {
      method: request.method,
      header,
      ...(body ? { body } : {}),
      url: toUrl(request.url),
      ...authOf(request),
      ...(request.description ? { description: request.description } : {}),
    },
    response: [],
  };
}

function authOf(request: NamedRequest): { auth?: PostmanCollectionDocument['auth'] } {
  const user = request.auth ?? 'primary';
  if (user === 'primary') return {};
  if (user === 'none') return { auth: { type: 'noauth' } };
  return { auth: { type: 'bearer', bearer: [{ key: 'token', value: `{{${USER_VARIABLES[user].accessToken}}}`, type: 'string' }] } };
}

function toBody(body: RequestBody, header: PostmanKeyValue[]): PostmanBody {
  if (body.mode === 'json') return { mode: 'raw', raw: JSON.stringify(body.json, null, 2), options: { raw: { language: 'json' } } };
  if (body.mode === 'urlencoded') return { mode: 'urlencoded', urlencoded: Object.entries(body.form).map(([key, value]) => ({ key, value, type: 'text' })) };
  const language = LANGUAGES[body.contentType.split(';')[0]?.trim().toLowerCase() ?? ''];
  // Postman derives Content-Type from the language; any other type must be said explicitly.
  if (!language && !header.some((h) => h.key.toLowerCase() === 'content-type')) header.unshift({ key: 'Content-Type', value: body.contentType, type: 'text' });
  return { mode: 'raw', raw: body.raw, options: { raw: { language: language ?? 'text' } } };
}

/** Postman's URL object; `raw` is what the app shows and what Newman sends. */
function toUrl(url: string): PostmanUrlObject {
  const [base = '', query] = url.split(/\?(.*)/s);
  const [host = '', ...path] = base.split('/');
  const out: PostmanUrlObject = { raw: url, host: [host], path };
  if (query !== undefined) {
    out.query = query.split('&').map((pair) => {
      const at = pair.indexOf('=');
      return at < 0 ? { key: pair } : { key: pair.slice(0, at), value: pair.slice(at + 1) };
    });
  }
  return out;
}

/** A request's, folder's or collection's events: the prerequest script first, as Postman writes them. */
function eventsOf(scripts: Scripts | undefined): PostmanEvent[] {
  const events: PostmanEvent[] = [];
  if (scripts?.prerequest.length) events.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: [...scripts.prerequest] } });
  if (scripts?.test.length) events.push({ listen: 'test', script: { type: 'text/javascript', exec: [...scripts.test] } });
  return events;
}

/**
 * Folders from the collection module's `folders`; requests in no folder stay at the top, in order
 * (with no folders, the items as they are). A folder with scripts of its own gets them, and is
 * made even if no request is left in it.
 */
function nest(items: PostmanItem[], folders: readonly CollectionFolder[], folderScripts: ReadonlyArray<Scripts & { path: readonly string[] }>): PostmanItem[] {
  const root: PostmanItem[] = [];
  const byPath = new Map<string, PostmanItem>();
  const folderItem = (path: readonly string[]): PostmanItem => {
    const key = path.join('\u0000');
    let folder = byPath.get(key);
    if (!folder) {
      folder = { name: path[path.length - 1] as string, item: [] };
      byPath.set(key, folder);
      folderOf(path.slice(0, -1)).push(folder);
    }
    return folder;
  };
  const folderOf = (path: readonly string[]): PostmanItem[] => (path.length === 0 ? root : (folderItem(path).item as PostmanItem[]));
  for (const item of items) {
    const folder = folders.find((f) => f.requests.includes(item.name as string));
    folderOf(folder ? folder.path : []).push(item);
  }
  for (const scripts of folderScripts) {
    if (scripts.path.length === 0) continue;
    const events = eventsOf(scripts);
    if (events.length > 0) folderItem(scripts.path).event = events;
  }
  return root;
}

function stableUuid(name: string): string {
  const hex = createHash('sha256').update(`cloudlink-harness:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

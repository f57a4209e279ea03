// Reads a Postman collection export (format v2.0 or v2.1) into one normalised form: folders
// flattened to paths, auth inheritance applied, scripts as lines, example bodies as text. Anything
// that cannot be a collection stops here with one PostmanInputError naming the file and the item,
// so later steps can trust the shape.
import { readFileSync } from 'node:fs';
import { jsonSyntaxProblem } from '../../harness/env/json-position';
import {
  KNOWN_SCHEMAS,
  PostmanInputError,
  describeValue,
  itemLabel,
  type Auth,
  type PostmanAuth,
  type PostmanDescription,
  type PostmanEvent,
  type PostmanItem,
  type Scripts,
  type SourceCollection,
  type SourceRequest,
} from './format';
import { checkCollectionShape, checkReadableFile } from './limits';
import { keyValues, readExamples, readRequestParts } from './read-request';

export function readPostmanCollection(file: string): SourceCollection {
  checkReadableFile(file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new PostmanInputError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return parsePostmanCollection(text, file);
}

export function parsePostmanCollection(text: string, file: string): SourceCollection {
  const doc = parseJson(text.replace(/^\uFEFF/, ''), file);
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new PostmanInputError(file, `not a Postman collection: the file is ${describeValue(doc)}, not an object with "info" and "item"`);
  }
  const record = doc as Record<string, unknown>;
  if (record._postman_variable_scope !== undefined || (Array.isArray(record.values) && record.item === undefined)) {
    throw new PostmanInputError(file, 'this is a Postman environment export, not a collection; pass it with --environment');
  }
  if (Array.isArray(record.requests) && record.info === undefined) {
    throw new PostmanInputError(file, 'this is a Postman collection v1 export, which is not supported; in Postman, export it again as "Collection v2.1"');
  }
  const version = versionOf(record.info, file);
  const info = record.info as Record<string, unknown>;
  if (typeof info.name !== 'string' || info.name.trim() === '') {
    throw new PostmanInputError(file, `"info.name" must be a non-empty string, not ${describeValue(info.name)}`);
  }
  if (!Array.isArray(record.item)) throw new PostmanInputError(file, `"item" must be an array of requests and folders, not ${describeValue(record.item)}`);
  checkCollectionShape(record.item, file);

  const collectionAuth = record.auth === undefined || record.auth === null ? undefined : readAuth(record.auth, file, undefined);
  const out: SourceCollection = {
    file,
    version,
    name: info.name,
    description: descriptionOf(info.description as PostmanDescription | undefined),
    variables: keyValues(record.variable, file, undefined, 'variable'),
    scripts: scriptsOf(record.event, file, undefined),
    folders: [],
    requests: [],
  };
  walk(record.item as unknown[], [], collectionAuth, out);
  refuseDuplicateNames(out.requests, file);
  return out;
}

function walk(items: unknown[], folders: string[], inherited: Auth | undefined, out: SourceCollection): void {
  items.forEach((entry, index) => {
    const where = folders.length ? itemLabel(folders, `item[${index}]`) : `item[${index}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new PostmanInputError(out.file, `must be a request or a folder, not ${describeValue(entry)}`, where);
    }
    const item = entry as PostmanItem;
    if (typeof item.name !== 'string' || item.name.trim() === '') {
      throw new PostmanInputError(out.file, `"name" must be a non-empty string, not ${describeValue(item.name)}`, where);
    }
    const label = itemLabel(folders, item.name);
    if (Array.isArray(item.item)) {
      const path = [...folders, item.name];
      const auth = item.auth === undefined || item.auth === null ? inherited : readAuth(item.auth, out.file, label);
      out.folders.push({ path, description: descriptionOf(item.description), scripts: scriptsOf(item.event, out.file, label) });
      walk(item.item, path, auth, out);
      return;
    }
    if (item.request === undefined || item.request === null) {
      throw new PostmanInputError(out.file, 'is neither a request (no "request") nor a folder (no "item" array)', label);
    }
    out.requests.push(readRequest(item, folders, inherited, out.file, label));
  });
}

function readRequest(item: PostmanItem, folders: string[], inherited: Auth | undefined, file: string, label: string): SourceRequest {
  const request = typeof item.request === 'string' ? { url: item.request } : item.request;
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    throw new PostmanInputError(file, `"request" must be an object or a URL string, not ${describeValue(request)}`, label);
  }
  const own = request.auth === undefined || request.auth === null ? undefined : readAuth(request.auth, file, label);
  const auth = own?.type === 'inherit' ? undefined : own;
  return {
    name: item.name as string,
    folders,
    description: descriptionOf(request.description) ?? descriptionOf(item.description),
    ...readRequestParts(request, file, label),
    auth,
    effectiveAuth: auth ?? inherited,
    scripts: scriptsOf(item.event, file, label),
    examples: readExamples(item.response, file, label),
  };
}

function versionOf(info: unknown, file: string): '2.0' | '2.1' {
  if (info === null || typeof info !== 'object' || Array.isArray(info)) {
    throw new PostmanInputError(file, 'not a Postman collection: there is no "info" object (a collection export has "info" and "item")');
  }
  const schema = (info as Record<string, unknown>).schema;
  if (typeof schema !== 'string') throw new PostmanInputError(file, `not a Postman collection: "info.schema" is ${describeValue(schema)}`);
  const version = KNOWN_SCHEMAS[schema];
  if (version) return version;
  const named = /collection\/(v[\d.]+)\//.exec(schema)?.[1];
  throw new PostmanInputError(
    file,
    `unknown collection format ${named ?? JSON.stringify(schema)}: this importer reads v2.0.0 and v2.1.0; in Postman, export it again as "Collection v2.1"`,
  );
}

/** v2.1 writes `bearer: [{key: "token", value}]`, v2.0 `bearer: {token}`; both become one map. */
export function readAuth(value: unknown, file: string, label: string | undefined): Auth {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || typeof (value as PostmanAuth).type !== 'string') {
    throw new PostmanInputError(file, `"auth" must be an object with a "type", not ${describeValue(value)}`, label);
  }
  const auth = value as PostmanAuth;
  const raw = auth[auth.type];
  const params: Record<string, string> = {};
  if (Array.isArray(raw)) {
    for (const entry of raw as Array<{ key?: unknown; value?: unknown }>) {
      if (entry && typeof entry.key === 'string') params[entry.key] = entry.value === undefined || entry.value === null ? '' : String(entry.value);
    }
  } else if (raw !== null && typeof raw === 'object') {
    for (const [key, entry] of Object.entries(raw)) params[key] = entry === undefined || entry === null ? '' : String(entry);
  }
  return { type: auth.type, params };
}

export function descriptionOf(value: PostmanDescription | undefined): string | undefined {
  const text = typeof value === 'string' ? value : value && typeof value === 'object' ? value.content : undefined;
  return text && text.trim() !== '' ? text.trim() : undefined;
}

function scriptsOf(events: unknown, file: string, label: string | undefined): Scripts {
  const scripts: Scripts = { prerequest: [], test: [] };
  if (events === undefined || events === null) return scripts;
  if (!Array.isArray(events)) throw new PostmanInputError(file, `"event" must be an array, not ${describeValue(events)}`, label);
  for (const event of events as PostmanEvent[]) {
    if (!event || event.disabled || (event.listen !== 'prerequest' && event.listen !== 'test')) continue;
    const exec = event.script?.exec;
    const lines = Array.isArray(exec) ? exec.flatMap((line) => String(line).split(/\r?\n/)) : typeof exec === 'string' ? exec.split(/\r?\n/) : [];
    scripts[event.listen].push(...lines);
  }
  return scripts;
}

function refuseDuplicateNames(requests: SourceRequest[], file: string): void {
  const seen = new Map<string, SourceRequest>();
  for (const request of requests) {
    const first = seen.get(request.name);
    if (first) {
      throw new PostmanInputError(
        file,
        `has the same name as "${itemLabel(first.folders, first.name)}"; the harness finds requests by name, so rename one of them in Postman`,
        itemLabel(request.folders, request.name),
      );
    }
    seen.set(request.name, request);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new PostmanInputError(file, `not JSON: ${jsonSyntaxProblem(text)}`);
  }
}

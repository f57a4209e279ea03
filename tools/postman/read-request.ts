// The request half of reading a collection: method, URL, headers, body and saved examples of one
// item, in the one form both format versions share. A URL arrives as a string or as Postman's
// object (host and path lists, a query list that keeps disabled parameters, `:name` variables).
import {
  PostmanInputError,
  describeValue,
  type PostmanBody,
  type PostmanExample,
  type PostmanKeyValue,
  type PostmanRequest,
  type PostmanUrlObject,
  type SourceExample,
  type SourceUrl,
} from './format';

export interface RequestParts {
  method: string;
  url: SourceUrl;
  headers: PostmanKeyValue[];
  body?: PostmanBody;
}

export function readRequestParts(request: PostmanRequest, file: string, label: string): RequestParts {
  const method = request.method === undefined ? 'GET' : request.method;
  if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method)) {
    throw new PostmanInputError(file, `"request.method" must be an HTTP method, not ${describeValue(method)}`, label);
  }
  const body = request.body;
  if (body !== undefined && body !== null && (typeof body !== 'object' || Array.isArray(body))) {
    throw new PostmanInputError(file, `"request.body" must be an object, not ${describeValue(body)}`, label);
  }
  return {
    method: method.toUpperCase(),
    url: readUrl(request.url, file, label),
    headers: readHeaders(request.header, file, label),
    body: body && !body.disabled && body.mode && body.mode !== 'none' ? body : undefined,
  };
}

function readUrl(url: PostmanRequest['url'], file: string, label: string): SourceUrl {
  if (typeof url === 'string') return { raw: url, query: queryOf(url), pathVariables: {} };
  if (url === null || typeof url !== 'object' || Array.isArray(url)) {
    throw new PostmanInputError(file, `"request.url" must be a string or a URL object, not ${describeValue(url)}`, label);
  }
  const object = url as PostmanUrlObject;
  const raw = typeof object.raw === 'string' ? object.raw : rawFromParts(object);
  if (raw.trim() === '') throw new PostmanInputError(file, 'the request has no URL', label);
  // The query list holds disabled parameters too, which `raw` leaves out: it is the fuller record.
  const query = object.query === undefined ? queryOf(raw) : keyValues(object.query, file, label, 'url.query');
  const pathVariables: Record<string, string> = {};
  for (const variable of keyValues(object.variable, file, label, 'url.variable')) pathVariables[variable.key] = variable.value ?? '';
  return { raw, query, pathVariables };
}

function rawFromParts(url: PostmanUrlObject): string {
  const host = Array.isArray(url.host) ? url.host.join('.') : (url.host ?? '');
  const segments = Array.isArray(url.path) ? url.path.map((part) => (typeof part === 'string' ? part : (part.value ?? ''))) : url.path ? [url.path] : [];
  const origin = `${url.protocol ? `${url.protocol}://` : ''}${host}${url.port ? `:${url.port}` : ''}`;
  return [origin, ...segments].join('/');
}

/** The parameters written in a URL's query string, all enabled. */
function queryOf(raw: string): PostmanKeyValue[] {
  const at = raw.indexOf('?');
  if (at < 0) return [];
  return raw
    .slice(at + 1)
    .split('#')[0]!
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? { key: pair, value: '' } : { key: pair.slice(0, equals), value: pair.slice(equals + 1) };
    });
}

/** v2.0 may write headers as one "Name: value" text; both forms become a list. */
function readHeaders(header: PostmanRequest['header'], file: string, label: string): PostmanKeyValue[] {
  if (typeof header === 'string') {
    return header
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('//'))
      .map((line) => {
        const colon = line.indexOf(':');
        return colon < 0 ? { key: line, value: '' } : { key: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
      });
  }
  return keyValues(header, file, label, 'request.header');
}

export function readExamples(responses: unknown, file: string, label: string): SourceExample[] {
  if (responses === undefined || responses === null) return [];
  if (!Array.isArray(responses)) throw new PostmanInputError(file, `"response" (the saved examples) must be an array, not ${describeValue(responses)}`, label);
  return (responses as PostmanExample[]).map((example, index) => {
    if (example === null || typeof example !== 'object') {
      throw new PostmanInputError(file, `response[${index}] must be a saved example object, not ${describeValue(example)}`, label);
    }
    const headers = Array.isArray(example.header) ? example.header : [];
    const contentType = headers.find((h) => typeof h?.key === 'string' && h.key.toLowerCase() === 'content-type')?.value;
    return {
      name: typeof example.name === 'string' ? example.name : `example ${index + 1}`,
      code: typeof example.code === 'number' ? example.code : undefined,
      body: typeof example.body === 'string' ? example.body : '',
      contentType: typeof contentType === 'string' ? contentType : undefined,
      language: example._postman_previewlanguage,
    };
  });
}

export function keyValues(value: unknown, file: string, label: string | undefined, field: string): PostmanKeyValue[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new PostmanInputError(file, `"${field}" must be an array, not ${describeValue(value)}`, label);
  return value.map((entry, index) => {
    const kv = entry as Record<string, unknown> | null;
    if (kv === null || typeof kv !== 'object' || typeof kv.key !== 'string') {
      throw new PostmanInputError(file, `${field}[${index}] must be an object with a string "key", not ${describeValue(entry)}`, label);
    }
    // Postman's app writes numbers and booleans for some values; they are sent as text.
    const text = kv.value === undefined || kv.value === null ? '' : typeof kv.value === 'object' ? JSON.stringify(kv.value) : String(kv.value);
    return { ...(kv as unknown as PostmanKeyValue), value: text };
  });
}

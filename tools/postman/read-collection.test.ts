// Reading Postman exports: both format versions land in one shape, auth inheritance is applied,
// and every kind of bad input stops with one message that names the file and, where one is at
// fault, the item.
import path from 'node:path';
import { COLLECTION_SCHEMA_V21, PostmanInputError } from './format';
import { parsePostmanCollection, readPostmanCollection } from './read-collection';

const FIXTURES = path.join(__dirname, '__fixtures__');
const FILE = 'Broken.postman_collection.json';

function errorOf(doc: unknown): PostmanInputError {
  try {
    parsePostmanCollection(typeof doc === 'string' ? doc : JSON.stringify(doc), FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(PostmanInputError);
    return error as PostmanInputError;
  }
  throw new Error('expected the collection to be refused');
}

const collection = (item: unknown[], extra: Record<string, unknown> = {}) => ({ info: { name: 'C', schema: COLLECTION_SCHEMA_V21 }, item, ...extra });
const get = (name: string, url = '{{auth_url}}/token') => ({ name, request: { method: 'GET', url } });

describe('readPostmanCollection: the Mitel-shaped v2.1 sample', () => {
  const source = readPostmanCollection(path.join(FIXTURES, 'cloudlink-library.postman_collection.json'));
  const request = (name: string) => source.requests.find((r) => r.name === name);

  it('flattens folders to paths, in Postman order', () => {
    expect(source.version).toBe('2.1');
    expect(source.requests.map((r) => [r.folders.join('/'), r.name])).toEqual([
      ['Authentication', 'POST Token'],
      ['Authentication', 'GET Token'],
      ['Admin/Users', 'GET User'],
      ['Admin/Users', 'PUT User'],
      ['Admin/Users', 'PATCH User Flags'],
      ['Admin/Users', 'POST User Avatar'],
      ['Media', 'POST Make Call'],
      ['Media', 'PUT Note'],
      ['Media', 'POST Search'],
      ['Media', 'DELETE Call'],
      ['', 'GET Health'],
    ]);
    expect(source.folders.map((f) => f.path.join('/'))).toEqual(['Authentication', 'Admin', 'Admin/Users', 'Media']);
  });

  it('applies auth inheritance: request, then the nearest folder, then the collection', () => {
    expect(request('POST Token')?.effectiveAuth?.type).toBe('noauth');
    expect(request('GET Token')?.effectiveAuth).toEqual({ type: 'bearer', params: { token: '{{access_token}}' } });
    expect(request('GET User')?.effectiveAuth?.type).toBe('bearer');
    expect(request('POST Make Call')?.effectiveAuth).toEqual({ type: 'basic', params: { username: '{{username}}', password: '{{password}}' } });
    expect(request('DELETE Call')?.effectiveAuth?.type).toBe('apikey');
  });

  it('keeps disabled query parameters and path variable values, and reads a request given as a bare URL', () => {
    expect(request('GET User')?.url.query).toEqual([
      { key: '$expand', value: 'tags' },
      { key: '$top', value: '10', disabled: true },
    ]);
    expect(request('GET User')?.url.pathVariables).toEqual({ userId: '1234' });
    expect(request('GET Health')).toMatchObject({ method: 'GET', url: { raw: '{{auth_url}}/health' } });
  });
});

describe('readPostmanCollection: a v2.0 export', () => {
  const source = readPostmanCollection(path.join(FIXTURES, 'legacy-v2.0.postman_collection.json'));

  it('reads object-style auth, string headers, string URLs and object descriptions', () => {
    expect(source.version).toBe('2.0');
    expect(source.description).toBe('Written by an older Postman.');
    const [apps, application] = source.requests;
    expect(apps?.effectiveAuth).toEqual({ type: 'bearer', params: { token: '{{access_token}}' } });
    expect(apps?.headers).toEqual([
      { key: 'Accept', value: 'application/json' },
      { key: 'X-Trace', value: 'on' },
    ]);
    expect(apps?.url.query).toEqual([{ key: '$top', value: '5' }]);
    expect(apps?.scripts.test).toHaveLength(2);
    expect(application?.effectiveAuth).toEqual({ type: 'basic', params: { username: '{{username}}', password: '{{password}}' } });
  });
});

describe('readPostmanCollection: bad input', () => {
  it('says where a file stops being JSON', () => {
    expect(errorOf('{"info": {"name": "C",\n  "schema": }').message).toBe(`${FILE}: not JSON: unexpected "}" at line 2, column 13`);
  });

  it('recognises an environment passed as the collection', () => {
    expect(errorOf({ name: 'CloudLink', values: [], _postman_variable_scope: 'environment' }).message).toBe(
      `${FILE}: this is a Postman environment export, not a collection; pass it with --environment`,
    );
  });

  it('refuses a document that is not a collection, a v1 export and an unknown format version', () => {
    expect(errorOf([1, 2]).message).toContain('not a Postman collection: the file is an array');
    expect(errorOf({ item: [] }).message).toContain('there is no "info" object');
    expect(errorOf({ id: 'x', name: 'Old', requests: [], order: [] }).message).toContain('collection v1 export, which is not supported');
    const v3 = { info: { name: 'C', schema: 'https://schema.getpostman.com/json/collection/v3.0.0/collection.json' }, item: [] };
    expect(errorOf(v3).message).toBe(
      `${FILE}: unknown collection format v3.0.0: this importer reads v2.0.0 and v2.1.0; in Postman, export it again as "Collection v2.1"`,
    );
  });

  it('names the item, with its folders, when a request is malformed', () => {
    const error = errorOf(collection([{ name: 'Users', item: [{ name: 'GET User' }] }]));
    expect(error.item).toBe('Users › GET User');
    expect(error.message).toBe(`${FILE}, item "Users › GET User": is neither a request (no "request") nor a folder (no "item" array)`);
    expect(errorOf(collection([{ name: 'X', request: { method: 'GET', url: 42 } }])).message).toContain(
      'item "X": "request.url" must be a string or a URL object, not the number 42',
    );
    expect(errorOf(collection([{ request: { url: 'u' } }])).message).toContain('item "item[0]": "name" must be a non-empty string');
  });

  it('refuses two requests with one name, naming both', () => {
    const error = errorOf(collection([get('GET Token'), { name: 'Again', item: [get('GET Token')] }]));
    expect(error.message).toBe(
      `${FILE}, item "Again › GET Token": has the same name as "GET Token"; the harness finds requests by name, so rename one of them in Postman`,
    );
  });
});

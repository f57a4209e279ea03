// `npm run import` on a collection shaped like Mitel's CloudLink library, into a throwaway root:
// what is written, how every part of a Postman request is carried over, and the generated code
// (the collection module is loaded back and must equal what the importer meant to write).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import ts from 'typescript';
import type { Collection } from '../../harness/client/named-request';
import { discoverCollections } from '../../harness/collections';
import { checkAgainstMetaSchema } from '../../harness/schema/registry';
import { importPostman, type ImportResult } from './import';
import { ParameterCollector } from './import/parameters';
import { formatImportReport } from './report';

const FIXTURES = path.join(__dirname, '__fixtures__');
const COLLECTION = path.join(FIXTURES, 'cloudlink-library.postman_collection.json');
const ENVIRONMENT = path.join(FIXTURES, 'CloudLink.postman_environment.json');
const roots: string[] = [];

/** Just enough of the fixture's shape to reach the saved examples of Admin › Users › GET User. */
interface LibraryFixture {
  item: Array<{ item: Array<{ item: Array<{ response: Array<{ code: number; body: string }> }> }> }>;
}

function freshRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-import-'));
  roots.push(root);
  return root;
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('importPostman: the Mitel-shaped sample with its environment', () => {
  const root = freshRoot();
  const result: ImportResult = importPostman({ collectionFile: COLLECTION, environmentFile: ENVIRONMENT, rootDir: root, name: 'library' });
  const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
  const byName = (name: string) => result.requests.find((r) => r.request.name === name)!;

  it('writes the environment, the collection module, the suite and the inferred schemas, and nothing else', () => {
    expect(result.files).toEqual([
      'environments/cloudlink.postman_environment.json',
      'suites/library/collection.ts',
      'suites/library/library.test.ts',
      'schemas/library/post-token-201.schema.json',
      'schemas/library/get-user-200.schema.json',
      'schemas/library/get-user-404.schema.json',
    ]);
  });

  it('copies no secret: each becomes a blank secret entry and a .env name', () => {
    const environment = JSON.parse(read('environments/cloudlink.postman_environment.json')) as { values: Array<{ key: string; value: string; type: string }> };
    const value = (key: string) => environment.values.find((v) => v.key === key);
    expect(value('username')).toMatchObject({ value: 'ada@example.com', type: 'default' });
    expect(value('count')).toMatchObject({ value: '3', type: 'default' });
    for (const key of ['password', 'access_token', 'sessionKey', 'clientSecret', 'basic_auth', 'api_key'])
      expect(value(key)).toMatchObject({ value: '', type: 'secret' });
    expect(value('oldValue')).toBeUndefined();
    expect(result.environment?.secrets.map((s) => `${s.key}=${s.envName}`)).toEqual([
      'password=CLOUDLINK_PASSWORD',
      'access_token=CLOUDLINK_ACCESS_TOKEN',
      'sessionKey=CLOUDLINK_SESSIONKEY',
      'clientSecret=CLOUDLINK_CLIENTSECRET',
      'basic_auth=CLOUDLINK_BASIC_AUTH',
      'api_key=CLOUDLINK_API_KEY',
    ]);
    const text = read('environments/cloudlink.postman_environment.json');
    for (const secret of ['hunter2-not-real', 'do-not-copy-me', 'literal-key-123', 'eyJhbGciOiJIUzI1NiJ9']) expect(text).not.toContain(secret);
    expect(read('suites/library/collection.ts')).not.toContain('literal-key-123');
  });

  it('generates a collection module that loads back to exactly the imported requests, folders included', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module written by this test
    const module = require(path.join(root, 'suites/library/collection.ts')) as { library: Collection; folders: unknown };
    expect(Object.values(module.library.requests)).toEqual(result.requests.map((r) => r.request));
    expect(module.folders).toEqual([
      { path: ['Authentication'], requests: ['POST Token', 'GET Token'] },
      { path: ['Admin', 'Users'], requests: ['GET User', 'PUT User', 'PATCH User Flags', 'POST User Avatar'] },
      { path: ['Media'], requests: ['POST Make Call', 'PUT Note', 'POST Search', 'DELETE Call'] },
    ]);
  });

  it('is found as imported by the collection registry, so the sandbox conformance tests leave it to its own suite', () => {
    expect(discoverCollections(root).map(({ collection, imported }) => [collection.api, imported])).toEqual([['library', true]]);
  });

  it('carries every body mode, headers, path variables and query parameters, keeping disabled ones as comments', () => {
    expect(byName('POST Token').request.body).toEqual({
      mode: 'urlencoded',
      form: { grant_type: 'password', username: '{{username}}', password: '{{password}}', account_id: '{{PartnerPrimeAccountId}}' },
    });
    expect(byName('GET User').request).toMatchObject({
      url: '{{admin_url}}/accounts/{{accountId}}/users/{{userId}}?$expand=tags',
      headers: { Accept: 'application/json' },
    });
    expect(byName('GET User').disabled).toEqual(['header X-Debug: 1', 'query $top=10']);
    expect(byName('PUT User').request.body).toEqual({ mode: 'json', json: { name: '{{Name}}', email: '{{email}}' } });
    expect(byName('PATCH User Flags').request.body).toEqual({ mode: 'raw', raw: '{ "count": {{count}} }', contentType: 'application/json' });
    expect(byName('POST User Avatar').request.body).toMatchObject({ mode: 'raw', contentType: expect.stringMatching(/^multipart\/form-data; boundary=/) });
    expect(byName('POST User Avatar').notes).toEqual([
      expect.stringContaining('form-data part "avatar" is a file'),
      expect.stringContaining('no saved example and no harness request for this route: it declares 200 or 201 with the generic _shared/resource schema'),
    ]);
    expect(byName('PUT Note').request.body).toEqual({ mode: 'raw', raw: 'Call back {{Destination}} tomorrow', contentType: 'text/plain' });
    expect(byName('POST Search').request.body).toEqual({
      mode: 'json',
      json: { query: 'query { calls(first: {{count}}) { callId } }', variables: { state: 'ringing' } },
    });
    expect(byName('GET Health').request.body).toBeUndefined();
    expect(read('suites/library/collection.ts')).toContain('// Disabled in Postman, so not sent: query $top=10');
  });

  it('inherits auth as Postman does: bearer {{access_token}} is the harness token, other schemes become headers', () => {
    expect(byName('GET Token').request.auth).toBeUndefined();
    expect(byName('GET User').request.auth).toBeUndefined();
    expect(byName('POST Token').request.auth).toBe('none');
    expect(byName('POST Make Call').request).toMatchObject({ auth: 'none', headers: { authorization: 'Basic {{basic_auth}}' } });
    expect(byName('DELETE Call').request).toMatchObject({ auth: 'none', headers: { 'x-api-key': '{{api_key}}' } });
  });

  it('turns single braces and :path variables into named parameters and lists them', () => {
    expect(byName('POST Make Call').request).toMatchObject({ url: '{{media_url}}/endpoints/{{endpointId}}/calls', body: { json: { to: '{{Destination}}' } } });
    expect(byName('POST Make Call').parameters.map((p) => p.name)).toEqual(['Destination', 'endpointId']);
    expect(byName('GET User').parameters).toEqual([{ name: 'userId', value: '1234', from: 'path-variable', placeholder: ':userId' }]);
    expect(formatImportReport(result)).toContain('POST Make Call: Destination ({Destination} in Postman), endpointId ({endpointId} in Postman)');
  });

  it('translates statuses, checks and captures, applies the collection-level script, and lists the rest', () => {
    expect(byName('POST Token')).toMatchObject({ expected: [201], captures: [{ variable: 'access_token' }, { variable: 'refresh_token' }] });
    expect(byName('GET Token')).toMatchObject({ expected: [200], captures: [{ variable: 'userId', source: { kind: 'body', path: ['userId'] } }] });
    expect(byName('GET User').checks).toEqual([
      { kind: 'time-below', ms: 2000 },
      { kind: 'type', path: ['name'], type: 'string' },
      { kind: 'above', path: ['tags', 'length'], value: 0 },
    ]);
    const report = formatImportReport(result);
    expect(report).toContain('Script lines not translated (3; kept as comments in the suite):');
    expect(report).toContain('GET User, test line 7: postman.setNextRequest("PUT User");');
    expect(report).toContain('POST Make Call, prerequest line 1: pm.environment.set("timestamp", Date.now());');
    const suite = read('suites/library/library.test.ts');
    expect(suite).toContain('// Untranslated (test script line 8): console.log("logged in");');
    expect(suite).toContain("capture('userId', pick(res.body, ['userId']));");
    expect(suite).toContain("expect(res.body).toMatchSchema('library/get-user-200');");
  });

  it('writes a suite that is valid TypeScript', () => {
    const { diagnostics = [] } = ts.transpileModule(read('suites/library/library.test.ts'), {
      reportDiagnostics: true,
      compilerOptions: { module: ts.ModuleKind.CommonJS },
    });
    expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  });

  it("infers schemas from saved examples that keep the project's house rules and accept those examples", () => {
    const schema = JSON.parse(read('schemas/library/get-user-200.schema.json')) as Record<string, unknown>;
    expect(checkAgainstMetaSchema(schema)).toEqual([]);
    expect(schema).toMatchObject({ $id: 'library/get-user-200', title: 'LibraryGETUser200', type: 'object', required: ['userId', 'name', 'tags', 'active'] });
    expect((schema.properties as Record<string, unknown>).score).toEqual({ type: 'number', description: 'The score field, as the saved examples show it.' });
    expect(byName('GET User').request.responses).toEqual({ 200: 'library/get-user-200', 404: 'library/get-user-404' });
    const examples = (JSON.parse(readFileSync(COLLECTION, 'utf8')) as LibraryFixture).item[1]!.item[0]!.item[0]!.response;
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    for (const example of examples.filter((e) => e.code === 200)) expect(validate(JSON.parse(example.body))).toBe(true);
  });

  it('refuses to overwrite an earlier import unless forced', () => {
    expect(() => importPostman({ collectionFile: COLLECTION, environmentFile: ENVIRONMENT, rootDir: root, name: 'library' })).toThrow(
      /would overwrite environments\/cloudlink\.postman_environment\.json, suites\/library\/collection\.ts, .*pass --force/,
    );
    expect(importPostman({ collectionFile: COLLECTION, environmentFile: ENVIRONMENT, rootDir: root, name: 'library', force: true }).files).toHaveLength(6);
  });
});

describe('importPostman: bad input', () => {
  it('names the file, the items and the variable when a variable is used but never defined', () => {
    expect(() => importPostman({ collectionFile: COLLECTION, rootDir: freshRoot() })).toThrow(
      `${COLLECTION}, item "Authentication › POST Token": {{PartnerPrimeAccountId}} (used by "Authentication › POST Token"), ` +
        '{{email}} (used by "Admin › Users › PUT User") are used but never defined',
    );
  });

  it('names a method the harness cannot send', () => {
    const root = freshRoot();
    const file = path.join(root, 'head.json');
    const doc = {
      info: { name: 'H', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'HEAD Token', request: { method: 'HEAD', url: '{{auth_url}}/token' } }],
    };
    writeFileSync(file, JSON.stringify(doc));
    expect(() => importPostman({ collectionFile: file, rootDir: root })).toThrow(
      `${file}, item "HEAD Token": method HEAD is not one the harness sends (GET, POST, PUT, PATCH, DELETE)`,
    );
  });

  it("passes a broken environment export to the harness's own environment parser, which names the file", () => {
    const root = freshRoot();
    const file = path.join(root, 'bad.postman_environment.json');
    writeFileSync(file, '{"name": "x", "values": [{"value": "no key"}]}');
    expect(() => importPostman({ collectionFile: COLLECTION, environmentFile: file, rootDir: root })).toThrow(
      /bad\.postman_environment\.json[\s\S]*values\[0\] has no "key"/,
    );
  });
});

describe('importPostman: a v2.0 export without environment', () => {
  it('imports it, turning basic auth into a secret header and the legacy capture into a capture', () => {
    const result = importPostman({ collectionFile: path.join(FIXTURES, 'legacy-v2.0.postman_collection.json'), rootDir: freshRoot() });
    expect(result.version).toBe('2.0');
    expect(result.requests.map((r) => r.request.name)).toEqual(['GET Apps', 'GET Application', 'POST Note']);
    expect(result.requests[0]).toMatchObject({
      expected: [200],
      captures: [{ variable: 'applicationId', source: { path: ['_embedded', 'items', 0, 'applicationId'] } }],
    });
    expect(result.requests[2]?.request.body).toEqual({ mode: 'raw', raw: '<note>hello</note>', contentType: 'application/xml' });
    expect(result.environment?.secrets).toEqual([expect.objectContaining({ key: 'basic_auth', envName: 'CLOUDLINK_BASIC_AUTH' })]);
  });
});

describe('ParameterCollector: {single braces} wherever Mitel writes them', () => {
  it('takes words with spaces as one camelCase name, and leaves the braces of JSON and GraphQL alone', () => {
    const params = new ParameterCollector();

    expect(params.singleBraces('{"name": "{Full name}", "deviceId": "{Webhook URL}"}')).toBe('{"name": "{{fullName}}", "deviceId": "{{webhookUrl}}"}');
    expect(params.singleBraces('Bearer {Application GUID}')).toBe('Bearer {{applicationGuid}}');
    expect(params.singleBraces('query { calls { callId } }')).toBe('query { calls { callId } }');
    expect(params.singleBraces('{{already}} and { spaced }')).toBe('{{already}} and { spaced }');
    expect(params.list().map((p) => [p.name, p.placeholder])).toEqual([
      ['fullName', '{Full name}'],
      ['webhookUrl', '{Webhook URL}'],
      ['applicationGuid', '{Application GUID}'],
    ]);
  });
});

// The export on a small collection built from the project's real schemas and token requests: the
// run order, where each variable comes from, the scripts, the inlined schemas and the environment
// with its secrets blank. (scripts/postman.e2e.test.ts runs the real collections in Newman.)
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { tokenRequests } from '../../harness/auth/token-requests';
import { defineCollection } from '../../harness/client/named-request';
import { exportCollection } from './export';
import { exportEnvironment } from './environment';
import { inlineSchema } from './export/inline-schema';
import type { PostmanItem } from './format';
import { formatExportReport } from './report';

const shop = defineCollection({
  name: 'Shop',
  api: 'shop',
  requests: {
    'GET Apps': { method: 'GET', url: '{{auth_url}}/apps', responses: { 200: 'authentication/application-collection', 401: '_shared/error' } },
    'POST Conversation': {
      method: 'POST',
      url: '{{chat_url}}/conversations',
      body: { mode: 'json', json: { name: '{{conversationName}}' } },
      responses: { 201: 'conversations/conversation', 400: '_shared/error' },
    },
    'DELETE Conversation': { method: 'DELETE', url: '{{chat_url}}/conversations/{{conversationId}}', responses: { 200: 'conversations/conversation' } },
    'GET Conversation': { method: 'GET', url: '{{chat_url}}/conversations/{{conversationId}}', responses: { 200: 'conversations/conversation' } },
    'GET Application': { method: 'GET', url: '{{auth_url}}/applications/{{applicationId}}', auth: 'none', responses: { 200: 'authentication/application' } },
    'GET Unknown Path': { method: 'GET', url: '{{auth_url}}/tokens', responses: { 403: '_shared/gateway-error' } },
    'POST Authorize': tokenRequests['POST Authorize'],
  },
});
const ENVIRONMENT_KEYS = new Set(['auth_url', 'chat_url', 'username', 'password', 'accountId', 'client_id', 'redirect_uri', 'access_token', 'refresh_token']);
const exported = exportCollection({ collection: shop }, ENVIRONMENT_KEYS);
const items = exported.document.item as PostmanItem[];
const item = (name: string) => items.find((i) => i.name === name)!;
const script = (name: string, listen = 'test') => ([item(name).event?.find((e) => e.listen === listen)?.script?.exec ?? []].flat() as string[]).join('\n');

describe('exportCollection: run order and variables', () => {
  it('puts token setup first and deletions last', () => {
    expect(items.map((i) => i.name)).toEqual([
      'POST Token',
      'GET Apps',
      'POST Conversation',
      'GET Conversation',
      'GET Application',
      'GET Unknown Path',
      'POST Authorize',
      'DELETE Conversation',
    ]);
    expect(exported.addedTokenSetup).toBe(true);
  });

  it('captures ids from the answers that issue them, and leaves inputs to the user', () => {
    expect(exported.captured).toEqual([
      { variable: 'conversationId', from: 'POST Conversation' },
      { variable: 'applicationId', from: 'GET Apps' },
    ]);
    expect(exported.fillIn).toEqual([{ variable: 'conversationName', usedBy: ['POST Conversation'] }]);
    expect(exported.document.variable?.map((v) => [v.key, v.description])).toEqual([
      ['conversationName', 'Fill in before running: used by "POST Conversation".'],
      ['conversationId', 'Captured from the answer of "POST Conversation".'],
      ['applicationId', 'Captured from the answer of "GET Apps".'],
      ['code_challenge', 'Set by the pre-request script of "POST Authorize" (a fresh PKCE pair per run).'],
    ]);
  });
});

describe('exportCollection: requests and scripts', () => {
  it('keeps method, URL, body and auth: bearer {{access_token}} for the collection, noauth where the harness sends none', () => {
    expect(exported.document.auth).toEqual({ type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }] });
    expect(item('POST Conversation').request).toMatchObject({
      method: 'POST',
      url: { raw: '{{chat_url}}/conversations', host: ['{{chat_url}}'], path: ['conversations'] },
      body: { mode: 'raw', raw: JSON.stringify({ name: '{{conversationName}}' }, null, 2), options: { raw: { language: 'json' } } },
      header: [{ key: 'x-mitel-app', value: '{{x-mitel-app}}', type: 'text' }],
    });
    expect(item('POST Conversation').request).not.toHaveProperty('auth');
    expect(item('GET Application').request).toMatchObject({ auth: { type: 'noauth' } });
    expect(item('POST Token').request).toMatchObject({ auth: { type: 'noauth' }, body: { mode: 'urlencoded' } });
  });

  it("stores the tokens from POST Token in the environment, as Mitel's library does", () => {
    expect(script('POST Token')).toContain('pm.response.to.have.status(201);');
    expect(script('POST Token')).toContain('pm.environment.set("access_token", jsonData.access_token);');
    expect(script('POST Token')).toContain('pm.environment.set("refresh_token", jsonData.refresh_token);');
  });

  it('checks the expected status and the schema of whatever status came back, and stores captures after a success', () => {
    const text = script('GET Apps');
    expect(text).toContain('const schemaByStatus = {"200":"authentication/application-collection","401":"_shared/error"};');
    expect(text).toContain('pm.response.to.have.jsonSchema(schema);');
    expect(text).toContain('if (pm.response.code === 200) {');
    expect(text).toContain('pm.collectionVariables.set("applicationId", jsonData._embedded.items[0]?.applicationId);');
    expect(script('GET Unknown Path')).toContain('pm.response.to.have.status(403);');
    expect(script('POST Authorize', 'prerequest')).toContain('pm.collectionVariables.set("code_challenge", challenge);');
  });
});

describe('inlineSchema', () => {
  it('resolves every $ref, across files and inside one, so the schema stands alone', () => {
    const schema = inlineSchema('conversations/conversation-collection');
    const text = JSON.stringify(schema);
    expect(text).not.toContain('"$ref"');
    expect(text).not.toContain('"$id"');
    const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
    expect(validate({ _embedded: { items: [{}] } })).toBe(false);
    // "count" and "_links" come from _shared/hal-collection, "conversationId" from conversations/conversation.
    const missing = (validate.errors ?? []).filter((e) => e.keyword === 'required').map((e) => `${e.instancePath} ${String(e.params.missingProperty)}`);
    expect(missing).toEqual(expect.arrayContaining([' count', ' _links', '/_embedded/items/0 conversationId']));
  });
});

describe('exportEnvironment', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-export-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("exports the file's values and the harness's variables, every secret blank", () => {
    mkdirSync(path.join(root, 'environments'));
    const values = [
      { key: 'auth_url', value: 'https://authentication.api.mitel.io/2017-09-01', type: 'default', enabled: true },
      { key: 'password', value: 'not-for-postman', type: 'default', enabled: true },
      { key: 'apiKey', value: 'also-secret', type: 'secret', enabled: true },
    ];
    writeFileSync(path.join(root, 'environments', 'prod.postman_environment.json'), JSON.stringify({ name: 'prod', values }));
    const { document, blanked } = exportEnvironment('prod', root);
    expect(blanked).toEqual(['password', 'apiKey']);
    expect(JSON.stringify(document)).not.toMatch(/not-for-postman|also-secret/);
    expect(document.values.find((v) => v.key === 'auth_url')?.value).toBe('https://authentication.api.mitel.io/2017-09-01');
    expect(document.values.find((v) => v.key === 'refresh_token')).toEqual({ key: 'refresh_token', value: '', type: 'secret', enabled: true });
  });
});

describe('exportCollection: what an import recorded comes back as Postman tests', () => {
  const registration = defineCollection({
    name: 'Registration',
    api: 'registration',
    requests: {
      'Auth Token': {
        method: 'POST',
        url: '{{auth_url}}/token',
        auth: 'none',
        body: { mode: 'urlencoded', form: { grant_type: 'password', username: '{{username}}', password: '{{password}}' } },
        responses: {},
      },
      'Create User': { method: 'POST', url: '{{admin_url}}/users', responses: {} },
      Ping: { method: 'GET', url: '{{admin_url}}/ping', responses: {} },
    },
  });
  const records = new Map([
    [
      'Auth Token',
      {
        statuses: [201],
        checks: [{ kind: 'equals' as const, path: ['token_type'], value: 'bearer' }],
        captures: [{ variable: 'access_token', paths: [['access_token']], scope: 'environment' as const }],
      },
    ],
    ['Create User', { statuses: [], checks: [], captures: [{ variable: 'userId', paths: [['userId'], ['id']], scope: 'collectionVariables' as const }] }],
  ]);
  const result = exportCollection({ collection: registration }, ENVIRONMENT_KEYS, records);
  const named = (name: string) =>
    (
      [(result.document.item as PostmanItem[]).find((i) => i.name === name)?.event?.find((e) => e.listen === 'test')?.script?.exec ?? []].flat() as string[]
    ).join('\n');

  it('takes "Auth Token" as the token setup, storing the token as its script did, instead of adding "POST Token"', () => {
    expect(result.addedTokenSetup).toBe(false);
    expect(named('Auth Token')).toContain('pm.environment.set("access_token", jsonData.access_token);');
    expect(named('Auth Token')).toContain('pm.expect(jsonData.token_type).to.eql("bearer");');
  });

  it('asserts a 2xx where the scripts named no status, and captures the id where the answer has it', () => {
    expect(named('Create User')).toContain('pm.response.to.be.success;');
    expect(named('Create User')).toContain('pm.collectionVariables.set("userId", jsonData.userId !== undefined ? jsonData.userId : jsonData.id);');
    expect(result.captured).toEqual([{ variable: 'userId', from: 'Create User' }]);
  });

  it('flags a request left with no assertion, in the result and in the report', () => {
    const plain = exportCollection({ collection: registration }, ENVIRONMENT_KEYS);

    expect(plain.unasserted).toEqual(['Auth Token', 'Create User', 'Ping']);
    expect(result.unasserted).toEqual(['Ping']);
    const report = formatExportReport(
      {
        files: [],
        collections: [result],
        environment: { stem: 'sandbox', document: { name: 'sandbox', values: [], _postman_variable_scope: 'environment' }, blanked: [] },
      },
      '/',
    );
    expect(report).toContain('NO ASSERTION (a Newman run passes these whatever they answer): "Ping"');
  });
});

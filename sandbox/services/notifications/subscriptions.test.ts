// Subscriptions: what POST answers and refuses, and who may list, read and delete them.
import { MAIN_ACCOUNT_ID } from '../../seed';
import { bearer, login, testSandbox, type TestSandbox } from '../../test-support';

const NOTIFY = '/notifications/2017-09-01';

/** S-NOTIF's subscription body, its webhook pointed at this machine. */
const sampleBody = {
  applicationId: '6f1c1b0e-6b0a-4bb4-9a9e-2f1d3c4b5a69',
  deviceId: 'http://127.0.0.1:9/hook',
  transport: 'webhook',
  topic: 'platform-api-media',
  subjectFilter: '/2017-09-01/endpoints/',
  publicationFilter: "$.publications[?(@.content.state == 'ringing')]",
};

let sandbox: TestSandbox;
const tokens: Record<string, string> = {};
beforeEach(async () => {
  sandbox = await testSandbox();
  for (const key of ['primary', 'second'] as const) tokens[key] = (await login(sandbox, key)).access_token;
});
afterEach(() => sandbox.close());

function call(method: string, path: string, who: string, body?: unknown) {
  const headers: Record<string, string> = { ...bearer(tokens[who] ?? '') };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return sandbox.send({ method, url: `${NOTIFY}${path}`, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
}

describe('POST /subscriptions', () => {
  it('answers 201 with a 32-hex subscriptionId and the subscription as sent', async () => {
    const response = await call('POST', '/subscriptions', 'primary', sampleBody);
    expect(response.statusCode).toBe(201);
    const body = response.json<{ subscriptionId: string }>();
    expect(body.subscriptionId).toMatch(/^[0-9a-f]{32}$/);
    expect(body).toMatchObject({
      ...sampleBody,
      accountId: MAIN_ACCOUNT_ID,
      principalId: sandbox.user('primary').userId,
      createdOn: '2025-01-15T12:00:00.000Z',
      _links: { self: `${NOTIFY}/subscriptions/${body.subscriptionId}` },
    });
  });

  it('links a websocket subscription to its socket, with no URL needed', async () => {
    const response = await call('POST', '/subscriptions', 'primary', { transport: 'websocket', topic: 'platform-api-conversations' });
    const body = response.json<{ subscriptionId: string; subjectFilter: string }>();
    expect(response.statusCode).toBe(201);
    expect(body).toMatchObject({ subjectFilter: '', _links: { socket: `${NOTIFY}/subscriptions/${body.subscriptionId}/socket` } });
  });

  it.each([
    ['no topic', { topic: undefined }, 'MissingParamInRequest', 'topic'],
    ['no transport', { transport: undefined }, 'MissingParamInRequest', 'transport'],
    ['an unknown transport', { transport: 'mqtt' }, 'InvalidRequest', 'transport'],
    ['a webhook without applicationId', { applicationId: undefined }, 'MissingParamInRequest', 'applicationId'],
    ['a webhook without deviceId', { deviceId: undefined }, 'MissingParamInRequest', 'deviceId'],
    ['an unknown method', { method: 'PATCH' }, 'InvalidRequest', 'method'],
    ['a numeric subjectFilter', { subjectFilter: 7 }, 'InvalidRequest', 'subjectFilter'],
    ['recursive descent', { publicationFilter: '$..state' }, 'InvalidRequest', 'recursive descent'],
    ['a single "="', { publicationFilter: "$.publications[?(@.content.state = 'ringing')]" }, 'InvalidRequest', 'position'],
    ['a filter nested 33 deep', { publicationFilter: `$.publications[?${'('.repeat(33)}@.a${')'.repeat(33)}]` }, 'InvalidRequest', 'deeper than 32'],
    ['a filter over 1000 characters', { publicationFilter: `$.publications[?(@.a == '${'x'.repeat(1000)}')]` }, 'InvalidRequest', '1000'],
  ])('refuses %s', async (_label, overrides, name, mentions) => {
    const response = await call('POST', '/subscriptions', 'primary', { ...sampleBody, ...overrides });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ name, message: expect.stringContaining(mentions) });
  });

  it.each([
    'https://webhook.site/abc',
    'http://10.0.0.1/hook',
    'http://169.254.169.254/latest',
    'http://[::ffff:7f00:1]/hook',
    'ftp://127.0.0.1/hook',
    'http://user:pw@127.0.0.1/hook',
    'http://localhost.example.com/hook',
    'not a url',
  ])('refuses the webhook URL %s: loopback only', async (deviceId) => {
    const response = await call('POST', '/subscriptions', 'primary', { ...sampleBody, deviceId });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'InvalidRequest', message: expect.stringContaining('loopback') });
  });

  it.each(['http://localhost:8080/hook', 'https://127.9.8.7/hook', 'http://[::1]:3000/', 'http://2130706433/hook'])(
    'accepts the loopback webhook URL %s',
    async (deviceId) => {
      expect((await call('POST', '/subscriptions', 'primary', { ...sampleBody, deviceId })).statusCode).toBe(201);
    },
  );

  it('answers 401 without a token and 400 without a body', async () => {
    const anonymous = await sandbox.send({ method: 'POST', url: `${NOTIFY}/subscriptions`, headers: { 'content-type': 'application/json' }, payload: '{}' });
    const empty = await call('POST', '/subscriptions', 'primary');
    expect([anonymous.statusCode, empty.statusCode, empty.json().name]).toEqual([401, 400, 'MissingParamInRequest']);
  });
});

describe('GET and DELETE /subscriptions', () => {
  it('lists the caller’s own subscriptions as a HAL collection and pages them', async () => {
    const first = (await call('POST', '/subscriptions', 'primary', sampleBody)).json<{ subscriptionId: string }>();
    const second = (await call('POST', '/subscriptions', 'primary', { ...sampleBody, topic: 'platform-api-conversations' })).json<{ subscriptionId: string }>();
    await call('POST', '/subscriptions', 'second', sampleBody);

    const all = (await call('GET', '/subscriptions', 'primary')).json<{ count: number; _embedded: { items: Array<{ subscriptionId: string }> } }>();
    expect(all._embedded.items.map((s) => s.subscriptionId)).toEqual([first.subscriptionId, second.subscriptionId]);
    const page = (await call('GET', '/subscriptions?$top=1', 'primary')).json<{ count: number; _links: { next?: string } }>();
    expect(page).toMatchObject({ count: 1, _links: { next: `${NOTIFY}/subscriptions?$skip=1&$top=1` } });
    const filtered = await call('GET', `/subscriptions?$filter=${encodeURIComponent("topic eq 'platform-api-conversations'")}`, 'primary');
    expect(filtered.json<{ _embedded: { items: Array<{ subscriptionId: string }> } }>()._embedded.items.map((s) => s.subscriptionId)).toEqual([
      second.subscriptionId,
    ]);
  });

  it('reads and deletes one; afterwards it is 404', async () => {
    const { subscriptionId } = (await call('POST', '/subscriptions', 'primary', sampleBody)).json<{ subscriptionId: string }>();
    expect((await call('GET', `/subscriptions/${subscriptionId}`, 'primary')).json()).toMatchObject({ subscriptionId, topic: 'platform-api-media' });
    const deleted = await call('DELETE', `/subscriptions/${subscriptionId}`, 'primary');
    expect([deleted.statusCode, deleted.json().subscriptionId]).toEqual([200, subscriptionId]);
    const gone = await call('GET', `/subscriptions/${subscriptionId}`, 'primary');
    expect([gone.statusCode, gone.json().name]).toEqual([404, 'SubscriptionNotFound']);
  });

  it('hides another user’s subscription behind 404, for reading and deleting', async () => {
    const { subscriptionId } = (await call('POST', '/subscriptions', 'primary', sampleBody)).json<{ subscriptionId: string }>();
    const read = await call('GET', `/subscriptions/${subscriptionId}`, 'second');
    const removed = await call('DELETE', `/subscriptions/${subscriptionId}`, 'second');
    expect([read.statusCode, removed.statusCode]).toEqual([404, 404]);
    expect((await call('GET', `/subscriptions/${subscriptionId}`, 'primary')).statusCode).toBe(200);
  });
});

// The public entry: a real sandbox on 127.0.0.1, reached over HTTP the way the harness reaches it.
import { startSandbox, toPostmanEnvironment, type RunningSandbox } from './index';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('startSandbox', () => {
  it('listens on an ephemeral loopback port with one prefix per service', () => {
    expect(sandbox.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sandbox.origin).not.toMatch(/:0$/);
    expect(sandbox.urls).toEqual({
      auth_url: `${sandbox.origin}/authentication/2017-09-01`,
      admin_url: `${sandbox.origin}/admin/2017-09-01`,
      media_url: `${sandbox.origin}/media/2017-09-01`,
      chat_url: `${sandbox.origin}/chat/2017-09-01`,
      notifications_url: `${sandbox.origin}/notifications/2017-09-01`,
    });
  });

  it('publishes the four seeded users and the OIDC client', () => {
    const { credentials } = sandbox;
    expect(credentials.users.map((user) => [user.key, user.role])).toEqual([
      ['primary', 'ACCOUNT_ADMIN'],
      ['second', 'USER'],
      ['user', 'USER'],
      ['partner', 'PARTNER_ADMIN'],
    ]);
    expect(credentials.accountNumber).toMatch(/^\d+$/);
    expect(credentials.client.redirect_uri).toBe('http://127.0.0.1/callback');
  });

  it('logs the published primary user in over real HTTP and answers who-am-I', async () => {
    const primary = sandbox.credentials.users.find((user) => user.key === 'primary');
    const token = await fetch(`${sandbox.urls.auth_url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: primary?.username ?? '', password: primary?.password ?? '' }),
    });
    expect(token.status).toBe(201);
    const { access_token } = (await token.json()) as { access_token: string };
    const claims = await fetch(`${sandbox.urls.auth_url}/token`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(claims.status).toBe(200);
    expect(((await claims.json()) as { accountId: string }).accountId).toBe(sandbox.credentials.accountId);
  });

  it('answers the gateway 403 on a path no service routes', async () => {
    const response = await fetch(`${sandbox.urls.chat_url}/not-a-route`);
    expect(response.status).toBe(403);
    expect(response.headers.get('x-mitel-correlation-id')).toBeTruthy();
  });

  it('can be closed twice', async () => {
    const extra = await startSandbox();
    await extra.close();
    await expect(extra.close()).resolves.toBeUndefined();
    await expect(fetch(`${extra.urls.auth_url}/token`)).rejects.toThrow();
  });
});

describe('toPostmanEnvironment', () => {
  it('describes the running instance with the keys the harness and Postman expect', () => {
    const environment = toPostmanEnvironment(sandbox);
    const values = Object.fromEntries(environment.values.map((variable) => [variable.key, variable.value]));
    expect(environment).toMatchObject({ name: 'CloudLink sandbox (running)', _postman_variable_scope: 'environment' });
    expect(Object.keys(values)).toEqual([
      'username',
      'password',
      'username2',
      'password2',
      'accountId',
      'x-mitel-app',
      'auth_url',
      'admin_url',
      'media_url',
      'chat_url',
      'notifications_url',
      'client_id',
      'client_secret',
      'redirect_uri',
      'switchboard_address',
      'switchboard_key',
      'access_token',
      'refresh_token',
    ]);
    expect(values).toMatchObject({
      username2: 'sam.second@example.com',
      auth_url: sandbox.urls.auth_url,
      'x-mitel-app': 'app=cloudlink-harness-sandbox/0.1.0;platform=node;session=sandbox',
      access_token: '',
    });
    const secrets = environment.values.filter((variable) => variable.type === 'secret').map((variable) => variable.key);
    expect(secrets).toEqual(['password', 'password2', 'client_secret', 'switchboard_key', 'access_token', 'refresh_token']);
    expect(environment.values.every((variable) => variable.enabled)).toBe(true);
  });
});

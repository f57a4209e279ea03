// POST /token grant_type=client_credentials, with the secret in the body or a Basic header.
import { INACTIVE_CLIENT_ID, MAIN_ACCOUNT_ID } from '../../seed';
import { AUTH, decodeJwt, postForm, postJson, testSandbox, type TestSandbox, type TokenBody } from '../../test-support';

let sandbox: TestSandbox;
let client: { client_id: string; client_secret: string };
beforeEach(async () => {
  sandbox = await testSandbox();
  const seeded = sandbox.state.applications.values().next().value;
  client = { client_id: seeded?.applicationId ?? '', client_secret: seeded?.clientSecret ?? '' };
});
afterEach(() => sandbox.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('POST /token grant_type=client_credentials', () => {
  it('answers 201 with a client token when id and secret are in the body', async () => {
    const response = await postForm(sandbox, '/token', { grant_type: 'client_credentials', ...client });
    expect(response.statusCode).toBe(201);
    const claims = decodeJwt(response.json<TokenBody>().access_token);
    expect(claims).toMatchObject({ principalId: client.client_id, clientId: client.client_id, accountId: MAIN_ACCOUNT_ID, role: 'USER' });
    expect(decodeJwt(response.json<TokenBody>().refresh_token)).toMatchObject({ type: 'client', id: client.client_id });
  });

  it('accepts a JSON body too', async () => {
    const response = await postJson(sandbox, '/token', { grant_type: 'client_credentials', ...client });
    expect(response.statusCode).toBe(201);
  });

  it('accepts the credentials in an HTTP Basic header', async () => {
    const response = await postForm(
      sandbox,
      '/token',
      { grant_type: 'client_credentials' },
      {
        authorization: basic(client.client_id, client.client_secret),
      },
    );
    expect(response.statusCode).toBe(201);
  });

  it('rejects a wrong secret with 401 ClientSecretMismatch, in the body or the header', async () => {
    const inBody = await postForm(sandbox, '/token', { grant_type: 'client_credentials', client_id: client.client_id, client_secret: 'x' });
    const inHeader = await postForm(sandbox, '/token', { grant_type: 'client_credentials' }, { authorization: basic(client.client_id, 'x') });
    for (const response of [inBody, inHeader]) {
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ name: 'ClientSecretMismatch' });
    }
  });

  it('rejects an unknown client id with the same 401', async () => {
    const response = await postForm(sandbox, '/token', { grant_type: 'client_credentials', client_id: 'nobody', client_secret: 'x' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ name: 'ClientSecretMismatch' });
  });

  it('rejects an inactive client with 401 ClientNotActive', async () => {
    const inactive = sandbox.state.applications.get(INACTIVE_CLIENT_ID);
    const response = await postForm(sandbox, '/token', {
      grant_type: 'client_credentials',
      client_id: INACTIVE_CLIENT_ID,
      client_secret: inactive?.clientSecret ?? '',
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ name: 'ClientNotActive' });
  });

  it('answers 400 MissingParameters without a secret', async () => {
    const response = await postForm(sandbox, '/token', { grant_type: 'client_credentials', client_id: client.client_id });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MissingParameters' });
  });

  it('refuses anonymous-user fields loudly instead of ignoring them', async () => {
    const response = await postForm(sandbox, '/token', { grant_type: 'client_credentials', ...client, principalId: 'guest-1' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'InvalidPrincipals' });
  });

  it('gives a token that opens GET /token and a refresh token that refreshes', async () => {
    const body = (await postForm(sandbox, '/token', { grant_type: 'client_credentials', ...client })).json<TokenBody>();
    const claims = await sandbox.send({ method: 'GET', url: `${AUTH}/token`, headers: { authorization: body.access_token } });
    expect(claims.json()).toMatchObject({ principalId: client.client_id });
    const refreshed = await postForm(sandbox, '/token', { grant_type: 'refresh_token', refresh_token: body.refresh_token });
    expect(refreshed.statusCode).toBe(201);
  });
});

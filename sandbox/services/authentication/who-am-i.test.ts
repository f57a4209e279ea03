// GET /token: the caller's claims, and the 401s of the bearer check every resource route shares.
import { CLAIMS_AUDIENCE } from './token-routes';
import { AUTH, login, testSandbox, type TestSandbox } from '../../test-support';

let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await testSandbox();
});
afterEach(() => sandbox.close());

const whoAmI = (authorization?: string) => sandbox.send({ method: 'GET', url: `${AUTH}/token`, headers: authorization === undefined ? {} : { authorization } });

describe('GET /token', () => {
  it('answers 200 with every claim as a string, plus integrationLatency 0 and aud', async () => {
    const { access_token } = await login(sandbox, 'primary');
    const response = await whoAmI(`Bearer ${access_token}`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      principalId: sandbox.user('primary').userId,
      role: 'ACCOUNT_ADMIN',
      emailVerified: 'true',
      mobileVerified: 'false',
      exp: expect.stringMatching(/^\d+$/),
      iat: expect.stringMatching(/^\d+$/),
      extension: '2001',
      loginId: 'alex.admin',
      aud: CLAIMS_AUDIENCE,
      integrationLatency: 0,
    });
    const nonStrings = Object.entries(body).filter(([name, value]) => typeof value !== 'string' && name !== 'integrationLatency');
    expect(nonStrings).toEqual([]);
  });

  it('accepts the bare token without "Bearer", as Mitel’s samples send it', async () => {
    const { access_token } = await login(sandbox, 'primary');
    const response = await whoAmI(access_token);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ userId: sandbox.user('primary').userId });
  });

  it('accepts the scheme in any case', async () => {
    const { access_token } = await login(sandbox, 'second');
    expect((await whoAmI(`bearer ${access_token}`)).statusCode).toBe(200);
  });

  it('answers 401 MissingAuthToken without an Authorization header', async () => {
    const response = await whoAmI();
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ name: 'MissingAuthToken', message: expect.any(String) });
  });

  it('answers 401 AuthenticationFailure for an expired access token', async () => {
    const { access_token } = await login(sandbox, 'primary');
    sandbox.advance(3599);
    expect((await whoAmI(`Bearer ${access_token}`)).statusCode).toBe(200);
    sandbox.advance(1);
    const response = await whoAmI(`Bearer ${access_token}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({ name: 'AuthenticationFailure', message: 'The access token has expired.' });
  });

  it('answers 401 AuthenticationFailure for a tampered token', async () => {
    const { access_token } = await login(sandbox, 'user');
    const [head, body, signature] = access_token.split('.');
    const claims = JSON.parse(Buffer.from(body ?? '', 'base64url').toString());
    const elevated = Buffer.from(JSON.stringify({ ...claims, role: 'GLOBAL_ADMIN' })).toString('base64url');
    const response = await whoAmI(`Bearer ${head}.${elevated}.${signature}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ name: 'AuthenticationFailure' });
  });

  it('answers 401 when a refresh token is used as an access token', async () => {
    const { refresh_token } = await login(sandbox, 'primary');
    const response = await whoAmI(`Bearer ${refresh_token}`);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ message: 'The token is not an access token.' });
  });

  it('answers 401 AuthenticationFailure for another scheme', async () => {
    const response = await whoAmI('Basic dXNlcjpwYXNz');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ name: 'AuthenticationFailure' });
  });
});

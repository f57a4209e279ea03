// POST /token with grant_type=password, and the endpoint's request-level errors.
import { MAIN_ACCOUNT_ID, OTHER_ACCOUNT_ID } from '../../seed';
import { decodeJwt, postForm, postJson, testSandbox, type TestSandbox, type TokenBody } from '../../test-support';

let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await testSandbox();
});
afterEach(() => sandbox.close());

const passwordFields = (key: 'primary' | 'user', extra: Record<string, string> = {}) => ({
  grant_type: 'password',
  username: sandbox.user(key).username,
  password: sandbox.user(key).password,
  ...extra,
});

describe('POST /token grant_type=password', () => {
  it('answers 201 (not 200) with a bearer token pair from a form body', async () => {
    const response = await postForm(sandbox, '/token', passwordFields('primary'));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({
      token_type: 'bearer',
      expires_in: 3600,
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      scope: 'read write',
    });
  });

  it('accepts the same fields as JSON, as Mitel’s samples send them', async () => {
    const response = await postJson(sandbox, '/token', passwordFields('primary'));
    expect(response.statusCode).toBe(201);
  });

  it('issues an access token with the claims CloudLink’s sample token has', async () => {
    const primary = sandbox.user('primary');
    const body = (await postForm(sandbox, '/token', passwordFields('primary'))).json<TokenBody>();
    const claims = decodeJwt(body.access_token);
    expect(Object.keys(claims)).toEqual([
      'uniqueUserId',
      'principalId',
      'accountId',
      'partnerId',
      'domain',
      'email',
      'emailVerified',
      'extensionVerified',
      'languageCode',
      'mobileVerified',
      'name',
      'phoneVerified',
      'role',
      'userId',
      'sipAddress',
      'iss',
      'iat',
      'exp',
    ]);
    expect(claims).toMatchObject({
      principalId: primary.userId,
      accountId: MAIN_ACCOUNT_ID,
      role: 'ACCOUNT_ADMIN',
      emailVerified: true,
      domain: `${MAIN_ACCOUNT_ID}.sandbox.invalid`,
      sipAddress: `${primary.userId}@${MAIN_ACCOUNT_ID}.sandbox.invalid`,
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
  });

  it('issues a refresh token with type "user", the user id and a 14-day lifetime', async () => {
    const body = (await postForm(sandbox, '/token', passwordFields('primary'))).json<TokenBody>();
    const claims = decodeJwt(body.refresh_token);
    expect(claims).toEqual({
      accountId: MAIN_ACCOUNT_ID,
      iss: expect.any(String),
      type: 'user',
      id: sandbox.user('primary').userId,
      assumedRole: 'ACCOUNT_ADMIN',
      authProvider: 'cloudlink',
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(14 * 24 * 3600);
  });

  it('honours configured lifetimes in expires_in and exp', async () => {
    const short = await testSandbox({ accessTokenTtlSeconds: 120 });
    const body = (await postForm(short, '/token', passwordFields('primary'))).json<TokenBody>();
    await short.close();
    const claims = decodeJwt(body.access_token);
    expect(body.expires_in).toBe(120);
    expect((claims.exp as number) - (claims.iat as number)).toBe(120);
  });

  it.each([
    ['loginId', 'alex.admin'],
    ['mobile', '+15550100001'],
    ['userId', '0f1e2d3c-4b5a-4697-8877-665544332211'],
    ['email in another case', 'ALEX.Admin@Example.com'],
  ])('matches the username against %s', async (_what, username) => {
    const response = await postForm(sandbox, '/token', { ...passwordFields('primary'), username });
    expect(response.statusCode).toBe(201);
  });

  it('treats grant_type case-insensitively ("Password" as in the forum thread)', async () => {
    const response = await postForm(sandbox, '/token', { ...passwordFields('primary'), grant_type: 'Password' });
    expect(response.statusCode).toBe(201);
  });

  it('rejects a wrong password with 401 InvalidLoginCredentials', async () => {
    const response = await postForm(sandbox, '/token', { ...passwordFields('primary'), password: 'nope' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ name: 'InvalidLoginCredentials' });
  });

  it('rejects an unknown username with the same 401', async () => {
    const response = await postForm(sandbox, '/token', { ...passwordFields('primary'), username: 'nobody@example.com' });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ name: 'InvalidLoginCredentials' });
  });

  it('rejects a missing password with 400 MissingParameters', async () => {
    const response = await postForm(sandbox, '/token', { grant_type: 'password', username: 'alex.admin@example.com' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MissingParameters', message: expect.stringContaining('password') });
  });

  it('rejects an unsupported scope with 400 InvalidScope and echoes a supported one', async () => {
    const bad = await postForm(sandbox, '/token', passwordFields('primary', { scope: 'openid admin' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ name: 'InvalidScope' });
    const good = await postForm(sandbox, '/token', passwordFields('primary', { scope: 'openid profile' }));
    expect(good.json()).toMatchObject({ scope: 'openid profile' });
  });

  it('refuses a deactivated user with 403 UserNotActive', async () => {
    const record = sandbox.state.users.find((user) => user.key === 'primary');
    if (record) record.active = false;
    const response = await postForm(sandbox, '/token', passwordFields('primary'));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ name: 'UserNotActive' });
  });
});

describe('a username present in two accounts', () => {
  it('answers 409 MultipleMatching with labels naming the accounts', async () => {
    const response = await postForm(sandbox, '/token', passwordFields('user'));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({
      name: 'MultipleMatching',
      message: expect.any(String),
      labels: ['CloudLink Sandbox', 'CloudLink Sandbox (other account)'],
    });
  });

  it.each([
    ['the accountId GUID', MAIN_ACCOUNT_ID],
    ['the numeric accountNumber', '100200300'],
  ])('logs into the right account when account_id is %s', async (_what, accountId) => {
    const response = await postForm(sandbox, '/token', passwordFields('user', { account_id: accountId }));
    expect(response.statusCode).toBe(201);
    expect(decodeJwt(response.json<TokenBody>().access_token)).toMatchObject({
      accountId: MAIN_ACCOUNT_ID,
      userId: sandbox.user('user').userId,
    });
  });

  it('checks the password of the user in the chosen account', async () => {
    const response = await postForm(sandbox, '/token', passwordFields('user', { account_id: OTHER_ACCOUNT_ID }));
    expect(response.statusCode).toBe(401);
    const other = await postForm(sandbox, '/token', {
      ...passwordFields('user', { account_id: '100200399' }),
      password: 'Sandbox-Other-5!',
    });
    expect(decodeJwt(other.json<TokenBody>().access_token)).toMatchObject({ accountId: OTHER_ACCOUNT_ID });
  });

  it('answers 404 AccountNotFound for an account_id that names no account', async () => {
    const response = await postForm(sandbox, '/token', passwordFields('user', { account_id: '999' }));
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ name: 'AccountNotFound' });
  });
});

describe('POST /token request errors', () => {
  it('answers an empty body with 400 MissingBodyInRequest', async () => {
    const response = await sandbox.send({ method: 'POST', url: '/authentication/2017-09-01/token' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MissingBodyInRequest' });
  });

  it('answers an empty JSON object the same way', async () => {
    const response = await postJson(sandbox, '/token', {});
    expect(response.json()).toMatchObject({ name: 'MissingBodyInRequest' });
  });

  it('answers a body without grant_type with 400 MissingParameters', async () => {
    const response = await postForm(sandbox, '/token', { username: 'a', password: 'b' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MissingParameters', message: expect.stringContaining('grant_type') });
  });

  it.each(['implicit', 'constructor', 'urn:ietf:params:oauth:grant-type:token-exchange'])(
    'answers grant_type=%s with 400 InvalidGrantType',
    async (grantType) => {
      const response = await postForm(sandbox, '/token', { grant_type: grantType });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ name: 'InvalidGrantType' });
    },
  );
});

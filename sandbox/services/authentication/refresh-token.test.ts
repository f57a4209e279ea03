// POST /token grant_type=refresh_token: rotation, expiry and the tokens it must refuse.
import { signJwt } from '../../platform/jwt';
import { decodeJwt, login, postForm, testSandbox, type TestSandbox, type TokenBody } from '../../test-support';

let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await testSandbox();
});
afterEach(() => sandbox.close());

const refresh = (fields: Record<string, string>) => postForm(sandbox, '/token', { grant_type: 'refresh_token', ...fields });

describe('POST /token grant_type=refresh_token', () => {
  it('answers 201 with a fresh pair for the same user', async () => {
    const first = await login(sandbox, 'primary');
    sandbox.advance(60);
    const response = await refresh({ refresh_token: first.refresh_token });
    expect(response.statusCode).toBe(201);
    const next = response.json<TokenBody>();
    expect(next.access_token).not.toBe(first.access_token);
    expect(decodeJwt(next.access_token)).toMatchObject({ userId: sandbox.user('primary').userId });
  });

  it('accepts the deprecated `token` field', async () => {
    const { refresh_token } = await login(sandbox, 'primary');
    const response = await refresh({ token: refresh_token });
    expect(response.statusCode).toBe(201);
  });

  it('rotates the refresh token but keeps the old one valid (parallel workers share it)', async () => {
    const first = await login(sandbox, 'primary');
    sandbox.advance(5);
    const second = (await refresh({ refresh_token: first.refresh_token })).json<TokenBody>();
    expect(second.refresh_token).not.toBe(first.refresh_token);
    sandbox.advance(5);
    expect((await refresh({ refresh_token: first.refresh_token })).statusCode).toBe(201);
    expect((await refresh({ refresh_token: second.refresh_token })).statusCode).toBe(201);
  });

  it('refuses an expired refresh token with 401', async () => {
    const { refresh_token } = await login(sandbox, 'primary');
    sandbox.advance(14 * 24 * 3600);
    const response = await refresh({ refresh_token });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ message: expect.stringContaining('expired') });
  });

  it('refuses garbage with 401', async () => {
    const response = await refresh({ refresh_token: 'not-a-token' });
    expect(response.statusCode).toBe(401);
  });

  it('refuses an access token presented as a refresh token with 401', async () => {
    const { access_token } = await login(sandbox, 'primary');
    const response = await refresh({ refresh_token: access_token });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ message: expect.stringContaining('not a refresh token') });
  });

  it('refuses a refresh token signed by another sandbox instance with 401', async () => {
    const other = await testSandbox();
    const foreign = await login(other, 'primary');
    await other.close();
    expect((await refresh({ refresh_token: foreign.refresh_token })).statusCode).toBe(401);
  });

  it('refuses a well-signed refresh token of an unknown kind with 401', async () => {
    const forged = signJwt({ type: 'robot', id: 'x', authProvider: 'cloudlink', exp: 4_102_444_800 }, sandbox.state.signingKey);
    expect((await refresh({ refresh_token: forged })).statusCode).toBe(401);
  });

  it('answers 403 UserNotActive when the user was deactivated since login', async () => {
    const { refresh_token } = await login(sandbox, 'primary');
    const record = sandbox.state.users.find((user) => user.key === 'primary');
    if (record) record.active = false;
    const response = await refresh({ refresh_token });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ name: 'UserNotActive' });
  });

  it('answers 403 InactiveAccount when the account was deactivated since login', async () => {
    const { refresh_token } = await login(sandbox, 'primary');
    for (const account of sandbox.state.accounts) account.active = false;
    const response = await refresh({ refresh_token });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ name: 'InactiveAccount' });
  });

  it('answers 400 MissingParameters without a token', async () => {
    const response = await refresh({});
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MissingParameters' });
  });
});

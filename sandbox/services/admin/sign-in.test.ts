// The directory and the Authentication service agree: a user created here signs in with the
// password it was given, a changed password replaces the old one, a deleted user is locked out.
import { MAIN_ACCOUNT_ID } from '../../seed';
import { decodeJwt, postForm } from '../../test-support';
import { ADMIN, MAIN_USERS, adminTest, type AdminTest } from './test-support';

let admin: AdminTest;
beforeEach(async () => {
  admin = await adminTest();
});
afterEach(() => admin.close());

interface Tokens {
  access_token: string;
  refresh_token: string;
}

describe('a created user', () => {
  it('signs in with the password given at creation, by email or loginId, with his role in the token', async () => {
    const user = await admin.createUser({ email: 'Casey.Created@example.com', loginId: 'casey', password: 'Casey-Pass-7', role: 'ACCOUNT_ADMIN' });
    const byEmail = await admin.signIn('casey.created@example.com', 'Casey-Pass-7');
    const byLogin = await admin.signIn('casey', 'Casey-Pass-7');
    expect([byEmail.statusCode, byLogin.statusCode]).toEqual([201, 201]);
    expect(decodeJwt(byEmail.json<Tokens>().access_token)).toMatchObject({
      userId: user.userId,
      principalId: user.userId,
      accountId: MAIN_ACCOUNT_ID,
      role: 'ACCOUNT_ADMIN',
      email: 'Casey.Created@example.com',
    });
    // The new token works on the admin service at once.
    const me = await admin.call('GET', `/users/${user.userId}`, { token: byEmail.json<Tokens>().access_token });
    expect([me.statusCode, me.json().userId]).toEqual([200, user.userId]);
  });

  it('is refused a wrong password with 401', async () => {
    await admin.createUser({ email: 'wrong.pass@example.com', password: 'Right-Pass-1' });
    const response = await admin.signIn('wrong.pass@example.com', 'Wrong-Pass-1');
    expect([response.statusCode, response.json().name]).toEqual([401, 'InvalidLoginCredentials']);
  });

  it('cannot sign in when created without a password', async () => {
    const user = await admin.createUser({ email: 'no.pass@example.com', password: undefined });
    expect(user.userId).toEqual(expect.any(String));
    expect((await admin.signIn('no.pass@example.com', '')).statusCode).toBe(400);
    expect((await admin.signIn('no.pass@example.com', 'Anything-1')).statusCode).toBe(401);
  });

  it('signs in with a new password after PUT, no longer with the old one', async () => {
    const user = await admin.createUser({ email: 'rotate@example.com', password: 'Old-Pass-11' });
    const put = await admin.call('PUT', `${MAIN_USERS}/${user.userId}`, 'primary', { password: 'New-Pass-22' });
    expect(put.statusCode).toBe(200);
    expect((await admin.signIn('rotate@example.com', 'Old-Pass-11')).statusCode).toBe(401);
    expect((await admin.signIn('rotate@example.com', 'New-Pass-22')).statusCode).toBe(201);
  });
});

describe('a deleted user', () => {
  it('can no longer sign in, nor refresh the tokens he had', async () => {
    const user = await admin.createUser({ email: 'leaving@example.com', password: 'Leaving-Pass-1' });
    const before = await admin.signIn('leaving@example.com', 'Leaving-Pass-1');
    expect(before.statusCode).toBe(201);
    expect((await admin.call('DELETE', `/users/${user.userId}`, 'primary')).statusCode).toBe(200);

    const after = await admin.signIn('leaving@example.com', 'Leaving-Pass-1');
    expect([after.statusCode, after.json().name]).toEqual([401, 'InvalidLoginCredentials']);
    const refresh = await postForm(admin.sandbox, '/token', { grant_type: 'refresh_token', refresh_token: before.json<Tokens>().refresh_token });
    expect(refresh.statusCode).toBe(401);
  });

  it('frees his email for a new user', async () => {
    const user = await admin.createUser({ email: 'reused@example.com' });
    await admin.call('DELETE', `/users/${user.userId}`, 'primary');
    const again = await admin.call('POST', MAIN_USERS, 'primary', { name: 'Second Life', email: 'reused@example.com' });
    expect(again.statusCode).toBe(201);
  });
});

describe('a deactivated account', () => {
  it('is switched off by its partner admin, and its users are then refused sign-in (403)', async () => {
    const off = await admin.call('PUT', `/accounts/${MAIN_ACCOUNT_ID}`, 'partner', { active: false });
    expect([off.statusCode, off.json().active, off.json().state]).toEqual([200, false, 'inactive']);
    const signIn = await admin.signIn('sam.second@example.com', admin.sandbox.user('second').password);
    expect([signIn.statusCode, signIn.json().name]).toEqual([403, 'InactiveAccount']);
  });
});

describe('PUT /users/{email}/password (forgot password)', () => {
  const forgot = (email: string, body: unknown) =>
    admin.sandbox.send({
      method: 'PUT',
      url: `${ADMIN}/users/${encodeURIComponent(email)}/password`,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify(body),
    });

  it('answers 200 without a token for a known email', async () => {
    const response = await forgot('sam.second@example.com', { email: 'sam.second@example.com', action: 'forgot', accountId: MAIN_ACCOUNT_ID });
    expect([response.statusCode, response.json()]).toMatchObject([200, { email: 'sam.second@example.com', action: 'forgot' }]);
  });

  it('answers 404 UserNotFound for an unknown email and 400 for another action', async () => {
    const unknown = await forgot('nobody@example.com', { email: 'nobody@example.com', action: 'forgot' });
    const action = await forgot('sam.second@example.com', { action: 'reset' });
    expect([unknown.statusCode, unknown.json().name]).toEqual([404, 'UserNotFound']);
    expect([action.statusCode, action.json().message]).toEqual([400, expect.stringContaining("'reset'")]);
  });
});

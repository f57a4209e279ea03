// Who may do what: roles from the token, and accounts out of reach.
import { signJwt } from '../../platform/jwt';
import { MAIN_ACCOUNT_ID, OIDC_CLIENT_ID, OTHER_ACCOUNT_ID, SITE_ID } from '../../seed';
import { nowSeconds } from '../../state';
import { postForm } from '../../test-support';
import { MAIN_USERS, OTHER_USERS, adminTest, newUserBody, type AdminTest } from './test-support';

let admin: AdminTest;
beforeEach(async () => {
  admin = await adminTest();
});
afterEach(() => admin.close());

const id = (key: 'primary' | 'second' | 'user' | 'partner') => admin.sandbox.user(key).userId;

describe('a plain USER', () => {
  it('reads his account, its directory and himself', async () => {
    const reads = [
      await admin.call('GET', `/accounts/${MAIN_ACCOUNT_ID}`, 'user'),
      await admin.call('GET', '/users', 'user'),
      await admin.call('GET', `/users/${id('user')}`, 'user'),
      await admin.call('GET', `/users/${id('primary')}`, 'user'),
      await admin.call('GET', `/accounts/${MAIN_ACCOUNT_ID}/sites/${SITE_ID}`, 'user'),
    ];
    expect(reads.map((response) => response.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(reads[2]?.json().email).toBe('uma.user@example.com');
  });

  it.each([
    ['POST', MAIN_USERS, newUserBody()],
    ['PUT', `/users/SECOND`, { name: 'Not Mine' }],
    ['DELETE', `/users/SECOND`, undefined],
    ['PUT', `/accounts/${MAIN_ACCOUNT_ID}`, { name: 'Taken Over' }],
    ['POST', `/accounts/${MAIN_ACCOUNT_ID}/sites`, { name: 'Annex' }],
    ['POST', `/accounts/${MAIN_ACCOUNT_ID}/groups`, { name: 'Sales' }],
    ['POST', `/accounts/${MAIN_ACCOUNT_ID}/contacts`, { name: 'Billing', contactType: 'billing' }],
    ['GET', `/users/SECOND/tags`, undefined],
  ])('is refused %s %s with 403 InsufficientPermissions', async (method, path, body) => {
    const response = await admin.call(method, path.replace('SECOND', id('second')), 'user', body);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ name: 'InsufficientPermissions', message: expect.any(String) });
  });

  it('changes his own profile and password but not his role or email', async () => {
    const profile = await admin.call('PUT', `/users/${id('user')}`, 'user', { displayName: 'Uma U.', phone: '+15550100123' });
    expect([profile.statusCode, profile.json().displayName]).toEqual([200, 'Uma U.']);
    const role = await admin.call('PUT', `/users/${id('user')}`, 'user', { role: 'ACCOUNT_ADMIN' });
    const email = await admin.call('PUT', `/users/${id('user')}`, 'user', { email: 'uma.new@example.com', name: 'Uma' });
    expect([role.statusCode, role.json().message]).toEqual([403, expect.stringContaining('role')]);
    expect([email.statusCode, email.json().message]).toEqual([403, expect.stringContaining('email')]);
    expect(admin.sandbox.state.users.find((user) => user.userId === id('user'))).toMatchObject({ role: 'USER', email: 'uma.user@example.com' });
  });

  it('is refused creation through a client_credentials token too (role USER)', async () => {
    const token = await postForm(admin.sandbox, '/token', {
      grant_type: 'client_credentials',
      client_id: OIDC_CLIENT_ID,
      client_secret: 'sandbox-client-secret-active',
    });
    expect(token.statusCode).toBe(201);
    const response = await admin.call('POST', MAIN_USERS, { token: token.json<{ access_token: string }>().access_token }, newUserBody());
    expect([response.statusCode, response.json().name]).toEqual([403, 'InsufficientPermissions']);
  });

  it('refuses a GUEST token everything, reading included', async () => {
    const now = nowSeconds(admin.sandbox.state);
    const guest = signJwt({ principalId: 'guest-1', accountId: MAIN_ACCOUNT_ID, role: 'GUEST', iat: now, exp: now + 60 }, admin.sandbox.state.signingKey);
    const response = await admin.call('GET', `/accounts/${MAIN_ACCOUNT_ID}`, { token: guest });
    expect([response.statusCode, response.json().name]).toEqual([403, 'InsufficientPermissions']);
  });
});

describe('another account', () => {
  it.each([
    ['GET', `/accounts/${OTHER_ACCOUNT_ID}`],
    ['PUT', `/accounts/${OTHER_ACCOUNT_ID}`],
    ['GET', OTHER_USERS],
    ['POST', OTHER_USERS],
    ['GET', `/accounts/${OTHER_ACCOUNT_ID}/sites`],
    ['GET', `/accounts/${OTHER_ACCOUNT_ID}/groups`],
    ['GET', `/accounts/${OTHER_ACCOUNT_ID}/contacts`],
  ])('is 404 AccountNotFound to the main account’s admin: %s %s', async (method, path) => {
    const response = await admin.call(method, path, 'primary', method === 'GET' ? undefined : newUserBody());
    expect([response.statusCode, response.json().name]).toEqual([404, 'AccountNotFound']);
  });

  it('hides its users from the flat /users/{userId} routes (404 UserNotFound)', async () => {
    const stranger = admin.sandbox.state.users.find((user) => user.accountId === OTHER_ACCOUNT_ID)?.userId;
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const response = await admin.call(method, `/users/${stranger}`, 'primary', method === 'PUT' ? { name: 'x' } : undefined);
      expect({ method, status: response.statusCode, name: response.json().name }).toEqual({ method, status: 404, name: 'UserNotFound' });
    }
    const fromThere = await admin.call('GET', `/users/${id('primary')}`, 'other');
    expect(fromThere.statusCode).toBe(404);
  });

  it('is reached by a partner admin only when it is his partner’s, and by a global admin always', async () => {
    expect((await admin.call('GET', `/accounts/${OTHER_ACCOUNT_ID}`, 'partner')).statusCode).toBe(404);
    const global = await admin.call('GET', `/accounts/${MAIN_ACCOUNT_ID}`, 'global');
    expect([global.statusCode, global.json().accountNumber]).toEqual([200, '100200300']);
    // The partner reaches an account of his partner that is not his own.
    admin.sandbox.state.accounts.push({
      accountId: 'f0e1d2c3-b4a5-4968-8776-655443322110',
      accountNumber: '100200301',
      partnerId: '900100200',
      name: 'Managed Customer',
      domain: 'f0e1d2c3-b4a5-4968-8776-655443322110.sandbox.invalid',
      active: true,
    });
    const managed = await admin.call('POST', '/accounts/100200301/users', 'partner', newUserBody());
    expect([managed.statusCode, managed.json().accountId]).toEqual([201, 'f0e1d2c3-b4a5-4968-8776-655443322110']);
  });
});

describe('rank', () => {
  it('keeps an ACCOUNT_ADMIN from changing, deleting or granting above his role', async () => {
    const change = await admin.call('PUT', `/users/${id('partner')}`, 'primary', { name: 'Demoted' });
    const remove = await admin.call('DELETE', `/users/${id('partner')}`, 'primary');
    const grant = await admin.call('POST', MAIN_USERS, 'primary', newUserBody({ role: 'PARTNER_ADMIN' }));
    expect([change.statusCode, remove.statusCode, grant.statusCode]).toEqual([403, 403, 403]);
    expect(grant.json().message).toContain('PARTNER_ADMIN');
    const byPartner = await admin.call('POST', MAIN_USERS, 'partner', newUserBody({ role: 'PARTNER_ADMIN' }));
    expect([byPartner.statusCode, byPartner.json().role]).toEqual([201, 'PARTNER_ADMIN']);
  });

  it('does not let an admin delete himself', async () => {
    const response = await admin.call('DELETE', `/users/${id('primary')}`, 'primary');
    expect([response.statusCode, response.json().name]).toEqual([403, 'InsufficientPermissions']);
    expect(admin.sandbox.state.users.some((user) => user.userId === id('primary'))).toBe(true);
  });
});

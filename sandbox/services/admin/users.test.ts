// Users: create, read, update and delete under both paths, and the 400s and 409s of a body.
import { MAIN_ACCOUNT_ID, OTHER_ACCOUNT_ID, SITE_ID } from '../../seed';
import { ADMIN, MAIN_USERS, adminTest, newUserBody, type AdminTest, type AdminUser } from './test-support';

let admin: AdminTest;
beforeEach(async () => {
  admin = await adminTest();
});
afterEach(() => admin.close());

describe('POST /accounts/{accountId}/users', () => {
  it('answers 201 with the user resource and never shows the password', async () => {
    const response = await admin.call(
      'POST',
      MAIN_USERS,
      'primary',
      newUserBody({
        name: 'Nora New',
        email: 'nora.new@example.com',
        loginId: 'nora',
        extension: '2010',
        siteId: SITE_ID,
        mobile: '+15550100099',
      }),
    );
    expect(response.statusCode).toBe(201);
    const user = response.json<AdminUser>();
    expect(user).toMatchObject({
      accountId: MAIN_ACCOUNT_ID,
      name: 'Nora New',
      displayName: 'Nora New',
      email: 'nora.new@example.com',
      role: 'USER',
      loginId: 'nora',
      extension: '2010',
      siteId: SITE_ID,
      mobile: '+15550100099',
      emailVerified: false,
      uniqueUserId: user.userId,
      sipAddress: `${user.userId}@${MAIN_ACCOUNT_ID}.sandbox.invalid`,
      createdBy: admin.sandbox.user('primary').userId,
      _links: { self: `${ADMIN}${MAIN_USERS}/${user.userId}` },
    });
    expect(response.body).not.toContain('Created-Pass-1');
    expect(user).not.toHaveProperty('password');
  });

  it('is the same through POST /users, into the token’s account', async () => {
    const response = await admin.call('POST', '/users', 'primary', newUserBody());
    expect(response.statusCode).toBe(201);
    expect(response.json<AdminUser>().accountId).toBe(MAIN_ACCOUNT_ID);
  });

  it('answers 400 MissingParamInRequest naming each missing required field', async () => {
    const noEmail = await admin.call('POST', MAIN_USERS, 'primary', { name: 'No Mail' });
    const nothing = await admin.call('POST', MAIN_USERS, 'primary', {});
    const noBody = await admin.sandbox.send({
      method: 'POST',
      url: `${ADMIN}${MAIN_USERS}`,
      headers: { authorization: `Bearer ${admin.tokens.primary}` },
    });
    expect([noEmail.statusCode, noEmail.json()]).toEqual([400, { name: 'MissingParamInRequest', message: 'email is required.' }]);
    expect(nothing.json().message).toBe('name, email are required.');
    expect([noBody.statusCode, noBody.json().name]).toEqual([400, 'MissingParamInRequest']);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ password: 'short1A' }, 'password'],
    [{ password: 'nouppercase1' }, 'password'],
    [{ role: 'GUEST' }, 'role'],
    [{ mobile: 'call me' }, 'mobile'],
    [{ extension: '20a' }, 'extension'],
    [{ name: 42 }, 'name'],
    [{ emial: 'typo@example.com' }, 'emial'],
    [{ accountId: OTHER_ACCOUNT_ID }, 'accountId'],
  ])('answers 400 InvalidRequest for %j, naming %s', async (fields, culprit) => {
    const response = await admin.call('POST', MAIN_USERS, 'primary', newUserBody(fields));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ name: 'InvalidRequest', message: expect.stringContaining(culprit) });
  });

  it('answers 409 for an email, loginId or mobile anyone on the platform signs in with', async () => {
    const taken = [
      { email: 'ALEX.ADMIN@example.com' },
      // Taken in the other account only: sign-in names are unique platform-wide.
      { email: 'gil.global@example.com' },
      { loginId: 'alex.admin' },
      { loginId: 'sam.second@example.com' },
      { mobile: '+15550100001' },
    ];
    for (const fields of taken) {
      const response = await admin.call('POST', MAIN_USERS, 'primary', newUserBody(fields));
      expect({ fields, status: response.statusCode, name: response.json().name }).toEqual({
        fields,
        status: 409,
        name: 'ConditionalCheckFailedException',
      });
      expect(response.json().message).toContain(String(Object.values(fields)[0]));
    }
  });

  it('answers 409 for an extension another user of the account has, and 404 for a site elsewhere', async () => {
    const extension = await admin.call('POST', MAIN_USERS, 'primary', newUserBody({ extension: '2002' }));
    expect([extension.statusCode, extension.json().message]).toEqual([409, expect.stringContaining('2002')]);
    const site = await admin.call('POST', MAIN_USERS, 'primary', newUserBody({ siteId: 'no-such-site' }));
    expect([site.statusCode, site.json().name]).toEqual([404, 'SiteNotFound']);
  });
});

describe('GET, PUT and DELETE a user', () => {
  it('reads the same user through both paths', async () => {
    const created = await admin.createUser();
    const scoped = await admin.call('GET', `${MAIN_USERS}/${created.userId}`, 'primary');
    const flat = await admin.call('GET', `/users/${created.userId}`, 'primary');
    expect([scoped.statusCode, flat.statusCode]).toEqual([200, 200]);
    expect(flat.json()).toEqual(scoped.json());
    expect(scoped.json()).toEqual(created);
  });

  it('changes only the fields sent, clears one sent as null, and accepts a GET body sent back', async () => {
    const created = await admin.createUser({ phone: '5550100', displayName: 'Shown' });
    admin.sandbox.advance(60);
    const changed = await admin.call('PUT', `/users/${created.userId}`, 'primary', { name: 'Renamed', phone: null });
    expect(changed.statusCode).toBe(200);
    const body = changed.json<AdminUser>();
    expect(body).toMatchObject({ name: 'Renamed', displayName: 'Shown', email: created.email, modifiedOn: '2025-01-15T12:01:00.000Z' });
    expect(body).not.toHaveProperty('phone');
    const echoed = await admin.call('PUT', `/users/${created.userId}`, 'primary', { ...body, displayName: 'Again' });
    expect([echoed.statusCode, echoed.json().displayName]).toEqual([200, 'Again']);
    const readOnly = await admin.call('PUT', `/users/${created.userId}`, 'primary', { userId: 'another-id' });
    expect([readOnly.statusCode, readOnly.json().message]).toEqual([400, 'userId cannot be changed.']);
    const empty = await admin.call('PUT', `/users/${created.userId}`, 'primary', {});
    expect([empty.statusCode, empty.json().name]).toEqual([400, 'MissingParamInRequest']);
  });

  it('answers 409 when an update takes someone else’s email, but not for the user’s own', async () => {
    const created = await admin.createUser();
    const own = await admin.call('PUT', `/users/${created.userId}`, 'primary', { email: created.email, name: 'Same Mail' });
    expect(own.statusCode).toBe(200);
    const taken = await admin.call('PUT', `/users/${created.userId}`, 'primary', { email: 'uma.user@example.com' });
    expect([taken.statusCode, taken.json().name]).toEqual([409, 'ConditionalCheckFailedException']);
  });

  it('deletes with 200 and the user, after which every route answers 404 UserNotFound', async () => {
    const created = await admin.createUser();
    const deleted = await admin.call('DELETE', `${MAIN_USERS}/${created.userId}`, 'primary');
    expect([deleted.statusCode, deleted.json().userId]).toEqual([200, created.userId]);
    for (const [method, path] of [
      ['GET', `/users/${created.userId}`],
      ['DELETE', `/users/${created.userId}`],
      ['PUT', `${MAIN_USERS}/${created.userId}`],
    ]) {
      const response = await admin.call(method as string, path as string, 'primary', method === 'PUT' ? { name: 'x' } : undefined);
      expect({ method, status: response.statusCode, name: response.json().name }).toEqual({ method, status: 404, name: 'UserNotFound' });
    }
    const list = await admin.call('GET', `${MAIN_USERS}?$filter=${encodeURIComponent(`userId eq '${created.userId}'`)}`, 'primary');
    expect(list.json().count).toBe(0);
  });

  it('answers 404 for a user of another account addressed under this account', async () => {
    const response = await admin.call('GET', `${MAIN_USERS}/${admin.sandbox.state.users.find((u) => u.accountId === OTHER_ACCOUNT_ID)?.userId}`, 'global');
    expect([response.statusCode, response.json().name]).toEqual([404, 'UserNotFound']);
  });

  it('answers PATCH with the gateway 403: the service routes only PUT', async () => {
    const response = await admin.call('PATCH', `/users/${admin.sandbox.user('second').userId}`, 'primary', { name: 'x' });
    expect(response.statusCode).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
  });
});

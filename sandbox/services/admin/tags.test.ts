// User tags: the application-tag contract (AUTH-SPEC) on a user, and who may use them.
import { MAIN_ACCOUNT_ID } from '../../seed';
import { ADMIN, MAIN_USERS, adminTest, type AdminTest } from './test-support';

let admin: AdminTest;
beforeEach(async () => {
  admin = await adminTest();
});
afterEach(() => admin.close());

const tagsOf = (key: 'second' | 'user') => `/users/${admin.sandbox.user(key).userId}/tags`;

describe('user tags', () => {
  it('are created (201), read, listed, changed and deleted by the user himself', async () => {
    const base = tagsOf('user');
    const created = await admin.call('POST', base, 'user', { id: 'teams-sync', value: '{"enabled":true}' });
    expect(created.statusCode).toBe(201);
    const userId = admin.sandbox.user('user').userId;
    expect(created.json()).toMatchObject({
      id: 'teams-sync',
      value: '{"enabled":true}',
      userId,
      accountId: MAIN_ACCOUNT_ID,
      _links: { self: `${ADMIN}${MAIN_USERS}/${userId}/tags/teams-sync` },
    });
    await admin.call('POST', base, 'user', { id: 'theme', value: 'dark' });

    const list = (await admin.call('GET', `${base}?$filter=${encodeURIComponent("id eq 'theme'")}`, 'user')).json<{
      _embedded: { items: Array<{ value: string }> };
    }>();
    expect(list._embedded.items.map((tag) => tag.value)).toEqual(['dark']);
    const changed = await admin.call('PUT', `${base}/theme`, 'user', { value: 'light' });
    expect([changed.statusCode, changed.json().value]).toEqual([200, 'light']);
    expect((await admin.call('GET', `${MAIN_USERS}/${userId}/tags/theme`, 'primary')).json().value).toBe('light');

    expect((await admin.call('DELETE', `${base}/theme`, 'user')).statusCode).toBe(200);
    const gone = await admin.call('GET', `${base}/theme`, 'user');
    expect([gone.statusCode, gone.json().name]).toEqual([404, 'TagNotFound']);
  });

  it('answers 409 for an id the user already has, 400 for a missing value or a bad id', async () => {
    const base = tagsOf('user');
    await admin.call('POST', base, 'user', { id: 'once', value: '1' });
    const twice = await admin.call('POST', base, 'user', { id: 'once', value: '2' });
    const noValue = await admin.call('POST', base, 'user', { id: 'empty' });
    const badId = await admin.call('POST', base, 'user', { id: 'a/b', value: 'x' });
    const putNoValue = await admin.call('PUT', `${base}/once`, 'user', { id: 'once' });
    expect([twice.statusCode, twice.json().name]).toEqual([409, 'ConditionalCheckFailedException']);
    expect([noValue.statusCode, noValue.json()]).toEqual([400, { name: 'MissingParamInRequest', message: 'value is required.' }]);
    expect([badId.statusCode, badId.json().message]).toEqual([400, expect.stringContaining("'a/b'")]);
    expect([putNoValue.statusCode, putNoValue.json()]).toEqual([400, { name: 'MissingParamInRequest', message: 'value is required.' }]);
  });

  it('are an admin’s to manage for any user of the account, not another user’s', async () => {
    const byAdmin = await admin.call('POST', tagsOf('second'), 'primary', { id: 'badge', value: 'B-7' });
    expect(byAdmin.statusCode).toBe(201);
    const byOther = await admin.call('GET', `${tagsOf('second')}/badge`, 'user');
    expect([byOther.statusCode, byOther.json().name]).toEqual([403, 'InsufficientPermissions']);
    const fromElsewhere = await admin.call('GET', `${tagsOf('second')}/badge`, 'other');
    expect([fromElsewhere.statusCode, fromElsewhere.json().name]).toEqual([404, 'UserNotFound']);
  });

  it('are out of reach once their user is deleted', async () => {
    const user = await admin.createUser();
    await admin.call('POST', `/users/${user.userId}/tags`, 'primary', { id: 'temp', value: 'x' });
    await admin.call('DELETE', `/users/${user.userId}`, 'primary');
    expect(admin.sandbox.state.users.some((known) => known.userId === user.userId)).toBe(false);
    const response = await admin.call('GET', `/users/${user.userId}/tags`, 'primary');
    expect([response.statusCode, response.json().name]).toEqual([404, 'UserNotFound']);
  });
});

// What the admin service publishes on `platform-api-admin`, and that a notifications
// subscription of the account receives it.
import { MAIN_ACCOUNT_ID } from '../../seed';
import { bearer } from '../../test-support';
import { startReceiver } from '../notifications/test-receiver';
import { MAIN_USERS, adminTest, type AdminTest } from './test-support';

let admin: AdminTest;
beforeEach(async () => {
  admin = await adminTest();
});
afterEach(() => admin.close());

describe('admin publications', () => {
  it('publishes POST, PUT and DELETE of a user with its CloudLink path as subject', async () => {
    const created = await admin.createUser({ name: 'Evan Event' });
    await admin.call('PUT', `/users/${created.userId}`, 'primary', { displayName: 'Ev' });
    await admin.call('DELETE', `/users/${created.userId}`, 'primary');
    const subject = `/2017-09-01/accounts/${MAIN_ACCOUNT_ID}/users/${created.userId}`;
    expect(admin.events.map((event) => [event.topic, event.method, event.subject])).toEqual([
      ['platform-api-admin', 'POST', subject],
      ['platform-api-admin', 'PUT', subject],
      ['platform-api-admin', 'DELETE', subject],
    ]);
    expect(admin.events[1]).toMatchObject({
      content: { userId: created.userId, displayName: 'Ev' },
      publisher: { accountId: MAIN_ACCOUNT_ID, principalId: admin.sandbox.user('primary').userId },
      correlationId: expect.any(String),
    });
    expect(admin.events[0]?.principalFilter).toBeUndefined();
  });

  it('publishes nothing for a refused request', async () => {
    await admin.call('POST', MAIN_USERS, 'user', { name: 'Nope', email: 'nope@example.com' });
    await admin.call('PUT', `/accounts/${MAIN_ACCOUNT_ID}`, 'primary', { colour: 'red' });
    expect(admin.events).toEqual([]);
  });

  it('lets only the user and the account’s admins hear about his tags', async () => {
    const uma = admin.sandbox.user('user').userId;
    await admin.call('POST', `/users/${uma}/tags`, 'user', { id: 'theme', value: 'dark' });
    expect(admin.events[0]?.subject).toBe(`/2017-09-01/accounts/${MAIN_ACCOUNT_ID}/users/${uma}/tags/theme`);
    expect(admin.events[0]?.principalFilter).toEqual(expect.arrayContaining([uma, admin.sandbox.user('primary').userId, admin.sandbox.user('partner').userId]));
    expect(admin.events[0]?.principalFilter).not.toContain(admin.sandbox.user('second').userId);
  });

  it('reaches a webhook subscribed to platform-api-admin with the request’s correlation id', async () => {
    const receiver = await startReceiver();
    try {
      const subscribed = await admin.sandbox.send({
        method: 'POST',
        url: '/notifications/2017-09-01/subscriptions',
        headers: { ...bearer(admin.tokens.second), 'content-type': 'application/json' },
        payload: JSON.stringify({
          applicationId: 'admin-tests',
          deviceId: receiver.url,
          transport: 'webhook',
          topic: 'platform-api-admin',
          subjectFilter: `/2017-09-01/accounts/${MAIN_ACCOUNT_ID}/sites/`,
        }),
      });
      expect(subscribed.statusCode).toBe(201);
      const site = await admin.call('POST', `/accounts/${MAIN_ACCOUNT_ID}/sites`, 'primary', { name: 'Depot' });
      const [delivered] = await receiver.waitFor(1);
      expect(delivered?.body).toMatchObject({
        topic: 'platform-api-admin',
        method: 'POST',
        content: { name: 'Depot', siteId: site.json().siteId },
        notification: { correlationId: site.headers['x-mitel-correlation-id'] },
      });
    } finally {
      await receiver.close();
    }
  });
});

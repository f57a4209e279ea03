// Accounts (GET/PUT only) and their contacts.
import { MAIN_ACCOUNT_ID } from '../../seed';
import { ADMIN, adminTest, walk, type AdminTest } from './test-support';

let admin: AdminTest;
beforeEach(async () => {
  admin = await adminTest();
});
afterEach(() => admin.close());

const ACCOUNT = `/accounts/${MAIN_ACCOUNT_ID}`;

describe('GET /accounts/{accountId}', () => {
  it('answers the account as the SDK reads it', async () => {
    const response = await admin.call('GET', ACCOUNT, 'primary');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      accountId: MAIN_ACCOUNT_ID,
      accountNumber: '100200300',
      name: 'CloudLink Sandbox',
      partnerId: '900100200',
      active: true,
      state: 'active',
      domain: `${MAIN_ACCOUNT_ID}.sandbox.invalid`,
      topLevelDomain: ['sandbox.invalid'],
      languageCode: 'en-US',
      policy: { allowGuestAccess: false, allowProxyAuthentication: false },
      userLimit: 500,
      accessTokenExpiryHours: 1,
      refreshTokenExpiryHours: 336,
      contacts: [],
      _links: { self: `${ADMIN}${ACCOUNT}`, users: `${ADMIN}${ACCOUNT}/users` },
    });
  });

  it('is also found by its account number', async () => {
    const response = await admin.call('GET', '/accounts/100200300', 'user');
    expect([response.statusCode, response.json().accountId]).toEqual([200, MAIN_ACCOUNT_ID]);
  });

  it('has no list, no POST and no DELETE: the gateway answers 403', async () => {
    for (const [method, path] of [
      ['GET', '/accounts'],
      ['POST', '/accounts'],
      ['DELETE', ACCOUNT],
      ['PATCH', ACCOUNT],
    ] as const) {
      const response = await admin.call(method, path, 'partner', method === 'GET' || method === 'DELETE' ? undefined : { name: 'x' });
      expect({ method, path, status: response.statusCode, type: response.headers['x-amzn-errortype'] }).toEqual({
        method,
        path,
        status: 403,
        type: 'IncompleteSignatureException',
      });
    }
  });
});

describe('PUT /accounts/{accountId}', () => {
  it('changes the fields sent and keeps the rest; policy merges', async () => {
    const response = await admin.call('PUT', ACCOUNT, 'primary', { name: 'Renamed Co', location: 'Ottawa', policy: { allowGuestAccess: true } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'Renamed Co',
      location: 'Ottawa',
      accountNumber: '100200300',
      policy: { allowGuestAccess: true, allowProxyAuthentication: false },
      modifiedBy: admin.sandbox.user('primary').userId,
    });
    expect((await admin.call('GET', ACCOUNT, 'user')).json().name).toBe('Renamed Co');
  });

  it('accepts the resource it answered, sent back with one change', async () => {
    const current = (await admin.call('GET', ACCOUNT, 'primary')).json();
    const response = await admin.call('PUT', ACCOUNT, 'primary', { ...current, languageCode: 'fr-CA' });
    expect([response.statusCode, response.json().languageCode]).toEqual([200, 'fr-CA']);
  });

  it.each([
    [{ accountNumber: '999' }, 400, 'accountNumber cannot be changed.'],
    [{ accessTokenExpiryHours: 8 }, 400, 'accessTokenExpiryHours cannot be changed.'],
    [{ colour: 'blue' }, 400, expect.stringContaining("'colour'")],
    [{ policy: { allowEverything: true } }, 400, expect.stringContaining('policy.allowEverything')],
    [{ name: '' }, 400, 'name must not be blank.'],
    [{ active: false }, 403, expect.stringContaining('PARTNER_ADMIN')],
    [{ userLimit: 10 }, 403, expect.stringContaining('userLimit')],
  ])('answers an ACCOUNT_ADMIN’s %j with %i', async (body, status, message) => {
    const response = await admin.call('PUT', ACCOUNT, 'primary', body);
    expect([response.statusCode, response.json().message]).toEqual([status, message]);
  });

  it('lets the partner admin set the user limit, which then caps creation (409)', async () => {
    const low = await admin.call('PUT', ACCOUNT, 'partner', { userLimit: 3 });
    expect([low.statusCode, low.json().message]).toEqual([400, expect.stringContaining('4 users')]);
    expect((await admin.call('PUT', ACCOUNT, 'partner', { userLimit: 5 })).statusCode).toBe(200);
    await admin.createUser();
    const over = await admin.call('POST', '/users', 'primary', { name: 'One Too Many', email: 'too.many@example.com' });
    expect([over.statusCode, over.json().name]).toEqual([409, 'UserLimitExceeded']);
  });
});

describe('contacts', () => {
  const CONTACTS = `${ACCOUNT}/contacts`;

  it('are created, listed, read, changed and deleted, and shown on the account', async () => {
    const created = await admin.call('POST', CONTACTS, 'primary', { name: 'Bea Billing', contactType: 'billing', email: 'bea@example.com' });
    expect(created.statusCode).toBe(201);
    const contact = created.json<{ contactId: string }>();
    expect(contact).toMatchObject({
      accountId: MAIN_ACCOUNT_ID,
      name: 'Bea Billing',
      contactType: 'billing',
      _links: { self: `${ADMIN}${CONTACTS}/${contact.contactId}` },
    });
    expect((await admin.call('GET', ACCOUNT, 'primary')).json<{ contacts: unknown[] }>().contacts).toEqual([created.json()]);

    const changed = await admin.call('PUT', `${CONTACTS}/${contact.contactId}`, 'primary', { phone: '+15550100500', email: null });
    expect(changed.json()).toMatchObject({ phone: '+15550100500' });
    expect(changed.json()).not.toHaveProperty('email');
    const list = await walk<{ contactId: string }>(
      admin,
      `/accounts/${MAIN_ACCOUNT_ID}/contacts?$filter=${encodeURIComponent("contactType eq 'billing'")}`,
      'user',
    );
    expect(list.flatMap((page) => page._embedded.items).map((item) => item.contactId)).toEqual([contact.contactId]);

    expect((await admin.call('DELETE', `${CONTACTS}/${contact.contactId}`, 'primary')).statusCode).toBe(200);
    const gone = await admin.call('GET', `${CONTACTS}/${contact.contactId}`, 'primary');
    expect([gone.statusCode, gone.json().name]).toEqual([404, 'ContactNotFound']);
  });

  it('need a name and a contactType (400 naming both)', async () => {
    const response = await admin.call('POST', CONTACTS, 'primary', { email: 'x@example.com' });
    expect(response.json()).toEqual({ name: 'MissingParamInRequest', message: 'name, contactType are required.' });
  });
});

// Sites and groups (with members): create, list, read, update, delete, and how they tie to users.
import { MAIN_ACCOUNT_ID, SITE_ID } from '../../seed';
import { ADMIN, adminTest, walk, type AdminTest } from './test-support';

let admin: AdminTest;
beforeEach(async () => {
  admin = await adminTest();
});
afterEach(() => admin.close());

const SITES = `/accounts/${MAIN_ACCOUNT_ID}/sites`;
const GROUPS = `/accounts/${MAIN_ACCOUNT_ID}/groups`;

describe('sites', () => {
  it('lists the seeded site the users’ extensions are on', async () => {
    const response = await admin.call('GET', SITES, 'second');
    expect(response.json()).toMatchObject({ count: 1, _embedded: { items: [{ siteId: SITE_ID, name: 'Head Office', timeZone: 'America/Toronto' }] } });
    expect((await admin.call('GET', `/users/${admin.sandbox.user('second').userId}`, 'second')).json().siteId).toBe(SITE_ID);
  });

  it('are created (201), changed, and deleted (200), then 404 SiteNotFound', async () => {
    const created = await admin.call('POST', SITES, 'primary', { name: 'Annex', timeZone: 'Europe/London', address: { city: 'London', country: 'GB' } });
    expect(created.statusCode).toBe(201);
    const site = created.json<{ siteId: string }>();
    expect(site).toMatchObject({
      accountId: MAIN_ACCOUNT_ID,
      name: 'Annex',
      address: { city: 'London', country: 'GB' },
      _links: { self: `${ADMIN}${SITES}/${site.siteId}` },
    });
    const changed = await admin.call('PUT', `${SITES}/${site.siteId}`, 'primary', { name: 'Annex 2', address: null });
    expect(changed.json()).toMatchObject({ name: 'Annex 2', timeZone: 'Europe/London' });
    expect(changed.json()).not.toHaveProperty('address');
    expect((await admin.call('DELETE', `${SITES}/${site.siteId}`, 'primary')).json().siteId).toBe(site.siteId);
    const gone = await admin.call('GET', `${SITES}/${site.siteId}`, 'primary');
    expect([gone.statusCode, gone.json().name]).toEqual([404, 'SiteNotFound']);
  });

  it.each([
    [{}, 'MissingParamInRequest', 'name is required.'],
    [{ name: 'X', timeZone: 'Mars/Olympus' }, 'InvalidRequest', expect.stringContaining('Mars/Olympus')],
    [{ name: 'X', address: { planet: 'Mars' } }, 'InvalidRequest', expect.stringContaining('address.planet')],
  ])('answers 400 for %j', async (body, name, message) => {
    const response = await admin.call('POST', SITES, 'primary', body);
    expect([response.statusCode, response.json()]).toEqual([400, { name, message }]);
  });

  it('refuses to delete a site users are on (409) until they move', async () => {
    const site = (await admin.call('POST', SITES, 'primary', { name: 'Branch' })).json<{ siteId: string }>();
    const user = await admin.createUser({ siteId: site.siteId });
    const refused = await admin.call('DELETE', `${SITES}/${site.siteId}`, 'primary');
    expect([refused.statusCode, refused.json().name]).toEqual([409, 'SiteInUse']);
    await admin.call('PUT', `/users/${user.userId}`, 'primary', { siteId: SITE_ID });
    expect((await admin.call('DELETE', `${SITES}/${site.siteId}`, 'primary')).statusCode).toBe(200);
  });
});

describe('groups', () => {
  async function group(body: Record<string, unknown>): Promise<{ groupId: string; _links: { members: string } }> {
    const response = await admin.call('POST', GROUPS, 'primary', body);
    if (response.statusCode !== 201) throw new Error(`POST groups answered ${response.statusCode}: ${response.body}`);
    return response.json();
  }

  it('are created, listed with OData, changed and deleted', async () => {
    const sales = await group({ name: 'Sales', extension: '3001' });
    await group({ name: 'Support' });
    await group({ name: 'Sales East' });
    const pages = await walk<{ name: string }>(admin, `${GROUPS}?$filter=${encodeURIComponent("startswith(name,'Sales')")}&$top=1`, 'user');
    expect(pages.map((page) => page._embedded.items.map((item) => item.name))).toEqual([['Sales'], ['Sales East']]);
    const changed = await admin.call('PUT', `${GROUPS}/${sales.groupId}`, 'primary', { description: 'Inside sales' });
    expect(changed.json()).toMatchObject({ name: 'Sales', description: 'Inside sales', extension: '3001', memberCount: 0 });
    expect((await admin.call('DELETE', `${GROUPS}/${sales.groupId}`, 'primary')).statusCode).toBe(200);
    expect((await admin.call('GET', `${GROUPS}/${sales.groupId}`, 'primary')).json().name).toBe('GroupNotFound');
  });

  it('refuses an extension a user or another group has (409)', async () => {
    await group({ name: 'Hunt', extension: '3100' });
    const userClash = await admin.call('POST', GROUPS, 'primary', { name: 'Clash', extension: '2001' });
    const groupClash = await admin.call('POST', GROUPS, 'primary', { name: 'Clash', extension: '3100' });
    expect([userClash.statusCode, groupClash.statusCode]).toEqual([409, 409]);
  });

  it('take members: add (201), list, read, refuse twice (409), remove (200)', async () => {
    const team = await group({ name: 'Team' });
    const members = `${GROUPS}/${team.groupId}/members`;
    expect(team._links.members).toBe(`${ADMIN}${members}`);
    const second = admin.sandbox.user('second').userId;
    const added = await admin.call('POST', members, 'primary', { userId: second });
    expect([added.statusCode, added.json()]).toMatchObject([
      201,
      { userId: second, groupId: team.groupId, name: 'Sam Second', email: 'sam.second@example.com' },
    ]);
    await admin.call('POST', members, 'primary', { userId: admin.sandbox.user('user').userId });
    const twice = await admin.call('POST', members, 'primary', { userId: second });
    expect([twice.statusCode, twice.json().name]).toEqual([409, 'MemberAlreadyExists']);

    const list = (await admin.call('GET', members, 'user')).json<{ count: number; _embedded: { items: Array<{ userId: string }> } }>();
    expect(list._embedded.items.map((item) => item.userId)).toEqual([second, admin.sandbox.user('user').userId]);
    expect((await admin.call('GET', `${GROUPS}/${team.groupId}`, 'user')).json().memberCount).toBe(2);
    expect((await admin.call('GET', `${members}/${second}`, 'user')).json().userId).toBe(second);

    expect((await admin.call('DELETE', `${members}/${second}`, 'primary')).statusCode).toBe(200);
    const gone = await admin.call('GET', `${members}/${second}`, 'primary');
    expect([gone.statusCode, gone.json().name]).toEqual([404, 'MemberNotFound']);
  });

  it('refuse a member from another account (404) and members added by a USER (403)', async () => {
    const team = await group({ name: 'Team' });
    const members = `${GROUPS}/${team.groupId}/members`;
    const stranger = admin.sandbox.state.users.find((user) => user.accountId !== MAIN_ACCOUNT_ID)?.userId;
    const foreign = await admin.call('POST', members, 'primary', { userId: stranger });
    expect([foreign.statusCode, foreign.json().name]).toEqual([404, 'UserNotFound']);
    const byUser = await admin.call('POST', members, 'user', { userId: admin.sandbox.user('user').userId });
    expect([byUser.statusCode, byUser.json().name]).toEqual([403, 'InsufficientPermissions']);
  });

  it('lose a member when the user is deleted', async () => {
    const team = await group({ name: 'Team' });
    const user = await admin.createUser();
    await admin.call('POST', `${GROUPS}/${team.groupId}/members`, 'primary', { userId: user.userId });
    await admin.call('DELETE', `/users/${user.userId}`, 'primary');
    const list = (await admin.call('GET', `${GROUPS}/${team.groupId}/members`, 'primary')).json<{ count: number }>();
    expect(list.count).toBe(0);
  });
});

// GET users with OData: $top/$skip paging walked through `_links.next`, $filter, $orderby, and
// the 400s for what the list does not know.
import { MAIN_ACCOUNT_ID } from '../../seed';
import { ADMIN, MAIN_USERS, adminTest, walk, type AdminTest, type AdminUser } from './test-support';

let admin: AdminTest;
let created: AdminUser[];
beforeEach(async () => {
  admin = await adminTest();
  created = [];
  for (let i = 0; i < 8; i += 1) {
    created.push(await admin.createUser({ name: `Listed ${String.fromCharCode(72 - i)}`, role: i % 3 === 0 ? 'ACCOUNT_ADMIN' : 'USER' }));
  }
});
afterEach(() => admin.close());

const ids = (items: Array<{ userId?: unknown }>) => items.map((item) => item.userId);
const filtered = (filter: string) => `${MAIN_USERS}?$filter=${encodeURIComponent(filter)}`;

describe('paging', () => {
  it('walks every user once through _links.next, nothing lost or repeated', async () => {
    const everyone = admin.sandbox.state.users.filter((user) => user.accountId === MAIN_ACCOUNT_ID).map((user) => user.userId);
    expect(everyone).toHaveLength(12);
    const pages = await walk<AdminUser>(admin, `${MAIN_USERS}?$top=5`);
    const seen = pages.flatMap((page) => ids(page._embedded.items));
    expect(seen).toEqual(everyone);
    expect(new Set(seen).size).toBe(12);
    expect(pages.map((page) => page.count)).toEqual([5, 5, 2]);
    expect(pages[0]?._links).toEqual({ self: `${ADMIN}${MAIN_USERS}?$skip=0&$top=5`, next: `${ADMIN}${MAIN_USERS}?$skip=5&$top=5` });
    expect(pages.at(-1)?._links.next).toBeUndefined();
  });

  it('keeps the filter in every next link', async () => {
    const pages = await walk<AdminUser>(admin, `${filtered("startswith(name,'Listed') and role eq 'USER'")}&$top=2`);
    const seen = pages.flatMap((page) => page._embedded.items);
    expect(ids(seen)).toEqual(ids(created.filter((user) => user.role === 'USER')));
    expect(pages.length).toBe(3);
  });

  it('answers the same list under /users for the token’s account', async () => {
    const flat = await walk<AdminUser>(admin, '/users?$top=4');
    const scoped = await walk<AdminUser>(admin, `${MAIN_USERS}?$top=4`);
    expect(flat.flatMap((page) => ids(page._embedded.items))).toEqual(scoped.flatMap((page) => ids(page._embedded.items)));
  });
});

describe('$filter and $orderby', () => {
  it.each([
    ["role eq 'ACCOUNT_ADMIN' and startswith(name, 'Listed')", [0, 3, 6]],
    ["contains(name,'Listed') and role ne 'ACCOUNT_ADMIN'", [1, 2, 4, 5, 7]],
    ["name eq 'Listed H' or name eq 'Listed A'", [0, 7]],
    ["name gt 'Listed E' and name lt 'Listed Z'", [0, 1, 2]],
    ["name ge 'Listed F' and name le 'Listed G'", [1, 2]],
  ])('%s', async (filter, expected) => {
    const response = await admin.call('GET', filtered(filter), 'primary');
    expect(response.statusCode).toBe(200);
    expect(ids(response.json<{ _embedded: { items: AdminUser[] } }>()._embedded.items)).toEqual(expected.map((i) => created[i]?.userId));
  });

  it('orders by a field when asked', async () => {
    const response = await admin.call('GET', `${filtered("startswith(name,'Listed')")}&$orderby=name asc`, 'primary');
    const names = response.json<{ _embedded: { items: AdminUser[] } }>()._embedded.items.map((user) => user.name);
    expect(names).toEqual([...names].sort());
    expect(names[0]).toBe('Listed A');
  });

  it('answers 400 naming an unknown field, a bad expression or an unsupported option', async () => {
    const unknown = await admin.call('GET', filtered("password eq 'x'"), 'primary');
    const broken = await admin.call('GET', filtered("name eq 'unterminated"), 'primary');
    const expand = await admin.call('GET', `${MAIN_USERS}?$expand=tags`, 'primary');
    const top = await admin.call('GET', `${MAIN_USERS}?$top=0`, 'primary');
    expect([unknown.statusCode, unknown.json().name, unknown.json().message]).toEqual([
      400,
      'UnsupportedQueryParameters',
      expect.stringContaining("'password'"),
    ]);
    expect([broken.statusCode, broken.json().name]).toEqual([400, 'InvalidQuery']);
    expect([expand.statusCode, expand.json().name]).toEqual([400, 'UnsupportedQueryParameters']);
    expect(top.statusCode).toBe(400);
  });
});

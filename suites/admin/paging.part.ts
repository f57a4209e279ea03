// Scenario "OData paging" over every Admin list: CloudLink lists are HAL pages whose `_links.next`
// repeats $skip/$top/$filter, filtered with `eq ne … and or` and `contains(field, 'text')` and
// ordered with $orderby (MEDIA-SPEC, AUTH-SPEC, RN-APP). Page size limits and the default order are
// undocumented (the sandbox's choice: sandbox/README.md "Platform"), so each walk is narrowed with
// $filter to what the test itself created (other tests create users in the same account at the same
// time) and checked against it: nothing lost, nothing repeated.
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { ContactCollection } from '../../types/admin/contact-collection';
import type { GroupCollection } from '../../types/admin/group-collection';
import type { GroupMember } from '../../types/admin/group-member';
import type { GroupMemberCollection } from '../../types/admin/group-member-collection';
import type { SiteCollection } from '../../types/admin/site-collection';
import type { UserCollection } from '../../types/admin/user-collection';
import type { UserTagCollection } from '../../types/admin/user-tag-collection';
import type { User } from '../../types/admin/user';
import { admin } from './collection';
import { createContact, createGroup, createSite, createTag, createUser, expectError, userBody } from './support';

const api = useCollection(admin);

/** Creates `count` users `harness-admin-<prefix>-<n>` (named "Harness <prefix>-<n>"), in order. */
async function createUsers(prefix: string, count: number): Promise<User[]> {
  const users: User[] = [];
  for (let n = 1; n <= count; n++) users.push(await createUser(api, userBody(`${prefix}-${n}`)));
  return users;
}

/** Every id walked, once each and all of them, in any order. */
function expectSameItems(walked: string[], created: string[]): void {
  expect(new Set(walked).size).toBe(walked.length);
  expect([...walked].sort()).toEqual([...created].sort());
}

describe('Scenario: OData paging', () => {
  itWrites('walks users two at a time through _links.next to the end, none lost or repeated', async () => {
    const users = await createUsers('paging-walk', 5);

    const first = await api.send<UserCollection>('GET Users', { query: { $filter: "contains(email,'harness-admin-paging-walk-')", $top: '2' } });
    const pages = await api.walk('GET Users', first, { schema: 'admin/user-collection', maxPages: 5 });

    expect(pages.map((items) => items.length)).toEqual([2, 2, 1]);
    expectSameItems(
      pages.flat().map((u) => u.userId),
      users.map((u) => u.userId),
    );
  });

  itWrites('keeps $orderby across pages: name desc walks the users in reverse', async () => {
    const users = await createUsers('paging-order', 3);

    const first = await api.send<UserCollection>('GET Users', {
      query: { $filter: "contains(email,'harness-admin-paging-order-')", $orderby: 'name desc', $top: '2' },
    });
    const pages = await api.walk('GET Users', first, { schema: 'admin/user-collection', maxPages: 3 });

    expect(pages.flat().map((u) => u.name)).toEqual(users.map((u) => u.name).reverse());
  });

  itWrites('selects exactly one user with eq', async () => {
    const users = await createUsers('paging-eq', 3);

    const res = await api.send<UserCollection>('GET Users', { query: { $filter: "name eq 'Harness paging-eq-2'" } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user-collection');
    expect(res.body._embedded.items.map((u) => u.userId)).toEqual([users[1]?.userId]);
  });

  itWrites('leaves one user out with ne, combined with contains by and', async () => {
    const users = await createUsers('paging-ne', 3);

    const res = await api.send<UserCollection>('GET Users', {
      query: { $filter: "contains(email,'harness-admin-paging-ne-') and name ne 'Harness paging-ne-2'" },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user-collection');
    expectSameItems(
      res.body._embedded.items.map((u) => u.userId),
      [users[0], users[2]].map((u) => u?.userId ?? ''),
    );
  });

  it('refuses a $filter on a field users do not have with 400 UnsupportedQueryParameters', async () => {
    const res = await api.send<PlatformError>('GET Users', { query: { $filter: "colour eq 'blue'" } });

    expectError(res, 400, 'UnsupportedQueryParameters');
  });

  itWrites('walks sites two at a time to the end, none lost or repeated', async () => {
    const created: string[] = [];
    for (const n of [1, 2, 3]) created.push((await createSite(api, { name: `Harness Paging Site ${n}` })).siteId);

    const first = await api.send<SiteCollection>('GET Sites', { query: { $filter: "contains(name,'Harness Paging Site')", $top: '2' } });
    const pages = await api.walk('GET Sites', first, { schema: 'admin/site-collection', maxPages: 3 });

    expect(pages.map((items) => items.length)).toEqual([2, 1]);
    expectSameItems(
      pages.flat().map((s) => s.siteId),
      created,
    );
  });

  itWrites('walks groups two at a time to the end, none lost or repeated', async () => {
    const created: string[] = [];
    for (const n of [1, 2, 3]) created.push((await createGroup(api, { name: `Harness Paging Group ${n}` })).groupId);

    const first = await api.send<GroupCollection>('GET Groups', { query: { $filter: "contains(name,'Harness Paging Group')", $top: '2' } });
    const pages = await api.walk('GET Groups', first, { schema: 'admin/group-collection', maxPages: 3 });

    expect(pages.map((items) => items.length)).toEqual([2, 1]);
    expectSameItems(
      pages.flat().map((g) => g.groupId),
      created,
    );
  });

  itWrites('walks contacts two at a time to the end, none lost or repeated', async () => {
    const created: string[] = [];
    for (const n of [1, 2, 3]) {
      created.push((await createContact(api, { name: `Harness Paging Contact ${n}`, contactType: 'technical' })).contactId);
    }

    const first = await api.send<ContactCollection>('GET Contacts', { query: { $filter: "contains(name,'Harness Paging Contact')", $top: '2' } });
    const pages = await api.walk('GET Contacts', first, { schema: 'admin/contact-collection', maxPages: 3 });

    expect(pages.map((items) => items.length)).toEqual([2, 1]);
    expectSameItems(
      pages.flat().map((c) => c.contactId),
      created,
    );
  });

  itWrites('walks a group’s members two at a time, in the order they were added', async () => {
    const group = await createGroup(api, { name: 'Harness Paging Members' });
    const users = await createUsers('paging-member', 3);
    for (const user of users) {
      const added = await api.send<GroupMember>('POST Group Member', { vars: { groupId: group.groupId, userId: user.userId } });
      expect(added.status).toBe(201);
      expect(added.body).toMatchSchema('admin/group-member');
    }

    const first = await api.send<GroupMemberCollection>('GET Group Members', { vars: { groupId: group.groupId }, query: { $top: '2' } });
    const pages = await api.walk('GET Group Members', first, { schema: 'admin/group-member-collection', maxPages: 3 });

    expect(pages.map((items) => items.map((m) => m.userId))).toEqual([[users[0]?.userId, users[1]?.userId], [users[2]?.userId]]);
  });

  itWrites('walks a user’s tags two at a time, in the order they were created', async () => {
    const user = await createUser(api, userBody('paging-tags'));
    for (const n of [1, 2, 3]) await createTag(api, user.userId, `harness.page.${n}`, String(n));

    const first = await api.send<UserTagCollection>('GET User Tags', { vars: { userId: user.userId }, query: { $top: '2' } });
    const pages = await api.walk('GET User Tags', first, { schema: 'admin/user-tag-collection', maxPages: 3 });

    expect(pages.map((items) => items.map((t) => t.id))).toEqual([['harness.page.1', 'harness.page.2'], ['harness.page.3']]);
  });
});

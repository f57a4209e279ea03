// What the sandbox seed holds, read back (sandbox/README.md "Seeded credentials"): the account's
// users with the optional fields only seeded users carry (an extension, a sign-in name, a mobile),
// the partner admin, and the PBX site users and call legs point at. Created resources are read by
// the other suites; these reads are the only ones that see data nobody created in the run, so a
// drift in a field only seeded records have still fails a test. Values the fixtures scrub (mobile,
// loginId) are asserted by presence, extensions and roles exactly.
import { useCollection } from '../../harness';
import type { Claims } from '../../types/authentication/claims';
import type { Site } from '../../types/admin/site';
import type { User } from '../../types/admin/user';
import type { UserCollection } from '../../types/admin/user-collection';
import { authentication } from '../authentication/collection';
import { admin } from './collection';

const api = useCollection(admin);
const auth = useCollection(authentication);

/** A seeded user read with GET User, found through the claims of the user's own token. */
async function seededUser(as: 'primary' | 'second'): Promise<User> {
  const claims = await auth.send<Claims>('GET Token', { as });
  expect(claims.status).toBe(200);
  const res = await api.send<User>('GET User', { vars: { userId: claims.body.userId as string } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('admin/user');
  return res.body;
}

describe('GET User (seeded)', () => {
  it('reads the seeded account admin with his extension, sign-in name and mobile', async () => {
    const user = await seededUser('primary');

    expect(user).toMatchObject({ role: 'ACCOUNT_ADMIN', extension: '2001', loginId: expect.any(String), mobile: expect.any(String) });
  });

  it('reads a seeded plain user with his extension and no mobile', async () => {
    const user = await seededUser('second');

    expect(user).toMatchObject({ role: 'USER', extension: '2002' });
    expect(user).not.toHaveProperty('mobile');
  });
});

describe('GET Users (seeded)', () => {
  it('lists the seeded partner admin, who has no extension, among the account’s users', async () => {
    const res = await api.send<UserCollection>('GET Users', { query: { $filter: "role eq 'PARTNER_ADMIN'" } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user-collection');
    const partners = res.body._embedded.items;
    expect(partners.map((user) => user.role)).toEqual(['PARTNER_ADMIN']);
    expect(partners[0]).not.toHaveProperty('extension');
  });
});

describe('GET Site (seeded)', () => {
  it('reads the PBX site the seeded users work at, with its time zone', async () => {
    const user = await seededUser('primary');
    expect(user.siteId).toEqual(expect.any(String));

    const res = await api.send<Site>('GET Site', { vars: { siteId: user.siteId as string } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/site');
    expect(res.body).toMatchObject({ siteId: user.siteId, timeZone: 'America/Toronto', description: expect.any(String) });
  });
});

describe('GET Users (Token Account) (seeded)', () => {
  it('lists the seeded users of the token’s own account, the admin with extension 2001 among them', async () => {
    const res = await api.send<UserCollection>('GET Users (Token Account)', { query: { $top: '100' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user-collection');
    const users = res.body._embedded.items;
    expect(users.find((user) => user.extension === '2001')).toMatchObject({ role: 'ACCOUNT_ADMIN' });
    expect(new Set(users.map((user) => user.accountId)).size).toBe(1);
  });
});

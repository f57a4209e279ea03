// The account: "use only GET/PUT on accounts; create accounts via the Accounts portal" (P-GUIDES);
// the resource is the community SDK's CLAccount (SWIFT). A PUT changes only the fields sent, as
// AUTH-SPEC's PUT /applications does. Another account answers 404 AccountNotFound, as if it did not
// exist (sandbox/README.md "Admin": reach).
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Account } from '../../types/admin/account';
import type { Claims } from '../../types/authentication/claims';
import { authentication } from '../authentication/collection';
import { admin } from './collection';
import { expectError, type AdminClient } from './support';

const api = useCollection(admin);
const auth = useCollection(authentication);

/** The sandbox's second account (another partner's; sandbox/README.md "Seeded credentials"). */
const OTHER_ACCOUNT = 'e2b4f6a8-1c3d-4e5f-8a9b-0c1d2e3f4a5b';

/** Reads the account and registers putting its name back after the test. */
async function keepName(client: AdminClient): Promise<Account> {
  const res = await client.send<Account>('GET Account');
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('admin/account');
  const { name } = res.body;
  client.undo(`restore the account name "${name}"`, 'PUT Account', { json: { name } });
  return res.body;
}

describe('GET Account', () => {
  it('returns 200 with the account the token belongs to', async () => {
    const res = await api.send<Account>('GET Account');
    // Read after the account, not before: replay maps the environment's accountId back only once a
    // request has carried it, so a claims answer must not be the first to show it.
    const claims = await auth.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/account');
    expect(claims.status).toBe(200);
    expect(claims.body).toMatchSchema('authentication/claims');
    expect(res.body.accountId).toBe(claims.body.accountId);
  });

  it('lets a plain user read his own account', async () => {
    const res = await api.send<Account>('GET Account', { as: 'second' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/account');
  });

  itWrites('answers another account’s id with 404 AccountNotFound', async () => {
    const res = await api.send<PlatformError>('GET Account', { vars: { accountId: OTHER_ACCOUNT } });

    expectError(res, 404, 'AccountNotFound');
  });
});

describe('PUT Account', () => {
  itWrites('changes the name and leaves the other fields as they were', async () => {
    const before = await keepName(api);

    const res = await api.send<Account>('PUT Account', { vars: { accountName: 'Harness Renamed Account' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/account');
    expect(res.body).toMatchObject({ name: 'Harness Renamed Account', accountNumber: before.accountNumber, languageCode: before.languageCode });
  });

  itWrites('refuses a plain user with 403 InsufficientPermissions', async () => {
    await keepName(api);

    const res = await api.send<PlatformError>('PUT Account', { vars: { accountName: 'Harness Not Allowed' }, as: 'second' });

    expectError(res, 403, 'InsufficientPermissions');
  });

  itWrites('refuses a field the account does not have with 400 InvalidRequest naming it', async () => {
    const res = await api.send<PlatformError>('PUT Account', { json: { colour: 'blue' } });

    const error = expectError(res, 400, 'InvalidRequest');
    expect(error.message).toContain('colour');
  });

  itWrites('refuses an empty body with 400 MissingParamInRequest', async () => {
    const res = await api.send<PlatformError>('PUT Account', { json: {} });

    expectError(res, 400, 'MissingParamInRequest');
  });

  itWrites('answers another account’s id with 404 AccountNotFound', async () => {
    const res = await api.send<PlatformError>('PUT Account', { vars: { accountId: OTHER_ACCOUNT, accountName: 'Harness Elsewhere' } });

    expectError(res, 404, 'AccountNotFound');
  });
});

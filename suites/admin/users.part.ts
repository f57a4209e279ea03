// Scenario "Admin": an account admin manages the directory. Users live under
// /accounts/{accountId}/users and, for the token's own account, /users (the community SDK's path,
// SWIFT); a user created with a password signs in at once through the Authentication service's
// password grant, which matches email (AUTH-SPEC). The role ladder
// and 403 InsufficientPermissions are AUTH-SPEC's; the 400/409 names are the ones AUTH-SPEC gives
// for bodies and conflicts. Where public material is silent (201, PUT semantics, uniqueness) the
// tests follow sandbox/README.md "Admin". The environment's second user is a plain USER.
// "Forgot password" is Mitel's Dialogflow sample's call: `PUT /users/{email}/password` with
// {email, action: "forgot", accountId} and no token, 200 "mail sent" or 404 "unknown email" (DF-BOT).
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { PasswordReset } from '../../types/admin/password-reset';
import type { User } from '../../types/admin/user';
import type { UserCollection } from '../../types/admin/user-collection';
import type { Claims } from '../../types/authentication/claims';
import type { TokenResponse } from '../../types/authentication/token';
import { authentication } from '../authentication/collection';
import { admin } from './collection';
import { USER_PASSWORD, createUser, expectError, sendPostUser, userBody } from './support';

const api = useCollection(admin);
const auth = useCollection(authentication);

/** An id no user has; not placeholder-shaped, so the scrubber treats it like any other id. */
const UNKNOWN_USER = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';

describe('Scenario: admin', () => {
  itWrites('creates a user with 201 and the fields sent, as a USER by default', async () => {
    const res = await sendPostUser(api, { json: userBody('create', { displayName: 'Harness C.' }) });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('admin/user');
    expect(res.body).toMatchObject({ email: 'harness-admin-create@example.com', displayName: 'Harness C.', role: 'USER' });
  });

  itWrites('reads a created user back with GET User', async () => {
    const created = await createUser(api, userBody('read'));

    const res = await api.send<User>('GET User', { vars: { userId: created.userId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user');
    expect(res.body).toMatchObject({ userId: created.userId, email: created.email, name: created.name });
  });

  itWrites('serves the same user at /users/{userId}, the token account’s path', async () => {
    const created = await createUser(api, userBody('token-account'));

    const res = await api.send<User>('GET User (Token Account)', { vars: { userId: created.userId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user');
    expect(res.body.userId).toBe(created.userId);
  });

  itWrites('lists users with $filter and $top page by page through _links.next, and $skip starts later', async () => {
    const created: string[] = [];
    for (const n of [1, 2, 3]) created.push((await createUser(api, userBody(`list-${n}`))).userId);
    const $filter = "contains(email,'harness-admin-list-')";

    const first = await api.send<UserCollection>('GET Users', { query: { $filter, $top: '2' } });
    const pages = await api.walk('GET Users', first, { schema: 'admin/user-collection', maxPages: 3 });
    const skipped = await api.send<UserCollection>('GET Users', { query: { $filter, $top: '2', $skip: '1' } });

    expect(pages.map((items) => items.map((u) => u.userId))).toEqual([created.slice(0, 2), created.slice(2)]);
    expect(skipped.status).toBe(200);
    expect(skipped.body).toMatchSchema('admin/user-collection');
    expect(skipped.body._embedded.items.map((u) => u.userId)).toEqual(created.slice(1));
  });

  itWrites('changes only the fields a PUT sends', async () => {
    const created = await createUser(api, userBody('update'));

    const res = await api.send<User>('PUT User', { vars: { userId: created.userId, displayName: 'Harness Updated' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user');
    expect(res.body).toMatchObject({ displayName: 'Harness Updated', name: created.name, email: created.email });
  });

  itWrites('clears an optional field sent as null', async () => {
    const created = await createUser(api, userBody('clear', { phone: '+15550177001' }));

    const res = await api.send<User>('PUT User', { vars: { userId: created.userId }, json: { phone: null } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user');
    expect(res.body.phone).toBeUndefined();
  });

  itWrites('deletes a user with 200, after which GET User is 404 UserNotFound', async () => {
    const created = await createUser(api, userBody('delete'));

    const res = await api.send<User>('DELETE User', { vars: { userId: created.userId } });
    const after = await api.send<PlatformError>('GET User', { vars: { userId: created.userId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user');
    expect(res.body.userId).toBe(created.userId);
    expectError(after, 404, 'UserNotFound');
  });

  itWrites('lets the new user sign in with POST Token and the password given at creation', async () => {
    const created = await createUser(api, userBody('login', { password: USER_PASSWORD }));

    const token = await auth.send<TokenResponse>('POST Token', { vars: { username: created.email, password: USER_PASSWORD }, as: 'none' });
    expect(token.status).toBe(201);
    expect(token.body).toMatchSchema('authentication/token');
    const claims = await auth.send<Claims>('GET Token', { headers: { Authorization: `Bearer ${token.body.access_token}` } });

    expect(claims.status).toBe(200);
    expect(claims.body).toMatchSchema('authentication/claims');
    expect(claims.body).toMatchObject({ userId: created.userId, role: 'USER' });
  });

  itWrites('signs a deleted user out: the password is refused with 401 InvalidLoginCredentials', async () => {
    const created = await createUser(api, userBody('signed-out', { password: USER_PASSWORD }));
    const deleted = await api.send<User>('DELETE User', { vars: { userId: created.userId } });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchSchema('admin/user');

    const res = await auth.send<PlatformError>('POST Token', { vars: { username: created.email, password: USER_PASSWORD }, as: 'none' });

    expectError(res, 401, 'InvalidLoginCredentials');
  });

  itWrites('refuses a plain user the creation of a user with 403 InsufficientPermissions', async () => {
    const res = await sendPostUser(api, { json: userBody('by-user'), as: 'second' });

    expectError(res, 403, 'InsufficientPermissions');
  });

  itWrites('refuses a plain user a change to another user with 403 InsufficientPermissions', async () => {
    const created = await createUser(api, userBody('changed-by-user'));

    const res = await api.send<PlatformError>('PUT User', { vars: { userId: created.userId, displayName: 'Not Allowed' }, as: 'second' });

    expectError(res, 403, 'InsufficientPermissions');
  });

  itWrites('refuses a plain user the deletion of another user with 403 InsufficientPermissions', async () => {
    const created = await createUser(api, userBody('deleted-by-user'));

    const res = await api.send<PlatformError>('DELETE User', { vars: { userId: created.userId }, as: 'second' });

    expectError(res, 403, 'InsufficientPermissions');
  });

  itWrites('refuses an email another user has with 409 ConditionalCheckFailedException', async () => {
    const first = await createUser(api, userBody('taken'));

    const res = await sendPostUser(api, { json: { name: 'Harness Taken Twice', email: first.email } });

    const error = expectError(res, 409, 'ConditionalCheckFailedException');
    expect(error.message).toContain('email');
  });

  itWrites.each([
    ['no email', 'MissingParamInRequest', { name: 'Harness No Email' }, 'email'],
    ['a malformed email', 'InvalidRequest', userBody('malformed', { email: 'harness-admin-malformed' }), 'email'],
    ['a weak password', 'InvalidRequest', userBody('weak-password', { password: 'weakpass' }), 'password'],
    ['an unknown field', 'InvalidRequest', userBody('unknown-field', { emial: 'typo' }), 'emial'],
    ['the GUEST role', 'InvalidRequest', userBody('guest-role', { role: 'GUEST' }), 'role'],
  ])('refuses a user with %s with 400 %s naming the field', async (_case, name, json, field) => {
    const res = await sendPostUser(api, { json });

    const error = expectError(res, 400, name);
    expect(error.message).toContain(field);
  });

  itWrites('refuses a change to a read-only field with 400 InvalidRequest naming it', async () => {
    const created = await createUser(api, userBody('read-only'));

    const res = await api.send<PlatformError>('PUT User', { vars: { userId: created.userId }, json: { source: 'harness' } });

    const error = expectError(res, 400, 'InvalidRequest');
    expect(error.message).toContain('source');
  });

  itWrites.each(['GET User', 'PUT User', 'DELETE User'] as const)('answers %s for an unknown userId with 404 UserNotFound', async (name) => {
    const res = await api.send<PlatformError>(name, { vars: { userId: UNKNOWN_USER, displayName: 'Nobody' } });

    expectError(res, 404, 'UserNotFound');
  });
});

describe('PUT Forgot Password', () => {
  itWrites('answers 200 for a user’s email, without a token', async () => {
    const user = await createUser(api, userBody('forgot'));

    const res = await api.send<PasswordReset>('PUT Forgot Password', { vars: { email: user.email } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/password-reset');
  });

  itWrites('answers an email nobody has with 404 UserNotFound', async () => {
    const res = await api.send<PlatformError>('PUT Forgot Password', { vars: { email: 'harness-admin-nobody@example.com' } });

    expectError(res, 404, 'UserNotFound');
  });
});

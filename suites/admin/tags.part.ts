// User tags: `GET /users/{userId}/tags/{tagId}` is the community SDK's route (SWIFT); the contract
// follows AUTH-SPEC's application tags — POST {id, value} → 201, PUT {value}, a taken id 409
// ConditionalCheckFailedException. Who may touch whose tags (the user himself and his account's
// admins) is the sandbox's documented choice (sandbox/README.md "Admin"). Each test tags a user it
// creates, so no two tests share tags.
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { UserTag } from '../../types/admin/user-tag';
import type { UserTagCollection } from '../../types/admin/user-tag-collection';
import type { TokenResponse } from '../../types/authentication/token';
import { authentication } from '../authentication/collection';
import { admin } from './collection';
import { USER_PASSWORD, createTag, createUser, expectError, userBody } from './support';

const api = useCollection(admin);
const auth = useCollection(authentication);

describe('POST User Tag', () => {
  itWrites('puts a tag on a user with 201', async () => {
    const user = await createUser(api, userBody('tag-create'));

    const tag = await createTag(api, user.userId, 'harness.colour', 'blue');

    expect(tag).toMatchObject({ userId: user.userId, id: 'harness.colour', value: 'blue' });
  });

  itWrites('refuses an id the user already has with 409 ConditionalCheckFailedException', async () => {
    const user = await createUser(api, userBody('tag-twice'));
    await createTag(api, user.userId, 'harness.once', 'first');

    const res = await api.send<PlatformError>('POST User Tag', { vars: { userId: user.userId, tagId: 'harness.once', value: 'second' } });

    expectError(res, 409, 'ConditionalCheckFailedException');
  });

  itWrites('refuses a tag without a value with 400 MissingParamInRequest', async () => {
    const user = await createUser(api, userBody('tag-no-value'));

    const res = await api.send<PlatformError>('POST User Tag', { vars: { userId: user.userId }, json: { id: 'harness.empty' } });

    const error = expectError(res, 400, 'MissingParamInRequest');
    expect(error.message).toContain('value');
  });

  itWrites('lets a plain user tag himself', async () => {
    // A user of the test's own, signed in with his password: tagging a seeded user would leave
    // state behind that no cleanup reaches.
    const user = await createUser(api, userBody('tag-self', { password: USER_PASSWORD }));
    const token = await auth.send<TokenResponse>('POST Token', { vars: { username: user.email, password: USER_PASSWORD }, as: 'none' });
    expect(token.status).toBe(201);
    expect(token.body).toMatchSchema('authentication/token');

    const tag = await createTag(api, user.userId, 'harness.own', 'mine', { headers: { Authorization: `Bearer ${token.body.access_token}` } });

    expect(tag).toMatchObject({ userId: user.userId, value: 'mine', createdBy: user.userId });
  });
});

describe('GET User Tags', () => {
  itWrites('lists a user’s tags in the order they were created', async () => {
    const user = await createUser(api, userBody('tag-list'));
    await createTag(api, user.userId, 'harness.first', '1');
    await createTag(api, user.userId, 'harness.second', '2');

    const res = await api.send<UserTagCollection>('GET User Tags', { vars: { userId: user.userId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user-tag-collection');
    expect(res.body._embedded.items.map((t) => t.id)).toEqual(['harness.first', 'harness.second']);
  });

  itWrites('refuses a plain user another user’s tags with 403 InsufficientPermissions', async () => {
    const user = await createUser(api, userBody('tag-private'));

    const res = await api.send<PlatformError>('GET User Tags', { vars: { userId: user.userId }, as: 'second' });

    expectError(res, 403, 'InsufficientPermissions');
  });
});

describe('GET User Tag', () => {
  itWrites('reads one tag by its id', async () => {
    const user = await createUser(api, userBody('tag-read'));
    await createTag(api, user.userId, 'harness.read', 'value');

    const res = await api.send<UserTag>('GET User Tag', { vars: { userId: user.userId, tagId: 'harness.read' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user-tag');
    expect(res.body).toMatchObject({ id: 'harness.read', value: 'value' });
  });

  itWrites('answers an unknown tag id with 404 TagNotFound', async () => {
    const user = await createUser(api, userBody('tag-unknown'));

    const res = await api.send<PlatformError>('GET User Tag', { vars: { userId: user.userId, tagId: 'harness.missing' } });

    expectError(res, 404, 'TagNotFound');
  });
});

describe('PUT User Tag', () => {
  itWrites('changes a tag’s value', async () => {
    const user = await createUser(api, userBody('tag-update'));
    await createTag(api, user.userId, 'harness.mood', 'calm');

    const res = await api.send<UserTag>('PUT User Tag', { vars: { userId: user.userId, tagId: 'harness.mood', value: 'busy' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user-tag');
    expect(res.body).toMatchObject({ id: 'harness.mood', value: 'busy' });
  });
});

describe('DELETE User Tag', () => {
  itWrites('removes a tag with 200, after which it is 404 TagNotFound', async () => {
    const user = await createUser(api, userBody('tag-delete'));
    await createTag(api, user.userId, 'harness.gone', 'soon');

    const res = await api.send<UserTag>('DELETE User Tag', { vars: { userId: user.userId, tagId: 'harness.gone' } });
    const after = await api.send<PlatformError>('GET User Tag', { vars: { userId: user.userId, tagId: 'harness.gone' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/user-tag');
    expectError(after, 404, 'TagNotFound');
  });
});

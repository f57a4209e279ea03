// Groups of users and their members. The Admin guide names groups (P-GUIDES) and shows nothing
// more, so the shapes, the 201s and the 409 MemberAlreadyExists are the sandbox's documented
// choices (sandbox/README.md "Admin").
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Group } from '../../types/admin/group';
import type { GroupCollection } from '../../types/admin/group-collection';
import type { GroupMember } from '../../types/admin/group-member';
import type { GroupMemberCollection } from '../../types/admin/group-member-collection';
import { admin } from './collection';
import { createGroup, createUser, expectError, userBody } from './support';

const api = useCollection(admin);

const UNKNOWN_GROUP = '5b7d9f1a-3c4e-4b6d-9f8a-0c2e4a6b8d0f';

/** Adds a user to a group, checking the answer; the group's deletion takes the membership with it. */
async function addMember(groupId: string, userId: string): Promise<GroupMember> {
  const res = await api.send<GroupMember>('POST Group Member', { vars: { groupId, userId } });
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('admin/group-member');
  return res.body;
}

describe('POST Group', () => {
  itWrites('creates a group with 201, no members yet', async () => {
    const group = await createGroup(api, { name: 'Harness Create Group', description: 'Made by the harness' });

    expect(group).toMatchObject({ name: 'Harness Create Group', description: 'Made by the harness', memberCount: 0 });
  });

  itWrites('refuses a plain user with 403 InsufficientPermissions', async () => {
    const res = await api.send<PlatformError>('POST Group', { vars: { name: 'Harness Group By User' }, as: 'second' });

    expectError(res, 403, 'InsufficientPermissions');
  });
});

describe('GET Groups', () => {
  itWrites('lists a created group', async () => {
    const group = await createGroup(api, { name: 'Harness Listed Group' });

    const res = await api.send<GroupCollection>('GET Groups', { query: { $filter: "name eq 'Harness Listed Group'" } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/group-collection');
    expect(res.body._embedded.items.map((g) => g.groupId)).toEqual([group.groupId]);
  });
});

describe('GET Group', () => {
  itWrites('reads a created group back', async () => {
    const group = await createGroup(api, { name: 'Harness Read Group' });

    const res = await api.send<Group>('GET Group', { vars: { groupId: group.groupId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/group');
    expect(res.body.name).toBe('Harness Read Group');
  });

  it('answers an unknown groupId with 404 GroupNotFound', async () => {
    const res = await api.send<PlatformError>('GET Group', { vars: { groupId: UNKNOWN_GROUP } });

    expectError(res, 404, 'GroupNotFound');
  });
});

describe('PUT Group', () => {
  itWrites('changes only the fields sent', async () => {
    const group = await createGroup(api, { name: 'Harness Update Group' });

    const res = await api.send<Group>('PUT Group', { vars: { groupId: group.groupId, description: 'Changed by the harness' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/group');
    expect(res.body).toMatchObject({ name: 'Harness Update Group', description: 'Changed by the harness' });
  });
});

describe('DELETE Group', () => {
  itWrites('deletes a group with 200, after which it is 404 GroupNotFound', async () => {
    const group = await createGroup(api, { name: 'Harness Delete Group' });

    const res = await api.send<Group>('DELETE Group', { vars: { groupId: group.groupId } });
    const after = await api.send<PlatformError>('GET Group', { vars: { groupId: group.groupId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/group');
    expectError(after, 404, 'GroupNotFound');
  });
});

describe('POST Group Member', () => {
  itWrites('adds a user with 201, and the group counts the member', async () => {
    const group = await createGroup(api, { name: 'Harness Member Group' });
    const user = await createUser(api, userBody('member'));

    const member = await addMember(group.groupId, user.userId);
    const after = await api.send<Group>('GET Group', { vars: { groupId: group.groupId } });

    expect(member).toMatchObject({ userId: user.userId, groupId: group.groupId, email: user.email });
    expect(after.status).toBe(200);
    expect(after.body).toMatchSchema('admin/group');
    expect(after.body.memberCount).toBe(1);
  });

  itWrites('refuses a user who is already a member with 409 MemberAlreadyExists', async () => {
    const group = await createGroup(api, { name: 'Harness Twice Group' });
    const user = await createUser(api, userBody('member-twice'));
    await addMember(group.groupId, user.userId);

    const res = await api.send<PlatformError>('POST Group Member', { vars: { groupId: group.groupId, userId: user.userId } });

    expectError(res, 409, 'MemberAlreadyExists');
  });
});

describe('GET Group Members', () => {
  itWrites('lists the members in the order they were added', async () => {
    const group = await createGroup(api, { name: 'Harness Members Group' });
    const first = await createUser(api, userBody('members-1'));
    const second = await createUser(api, userBody('members-2'));
    await addMember(group.groupId, first.userId);
    await addMember(group.groupId, second.userId);

    const res = await api.send<GroupMemberCollection>('GET Group Members', { vars: { groupId: group.groupId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/group-member-collection');
    expect(res.body._embedded.items.map((m) => m.userId)).toEqual([first.userId, second.userId]);
  });
});

describe('GET Group Member', () => {
  itWrites('reads one member by userId', async () => {
    const group = await createGroup(api, { name: 'Harness Read Member Group' });
    const user = await createUser(api, userBody('read-member'));
    await addMember(group.groupId, user.userId);

    const res = await api.send<GroupMember>('GET Group Member', { vars: { groupId: group.groupId, userId: user.userId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/group-member');
    expect(res.body.userId).toBe(user.userId);
  });
});

describe('DELETE Group Member', () => {
  itWrites('takes a user out of a group with 200, after which GET Group Member is 404 MemberNotFound', async () => {
    const group = await createGroup(api, { name: 'Harness Leave Group' });
    const user = await createUser(api, userBody('leaver'));
    await addMember(group.groupId, user.userId);

    const res = await api.send<GroupMember>('DELETE Group Member', { vars: { groupId: group.groupId, userId: user.userId } });
    const after = await api.send<PlatformError>('GET Group Member', { vars: { groupId: group.groupId, userId: user.userId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('admin/group-member');
    expectError(after, 404, 'MemberNotFound');
  });
});

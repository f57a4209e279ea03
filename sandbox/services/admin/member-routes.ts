// A group's members: `GET/POST /accounts/{accountId}/groups/{groupId}/members` and
// `GET/DELETE …/members/{userId}`. No public source shows them; the shape follows the chat
// service's participants (a sub-collection of ids, 409 for someone already in, 404 UserNotFound
// for someone not of the account), all CHOICES listed in sandbox/README.md.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../platform/bearer-auth';
import { conflict, notFound } from '../../platform/errors';
import { requiredString } from '../../platform/json-fields';
import { pageOf, parseOData } from '../../platform/odata';
import type { AccountRecord } from '../../model';
import { findUser } from '../../state';
import { publishAdminChange, reachableAccount, requireAdmin, userIn, type AdminContext } from './context';
import { checkFields, createBody } from './fields';
import { groupPath, toMemberResource } from './presenter';
import { touch, type GroupRecord, type MemberRecord } from './store';

const MEMBER_FIELDS = ['userId', 'groupId', 'accountId', 'name', 'email', 'createdOn', 'createdBy'];
const BASE = '/accounts/:accountId/groups/:groupId/members';

export function registerMemberRoutes(app: FastifyInstance, admin: AdminContext): void {
  const params = (request: FastifyRequest) => request.params as Record<string, string>;
  const groupOf = (who: Caller, request: FastifyRequest): { account: AccountRecord; group: GroupRecord } => {
    const account = reachableAccount(admin, who, params(request).accountId as string);
    const groupId = params(request).groupId as string;
    const group = admin.store.groups.get(groupId);
    if (!group || group.accountId !== account.accountId) throw notFound('GroupNotFound', `No group '${groupId}' in account '${account.accountId}'.`);
    return { account, group };
  };
  const memberOf = (group: GroupRecord, userId: string): MemberRecord => {
    const member = group.members.find((known) => known.userId === userId);
    if (!member) throw notFound('MemberNotFound', `User '${userId}' is not a member of group '${group.groupId}'.`);
    return member;
  };
  const present = (group: GroupRecord, member: MemberRecord) => {
    const user = findUser(admin.state, member.userId);
    // Deleting a user drops his memberships (forgetUser), so this only guards the types.
    if (!user) throw notFound('MemberNotFound', `User '${member.userId}' no longer exists.`);
    return toMemberResource(admin, group, member, user);
  };

  app.get(BASE, async (request) => {
    const { group } = groupOf(admin.caller(request), request);
    const query = parseOData<Record<string, unknown>>(request.query, {
      allow: ['$top', '$skip', '$skiptoken', '$filter', '$orderby'],
      fields: MEMBER_FIELDS,
      key: (member) => member.userId as string,
    });
    return pageOf(
      group.members.map((member) => present(group, member)),
      query,
      `${groupPath(admin, group)}/members`,
    );
  });

  app.post(BASE, async (request, reply) => {
    const who = admin.caller(request);
    const { account, group } = groupOf(who, request);
    requireAdmin(who, 'Changing group members');
    const body = createBody(request, ['userId']);
    checkFields(body, ['userId'], { groupId: group.groupId, accountId: account.accountId });
    const user = userIn(admin, account, requiredString(body, 'userId'));
    if (group.members.some((member) => member.userId === user.userId)) {
      throw conflict('MemberAlreadyExists', `User '${user.userId}' is already a member of group '${group.groupId}'.`);
    }
    const now = admin.timestamp();
    const member: MemberRecord = { userId: user.userId, createdOn: now, createdBy: who.principalId };
    group.members.push(member);
    touch(group, who.principalId, now);
    const resource = toMemberResource(admin, group, member, user);
    publishAdminChange(admin, request, who, { method: 'POST', accountId: account.accountId, content: resource });
    return reply.code(201).send(resource);
  });

  app.get(`${BASE}/:userId`, async (request) => {
    const { group } = groupOf(admin.caller(request), request);
    return present(group, memberOf(group, params(request).userId as string));
  });

  app.delete(`${BASE}/:userId`, async (request) => {
    const who = admin.caller(request);
    const { account, group } = groupOf(who, request);
    requireAdmin(who, 'Changing group members');
    const member = memberOf(group, params(request).userId as string);
    const resource = present(group, member);
    group.members = group.members.filter((known) => known !== member);
    touch(group, who.principalId, admin.timestamp());
    publishAdminChange(admin, request, who, { method: 'DELETE', accountId: account.accountId, content: resource });
    // CHOICE: 200 with the membership that ended.
    return resource;
  });
}

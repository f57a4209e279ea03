// User tags: small named values an application keeps on a user. The route `GET
// /users/{userId}/tags/{tagId}` is the community SDK's (SWIFT); the rest of the set
// and the resource copy AUTH-SPEC's application tags one for one (POST `{id*, value*}` → 201, PUT
// `{value*}`, GET, DELETE; a taken id is 409), under both user paths.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../platform/bearer-auth';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { requiredString } from '../../platform/json-fields';
import { pageOf, parseOData } from '../../platform/odata';
import type { AccountRecord, UserRecord } from '../../model';
import { adminsOf, insufficient, isAdmin, isSelf, publishAdminChange, reachableAccount, reachableUser, userIn, type AdminContext } from './context';
import { checkFields, createBody, updateBody } from './fields';
import { toTagResource, userPath } from './presenter';
import { tagsOf, touch, type TagRecord } from './store';

const TAG_FIELDS = ['id', 'value', 'userId', 'accountId', 'createdOn', 'createdBy', 'modifiedOn', 'modifiedBy'];
/** CHOICE: ids travel in a path segment, so they are kept to characters that need no escaping there. */
const TAG_ID = /^[A-Za-z0-9._:~-]{1,128}$/;

type Owner = { user: UserRecord; account: AccountRecord };

export function registerTagRoutes(app: FastifyInstance, admin: AdminContext): void {
  const params = (request: FastifyRequest) => request.params as Record<string, string>;
  const bases: Array<[string, (who: Caller, request: FastifyRequest) => Owner]> = [
    [
      '/accounts/:accountId/users/:userId/tags',
      (who, request) => {
        const account = reachableAccount(admin, who, params(request).accountId as string);
        return { account, user: userIn(admin, account, params(request).userId as string) };
      },
    ],
    ['/users/:userId/tags', (who, request) => reachableUser(admin, who, params(request).userId as string)],
  ];
  for (const [base, ownerOf] of bases) registerTagSet(app, admin, base, ownerOf);
}

function registerTagSet(app: FastifyInstance, admin: AdminContext, base: string, ownerOf: (who: Caller, request: FastifyRequest) => Owner): void {
  /**
   * CHOICE: a user's tags are his applications' data about him: he and his account's admins
   * read and write them; other users get 403.
   */
  const owner = (request: FastifyRequest): Owner & { who: Caller } => {
    const who = admin.caller(request);
    const found = ownerOf(who, request);
    if (!isSelf(who, found.user) && !isAdmin(who)) {
      throw insufficient(`Tags of another user require ACCOUNT_ADMIN or higher; the token's role is ${who.role}.`);
    }
    return { who, ...found };
  };
  const tagOf = (user: UserRecord, tagId: string): TagRecord => {
    const tag = tagsOf(admin.store, user.userId).find((known) => known.id === tagId);
    if (!tag) throw notFound('TagNotFound', `No tag '${tagId}' on user '${user.userId}'.`);
    return tag;
  };
  const audience = (user: UserRecord) => [user.principalId, ...adminsOf(admin, user.accountId)];
  const tagId = (request: FastifyRequest) => (request.params as { tagId: string }).tagId;

  app.get(base, async (request) => {
    const { user } = owner(request);
    const query = parseOData<TagRecord>(request.query, {
      allow: ['$top', '$skip', '$skiptoken', '$filter', '$orderby'],
      fields: TAG_FIELDS,
      key: (tag) => tag.id,
    });
    return pageOf(tagsOf(admin.store, user.userId), query, `${userPath(admin, user)}/tags`, (tag) => toTagResource(admin, user, tag));
  });

  app.post(base, async (request, reply) => {
    const { who, user, account } = owner(request);
    const body = createBody(request, ['id', 'value']);
    checkFields(body, ['id', 'value'], { userId: user.userId, accountId: account.accountId });
    const id = requiredString(body, 'id');
    const value = requiredString(body, 'value');
    if (!TAG_ID.test(id)) throw badRequest('InvalidRequest', `id '${id}' must be 1 to 128 of A-Z a-z 0-9 . _ : ~ -.`);
    const tags = tagsOf(admin.store, user.userId);
    // AUTH-SPEC lists 409 for createApplicationTag; its conflict name is ConditionalCheckFailedException.
    if (tags.some((tag) => tag.id === id)) throw conflict('ConditionalCheckFailedException', `Tag '${id}' already exists on user '${user.userId}'.`);
    const now = admin.timestamp();
    const tag: TagRecord = {
      id,
      value,
      userId: user.userId,
      accountId: account.accountId,
      createdOn: now,
      createdBy: who.principalId,
      modifiedOn: now,
      modifiedBy: who.principalId,
    };
    tags.push(tag);
    const resource = toTagResource(admin, user, tag);
    publishAdminChange(admin, request, who, { method: 'POST', accountId: account.accountId, content: resource, audience: audience(user) });
    return reply.code(201).send(resource);
  });

  app.get(`${base}/:tagId`, async (request) => {
    const { user } = owner(request);
    return toTagResource(admin, user, tagOf(user, tagId(request)));
  });

  app.put(`${base}/:tagId`, async (request) => {
    const { who, user, account } = owner(request);
    const tag = tagOf(user, tagId(request));
    const body = updateBody(request);
    checkFields(body, ['value'], toTagResource(admin, user, tag));
    // AUTH-SPEC applicationTagPutRequest: value is required.
    tag.value = requiredString(body, 'value');
    touch(tag, who.principalId, admin.timestamp());
    const resource = toTagResource(admin, user, tag);
    publishAdminChange(admin, request, who, { method: 'PUT', accountId: account.accountId, content: resource, audience: audience(user) });
    return resource;
  });

  app.delete(`${base}/:tagId`, async (request) => {
    const { who, user, account } = owner(request);
    const tag = tagOf(user, tagId(request));
    const resource = toTagResource(admin, user, tag);
    const tags = tagsOf(admin.store, user.userId);
    tags.splice(tags.indexOf(tag), 1);
    publishAdminChange(admin, request, who, { method: 'DELETE', accountId: account.accountId, content: resource, audience: audience(user) });
    // CHOICE: AUTH-SPEC's DELETE answers 200 (its body a dangling $ref); the deleted tag is shown.
    return resource;
  });
}

// Users, under two paths. `/users` and `/users/{userId}` are what the community SDK calls (SWIFT
// `CLUser`): the token's account. `/accounts/{accountId}/users…` names the account,
// which is how a partner or global admin reaches the accounts it manages (CHOICE: the SDK's
// account-scoped resource paths, `/accounts/{accountId}/contacts`, extended to users). Both serve
// the same records and show the account-scoped path as `_links.self`. The forgot-password call
// (DF-BOT) is here too, at the end.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../platform/bearer-auth';
import { badRequest, notFound } from '../../platform/errors';
import { optionalString } from '../../platform/json-fields';
import { pageOf, parseOData } from '../../platform/odata';
import { jsonObjectBody } from '../../platform/request-fields';
import type { AccountRecord, UserRecord } from '../../model';
import { findAccountByIdOrNumber } from '../../state';
import {
  insufficient,
  isAdmin,
  isSelf,
  publishAdminChange,
  reachableAccount,
  reachableUser,
  requireAdmin,
  requireOutranks,
  userIn,
  type AdminContext,
} from './context';
import { checkFields, createBody, updateBody } from './fields';
import { toUserResource } from './presenter';
import { REQUIRED_FIELDS, SELF_FIELDS, USER_FIELDS, createUser, deleteUser, readUserChanges, updateUser, usersOf } from './user-directory';

/** What $filter and $orderby may name: the resource's plain fields. */
const LIST_FIELDS = [
  'userId',
  'uniqueUserId',
  'accountId',
  'name',
  'displayName',
  'email',
  'emailVerified',
  'role',
  'loginId',
  'languageCode',
  'extension',
  'extensionVerified',
  'mobile',
  'mobileVerified',
  'phone',
  'phoneVerified',
  'siteId',
  'sipAddress',
  'createdOn',
  'createdBy',
  'modifiedOn',
  'modifiedBy',
];

type Located = { user: UserRecord; account: AccountRecord };

/** How a family of user routes finds its account and its user. */
interface UserScope {
  base: string;
  account(who: Caller, request: FastifyRequest): AccountRecord;
  user(who: Caller, request: FastifyRequest): Located;
}

export function registerUserRoutes(app: FastifyInstance, admin: AdminContext): void {
  const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name] as string;
  const scopes: UserScope[] = [
    {
      base: '/accounts/:accountId/users',
      account: (who, request) => reachableAccount(admin, who, param(request, 'accountId')),
      user: (who, request) => {
        const account = reachableAccount(admin, who, param(request, 'accountId'));
        return { account, user: userIn(admin, account, param(request, 'userId')) };
      },
    },
    {
      base: '/users',
      account: (who) => reachableAccount(admin, who, who.accountId),
      user: (who, request) => reachableUser(admin, who, param(request, 'userId')),
    },
  ];
  for (const scope of scopes) registerScope(app, admin, scope);
  registerPasswordRoute(app, admin);
}

function registerScope(app: FastifyInstance, admin: AdminContext, scope: UserScope): void {
  const { base } = scope;

  // CHOICE: every user reads his account's directory (chat and presence apps need each other's
  // ids, S-CHAT); creating, changing others and deleting are ACCOUNT_ADMIN or higher.
  app.get(base, async (request) => {
    const who = admin.caller(request);
    const account = scope.account(who, request);
    const query = parseOData<Record<string, unknown>>(request.query, {
      allow: ['$top', '$skip', '$skiptoken', '$filter', '$orderby'],
      fields: LIST_FIELDS,
      key: (user) => user.userId as string,
    });
    // Directory order (seeded users first, then in creation order) unless $orderby says otherwise.
    const items = usersOf(admin, account.accountId).map((user) => toUserResource(admin, user));
    return pageOf(items, query, `${admin.servicePath}/accounts/${account.accountId}/users`);
  });

  app.post(base, async (request, reply) => {
    const who = admin.caller(request);
    const account = scope.account(who, request);
    requireAdmin(who, 'Creating users');
    const body = createBody(request, REQUIRED_FIELDS);
    // accountId may be sent if it is the account of the path: a copied resource is no error.
    checkFields(body, USER_FIELDS, { accountId: account.accountId });
    const user = createUser(admin, who, account, readUserChanges(body));
    const resource = toUserResource(admin, user);
    publishAdminChange(admin, request, who, { method: 'POST', accountId: account.accountId, content: resource });
    // CHOICE: 201 Created, like every CloudLink create AUTH-SPEC shows (POST /token, /applications).
    return reply.code(201).send(resource);
  });

  app.get(`${base}/:userId`, async (request) => {
    const who = admin.caller(request);
    return toUserResource(admin, scope.user(who, request).user);
  });

  // PUT changes only the fields sent (as AUTH-SPEC's PUT /applications does).
  app.put(`${base}/:userId`, async (request) => {
    const who = admin.caller(request);
    const { user, account } = scope.user(who, request);
    const body = updateBody(request);
    const current = toUserResource(admin, user);
    checkFields(body, USER_FIELDS, current);
    if (isAdmin(who)) {
      requireOutranks(who, user, 'Changing');
    } else {
      if (!isSelf(who, user)) throw insufficient(`Changing another user requires ACCOUNT_ADMIN or higher; the token's role is ${who.role}.`);
      const refused = Object.keys(body).filter(
        (name) => USER_FIELDS.includes(name) && !SELF_FIELDS.includes(name) && JSON.stringify(body[name]) !== JSON.stringify(current[name]),
      );
      if (refused.length > 0) throw insufficient(`Changing ${refused.join(', ')} requires ACCOUNT_ADMIN or higher.`);
    }
    updateUser(admin, who, account, user, readUserChanges(body));
    const resource = toUserResource(admin, user);
    publishAdminChange(admin, request, who, { method: 'PUT', accountId: account.accountId, content: resource });
    return resource;
  });

  app.delete(`${base}/:userId`, async (request) => {
    const who = admin.caller(request);
    const { user, account } = scope.user(who, request);
    requireAdmin(who, 'Deleting users');
    requireOutranks(who, user, 'Deleting');
    // CHOICE: an admin cannot delete himself, so an account is never left without the admin acting on it.
    if (isSelf(who, user)) throw insufficient('A user cannot delete himself.');
    const resource = toUserResource(admin, user);
    deleteUser(admin, user);
    publishAdminChange(admin, request, who, { method: 'DELETE', accountId: account.accountId, content: resource });
    // CHOICE: 200 with the deleted user, as the sandbox's other deletes answer.
    return resource;
  });
}

// "Forgot password": `PUT /users/{email}/password` with `{email, action:"forgot", accountId}` and
// no Authorization header; 200 when the reset mail went out, 404 for an unknown email (DF-BOT).
// The sandbox sends no mail: it only answers as CloudLink would.
function registerPasswordRoute(app: FastifyInstance, admin: AdminContext): void {
  // The path parameter is named like its siblings' (`/users/{userId}`); here it holds an email.
  app.put('/users/:userId/password', async (request) => {
    const address = (request.params as { userId: string }).userId;
    const body = jsonObjectBody(request) ?? {};
    const action = optionalString(body, 'action');
    if (action === undefined) throw badRequest('MissingParamInRequest', 'action is required.');
    // CHOICE: "forgot" is the only action public material shows; changing a password is PUT /users/{userId}.
    if (action !== 'forgot') throw badRequest('InvalidRequest', `action '${action}' is not supported; use 'forgot'.`);
    const sentEmail = optionalString(body, 'email');
    if (sentEmail !== undefined && sentEmail.toLowerCase() !== address.toLowerCase()) {
      throw badRequest('InvalidRequest', `email '${sentEmail}' is not the email of the path ('${address}').`);
    }
    const accountId = optionalString(body, 'accountId');
    const account = accountId === undefined ? undefined : findAccountByIdOrNumber(admin.state, accountId);
    if (accountId !== undefined && !account) throw notFound('AccountNotFound', `No account '${accountId}'.`);
    // CHOICE: without accountId an email present in several accounts is fine: each would get a mail.
    const known = admin.state.users.some((user) => user.email.toLowerCase() === address.toLowerCase() && (!account || user.accountId === account.accountId));
    if (!known) throw notFound('UserNotFound', `No user with email '${address}'.`);
    // CHOICE: the 200 body is undocumented (DF-BOT reads only the status); it says what was done.
    return { email: address, action, message: 'A password reset email has been sent.' };
  });
}

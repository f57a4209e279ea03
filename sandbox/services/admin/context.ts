// What every admin route shares: who may reach what, and how a change is published. The role
// ladder is AUTH-SPEC's (`claims.role`: GLOBAL_ADMIN > PARTNER_ADMIN > ACCOUNT_ADMIN > USER >
// GUEST); how far each rung reaches is undocumented for Admin, so the rules
// below are CHOICES listed in sandbox/README.md, modelled on the Authentication service's own: a
// PARTNER_ADMIN acts for the accounts of its partner (AUTH-SPEC POST /applications, assume-role),
// "ACCOUNT_ADMIN or higher" changes things (AUTH-SPEC PUT /applications), and what lies outside a
// caller's reach answers 404 as if it did not exist, so ids elsewhere cannot be probed.
import type { FastifyRequest } from 'fastify';
import { authenticate, type Caller } from '../../platform/bearer-auth';
import type { Publication } from '../../platform/events';
import { forbidden, notFound } from '../../platform/errors';
import { roleAtLeast, type AccountRecord, type UserRecord } from '../../model';
import { findAccountByIdOrNumber, findUser, nowSeconds, type SandboxState } from '../../state';
import type { AdminStore } from './store';

export interface AdminContext {
  state: SandboxState;
  store: AdminStore;
  /** The service prefix (`/admin/2017-09-01`): every link in a body starts with it. */
  servicePath: string;
  /** CloudLink's host-relative base (`/2017-09-01`): notification subjects start with it (S-NOTIF). */
  subjectBase: string;
  caller(request: FastifyRequest): Caller;
  timestamp(): string;
}

export function adminContext(state: SandboxState, store: AdminStore, servicePath: string): AdminContext {
  return {
    state,
    store,
    servicePath,
    subjectBase: servicePath.slice(servicePath.lastIndexOf('/')),
    caller: (request) => {
      const who = authenticate(request, state.signingKey, nowSeconds(state));
      // Guests hold a meeting-scoped token (AUTH-SPEC /guest/token); the directory is not theirs.
      if (!roleAtLeast(who.role, 'USER')) throw insufficient('Guests cannot use the admin service.');
      return who;
    },
    timestamp: () => new Date(state.now()).toISOString(),
  };
}

/** AUTH-SPEC's 403 name for a role that may not do this. */
export const insufficient = (message: string) => forbidden('InsufficientPermissions', message);

export const isAdmin = (who: Caller) => roleAtLeast(who.role, 'ACCOUNT_ADMIN');

/** Whether the caller's role reaches into `account` at all (reading included). */
export function reaches(who: Caller, account: AccountRecord): boolean {
  if (who.role === 'GLOBAL_ADMIN') return true;
  if (account.accountId === who.accountId) return true;
  return who.role === 'PARTNER_ADMIN' && typeof who.partnerId === 'string' && account.partnerId === who.partnerId;
}

/**
 * The account named in a path, when the caller reaches it. The id may be the GUID or the numeric
 * accountNumber, as `account_id` may at login (AUTH-SPEC; F-AUTHQ).
 */
export function reachableAccount(admin: AdminContext, who: Caller, accountId: string): AccountRecord {
  const account = findAccountByIdOrNumber(admin.state, accountId);
  if (!account || !reaches(who, account)) throw notFound('AccountNotFound', `No account '${accountId}'.`);
  return account;
}

/** 403 unless the caller is an ACCOUNT_ADMIN or higher; `what` says what was refused. */
export function requireAdmin(who: Caller, what: string): void {
  if (!isAdmin(who)) throw insufficient(`${what} requires ACCOUNT_ADMIN or higher; the token's role is ${who.role}.`);
}

/** A user of `account`, or 404 UserNotFound. */
export function userIn(admin: AdminContext, account: AccountRecord, userId: string): UserRecord {
  const user = findUser(admin.state, userId);
  if (!user || user.accountId !== account.accountId) {
    throw notFound('UserNotFound', `No user '${userId}' in account '${account.accountId}'.`);
  }
  return user;
}

/** A user the caller reaches, whatever its account (the `/users/{userId}` routes name no account). */
export function reachableUser(admin: AdminContext, who: Caller, userId: string): { user: UserRecord; account: AccountRecord } {
  const user = findUser(admin.state, userId);
  const account = user && findAccountByIdOrNumber(admin.state, user.accountId);
  if (!user || !account || !reaches(who, account)) throw notFound('UserNotFound', `No user '${userId}'.`);
  return { user, account };
}

/**
 * Admins may act on users of their own rank or below, never above: an ACCOUNT_ADMIN cannot edit,
 * demote or delete the PARTNER_ADMIN who manages the account (as assume-role never raises a role,
 * AUTH-SPEC).
 */
export function requireOutranks(who: Caller, user: UserRecord, what: string): void {
  if (!roleAtLeast(who.role, user.role)) {
    throw insufficient(`${what} of user '${user.userId}' (${user.role}) requires ${user.role} or higher.`);
  }
}

/** The caller themselves, when the token is a user's (a client_credentials token is not). */
export const isSelf = (who: Caller, user: UserRecord) => who.principalId === user.principalId;

/** The account's admins: who hears about changes to a user's private data. */
export function adminsOf(admin: AdminContext, accountId: string): string[] {
  return admin.state.users.filter((user) => user.accountId === accountId && roleAtLeast(user.role, 'ACCOUNT_ADMIN')).map((user) => user.principalId);
}

// What the Admin service tells the notifications service. The topic `platform-api-admin` appears
// only in a third-party client (NOTIF-3P), no payload anywhere: everything past the
// topic name is a CHOICE in the shape Media's publications already have (S-NOTIF) — subject the
// resource's CloudLink path (`/2017-09-01/accounts/<id>/users/<id>`), method POST for a new
// resource, PUT for a change, DELETE for a removal (WS-DOC), content the resource as GET shows it.
export const ADMIN_TOPIC = 'platform-api-admin';

export interface AdminChange {
  method: Publication['method'];
  /** The affected account: its subscriptions hear the change, whoever made it. */
  accountId: string;
  content: Record<string, unknown>;
  /** Narrows the audience to these principals (WS-DOC "PrincipleFilter"); absent = the whole account. */
  audience?: readonly string[];
}

/**
 * The subject is read from the resource's own `_links.self`, with the sandbox's service prefix
 * swapped for CloudLink's bare version segment, so subject and link never disagree.
 */
export function publishAdminChange(admin: AdminContext, request: FastifyRequest, who: Caller, change: AdminChange): void {
  const links = change.content._links as { self?: unknown } | undefined;
  const self = typeof links?.self === 'string' ? links.self : admin.servicePath;
  admin.state.events.publish({
    topic: ADMIN_TOPIC,
    method: change.method,
    subject: `${admin.subjectBase}${self.slice(admin.servicePath.length)}`,
    content: change.content,
    publisher: { accountId: change.accountId, principalId: who.principalId },
    ...(change.audience ? { principalFilter: [...new Set(change.audience)] } : {}),
    correlationId: request.id,
  });
}

// Users in the shared directory. A user made here is a `UserRecord` in `state.users`, the list
// the Authentication service's password grant searches, so it can sign in at once with the
// password it was given; a user deleted here leaves that list, so its password and its refresh
// tokens stop working (AUTH-SPEC: refresh checks the user still exists and is active).
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../platform/bearer-auth';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { optionalEnum, type JsonObject } from '../../platform/json-fields';
import { roleAtLeast, type AccountRecord, type Role, type UserRecord } from '../../model';
import { matchesUsername } from '../authentication/login';
import { insufficient, type AdminContext } from './context';
import { clearable, email, extension, languageCode, password, phoneNumber, text } from './fields';
import { accountExtras, forgetUser, touch, userExtras, type UserExtras } from './store';

/** GUEST is a token (AUTH-SPEC /guest/token), never a directory entry. */
export const ASSIGNABLE_ROLES = ['USER', 'ACCOUNT_ADMIN', 'PARTNER_ADMIN', 'GLOBAL_ADMIN'] as const satisfies readonly Role[];

/** What POST and PUT take. CHOICE: SWIFT `CLUser`'s writable-looking fields plus `password` and `loginId`. */
export const USER_FIELDS = [
  'name',
  'email',
  'password',
  'role',
  'loginId',
  'mobile',
  'phone',
  'extension',
  'siteId',
  'displayName',
  'languageCode',
  'photoUrl',
];
/** CHOICE: what a user may change about himself without being an admin: his profile and password. */
export const SELF_FIELDS = ['name', 'displayName', 'languageCode', 'photoUrl', 'phone', 'mobile', 'password'];
export const REQUIRED_FIELDS = ['name', 'email'];

type Clearable<T> = T | null | undefined;

export interface UserChanges {
  name?: string;
  email?: string;
  password?: string;
  role?: Role;
  loginId: Clearable<string>;
  mobile: Clearable<string>;
  phone: Clearable<string>;
  extension: Clearable<string>;
  siteId: Clearable<string>;
  displayName: Clearable<string>;
  languageCode?: string;
  photoUrl: Clearable<string>;
}

/** Type and format checks of every field sent; 400 InvalidRequest naming the first bad one. */
export function readUserChanges(body: JsonObject): UserChanges {
  return {
    name: text(body, 'name'),
    email: email(body, 'email'),
    password: password(body, 'password'),
    role: optionalEnum(body, 'role', ASSIGNABLE_ROLES),
    loginId: clearable(body, 'loginId', text),
    mobile: clearable(body, 'mobile', phoneNumber),
    phone: clearable(body, 'phone', phoneNumber),
    extension: clearable(body, 'extension', extension),
    siteId: clearable(body, 'siteId', text),
    displayName: clearable(body, 'displayName', text),
    languageCode: languageCode(body, 'languageCode'),
    photoUrl: clearable(body, 'photoUrl', text),
  };
}

/** The account's users, in directory order. */
export const usersOf = (admin: AdminContext, accountId: string) => admin.state.users.filter((user) => user.accountId === accountId);

/**
 * CHOICE: email, loginId and mobile are sign-in names (AUTH-SPEC password grant), so a new or
 * changed one that would sign in as anybody else on the platform is 409. AUTH-SPEC's
 * MultipleMatching shows the platform can hold one email in several accounts (the seed keeps such
 * a pair for the login tests); the Admin service refuses to make new ones. A PBX extension is
 * unique within its account.
 */
function assertFree(admin: AdminContext, account: AccountRecord, changes: UserChanges, self?: UserRecord): void {
  const others = admin.state.users.filter((user) => user !== self);
  for (const field of ['email', 'loginId', 'mobile'] as const) {
    const value = changes[field];
    if (value === undefined || value === null || (self && value === self[field])) continue;
    if (others.some((user) => matchesUsername(user, value))) {
      throw conflict('ConditionalCheckFailedException', `A user with ${field} '${value}' already exists.`);
    }
  }
  const wanted = changes.extension;
  if (wanted && others.some((user) => user.accountId === account.accountId && user.extension === wanted)) {
    throw conflict('ConditionalCheckFailedException', `Extension '${wanted}' already belongs to another user of this account.`);
  }
}

function assertSite(admin: AdminContext, account: AccountRecord, siteId: Clearable<string>): void {
  if (!siteId) return;
  const site = admin.store.sites.get(siteId);
  if (!site || site.accountId !== account.accountId) throw notFound('SiteNotFound', `siteId '${siteId}' is no site of this account.`);
}

/** Nobody hands out a role above his own (assume-role never raises one either, AUTH-SPEC). */
function assertGrantable(who: Caller, role: Role | undefined): void {
  if (role !== undefined && !roleAtLeast(who.role, role)) throw insufficient(`A ${who.role} cannot grant the role ${role}.`);
}

function applyExtras(extras: UserExtras, changes: UserChanges): void {
  for (const field of ['displayName', 'phone', 'siteId', 'photoUrl'] as const) {
    const value = changes[field];
    if (value !== undefined) extras[field] = value ?? undefined;
  }
}

export function createUser(admin: AdminContext, who: Caller, account: AccountRecord, changes: UserChanges): UserRecord {
  const missing = REQUIRED_FIELDS.filter((field) => changes[field as 'name' | 'email'] === undefined);
  if (missing.length > 0) throw badRequest('MissingParamInRequest', `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required.`);
  assertGrantable(who, changes.role);
  assertSite(admin, account, changes.siteId);
  assertFree(admin, account, changes);
  const limit = accountExtras(admin.store, account).userLimit;
  if (usersOf(admin, account.accountId).length >= limit) {
    throw conflict('UserLimitExceeded', `Account '${account.accountId}' already has its limit of ${limit} users.`);
  }

  const userId = randomUUID();
  const user: UserRecord = {
    userId,
    uniqueUserId: userId,
    principalId: userId,
    accountId: account.accountId,
    email: changes.email as string,
    name: changes.name as string,
    role: changes.role ?? 'USER',
    // CHOICE: without a password the user exists but cannot sign in (CloudLink would mail an
    // invitation; the sandbox sends no mail). An empty password never matches: /token requires one.
    password: changes.password ?? '',
    languageCode: changes.languageCode ?? accountExtras(admin.store, account).languageCode,
    // New addresses and numbers are unverified until their owner proves them.
    emailVerified: false,
    extensionVerified: false,
    mobileVerified: false,
    phoneVerified: false,
    active: true,
  };
  if (changes.loginId) user.loginId = changes.loginId;
  if (changes.mobile) user.mobile = changes.mobile;
  if (changes.extension) user.extension = changes.extension;
  admin.state.users.push(user);
  const now = admin.timestamp();
  const extras: UserExtras = { createdOn: now, createdBy: who.principalId, modifiedOn: now, modifiedBy: who.principalId };
  applyExtras(extras, changes);
  admin.store.users.set(userId, extras);
  return user;
}

export function updateUser(admin: AdminContext, who: Caller, account: AccountRecord, user: UserRecord, changes: UserChanges): void {
  assertGrantable(who, changes.role);
  assertSite(admin, account, changes.siteId);
  assertFree(admin, account, changes, user);
  if (changes.name !== undefined) user.name = changes.name;
  if (changes.email !== undefined && changes.email !== user.email) {
    user.email = changes.email;
    user.emailVerified = false;
  }
  if (changes.password !== undefined) user.password = changes.password;
  if (changes.role !== undefined) user.role = changes.role;
  if (changes.languageCode !== undefined) user.languageCode = changes.languageCode;
  if (changes.loginId !== undefined) setOptional(user, 'loginId', changes.loginId);
  if (changes.mobile !== undefined && changes.mobile !== user.mobile) {
    setOptional(user, 'mobile', changes.mobile);
    user.mobileVerified = false;
  }
  if (changes.extension !== undefined && changes.extension !== user.extension) {
    setOptional(user, 'extension', changes.extension);
    user.extensionVerified = false;
  }
  const extras = userExtras(admin.store, user);
  applyExtras(extras, changes);
  touch(extras, who.principalId, admin.timestamp());
}

function setOptional(user: UserRecord, field: 'loginId' | 'mobile' | 'extension', value: string | null): void {
  if (value === null) delete user[field];
  else user[field] = value;
}

export function deleteUser(admin: AdminContext, user: UserRecord): void {
  const index = admin.state.users.indexOf(user);
  if (index !== -1) admin.state.users.splice(index, 1);
  forgetUser(admin.store, user.userId);
}

// What the Admin service keeps beside the shared directory. Accounts and users themselves live in
// `state.users` / `state.accounts`, because the Authentication service signs people in from there;
// this store holds only what the admin resources show on top of them (SWIFT `CLAccount`,
// `CLUser`), plus the resources no other service reads: sites, groups, user tags, contacts.
import type { AccountRecord, UserRecord } from '../../model';
import { MAIN_ACCOUNT_ID, SITE_ID } from '../../seed';

/** When the seeded directory "was created": records nobody created through this service show it. */
export const SEEDED_AT = '2024-01-01T00:00:00.000Z';
/** createdBy of seeded records: no principal created them. */
export const SEEDED_BY = 'system';

export interface Stamp {
  createdOn: string;
  createdBy: string;
  modifiedOn: string;
  modifiedBy: string;
}

export interface AccountPolicy {
  allowGuestAccess: boolean;
  allowProxyAuthentication: boolean;
}

export interface AccountExtras extends Stamp {
  languageCode: string;
  location?: string;
  policy: AccountPolicy;
  policyId?: string;
  userLimit: number;
}

export interface UserExtras extends Stamp {
  displayName?: string;
  phone?: string;
  siteId?: string;
  photoUrl?: string;
}

export interface Address {
  street?: string;
  city?: string;
  region?: string;
  postalCode?: string;
  country?: string;
}

export interface SiteRecord extends Stamp {
  siteId: string;
  accountId: string;
  name: string;
  description?: string;
  timeZone?: string;
  address?: Address;
}

export interface MemberRecord {
  userId: string;
  createdOn: string;
  createdBy: string;
}

export interface GroupRecord extends Stamp {
  groupId: string;
  accountId: string;
  name: string;
  description?: string;
  extension?: string;
  /** In the order they were added. */
  members: MemberRecord[];
}

/** Shaped after AUTH-SPEC `applicationTag` ({id, value} + resource fields), keyed to a user instead. */
export interface TagRecord extends Stamp {
  id: string;
  userId: string;
  accountId: string;
  value: string;
}

export interface ContactRecord extends Stamp {
  contactId: string;
  accountId: string;
  name: string;
  contactType: string;
  email?: string;
  phone?: string;
}

export interface AdminStore {
  accounts: Map<string, AccountExtras>;
  users: Map<string, UserExtras>;
  sites: Map<string, SiteRecord>;
  groups: Map<string, GroupRecord>;
  /** By userId; each user's tags in creation order. */
  tags: Map<string, TagRecord[]>;
  contacts: Map<string, ContactRecord>;
}

const seededStamp = (): Stamp => ({ createdOn: SEEDED_AT, createdBy: SEEDED_BY, modifiedOn: SEEDED_AT, modifiedBy: SEEDED_BY });

/** CHOICE: 500 users per account unless a partner says otherwise (SWIFT shows `userLimit`, no value). */
export const DEFAULT_USER_LIMIT = 500;

/**
 * The admin view of the seed: the main account's one PBX site (the `siteId` Media's endpoints
 * carry) and the users with an extension placed on it. Everything else starts empty.
 */
export function createAdminStore(users: readonly UserRecord[]): AdminStore {
  const store: AdminStore = {
    accounts: new Map(),
    users: new Map(),
    sites: new Map(),
    groups: new Map(),
    tags: new Map(),
    contacts: new Map(),
  };
  store.sites.set(SITE_ID, {
    siteId: SITE_ID,
    accountId: MAIN_ACCOUNT_ID,
    name: 'Head Office',
    description: 'The sandbox PBX site.',
    timeZone: 'America/Toronto',
    ...seededStamp(),
  });
  for (const user of users) {
    if (user.extension !== undefined && user.accountId === MAIN_ACCOUNT_ID) {
      store.users.set(user.userId, { siteId: SITE_ID, ...seededStamp() });
    }
  }
  return store;
}

/**
 * The admin fields of an account. Made on first use rather than at seeding, so an account added
 * to the shared state by another service or a test is still a complete admin resource.
 */
export function accountExtras(store: AdminStore, account: AccountRecord): AccountExtras {
  let extras = store.accounts.get(account.accountId);
  if (!extras) {
    extras = {
      languageCode: 'en-US',
      policy: { allowGuestAccess: false, allowProxyAuthentication: false },
      userLimit: DEFAULT_USER_LIMIT,
      ...seededStamp(),
    };
    store.accounts.set(account.accountId, extras);
  }
  return extras;
}

/** The admin fields of a user, made on first use for the same reason as accountExtras. */
export function userExtras(store: AdminStore, user: UserRecord): UserExtras {
  let extras = store.users.get(user.userId);
  if (!extras) {
    extras = seededStamp();
    store.users.set(user.userId, extras);
  }
  return extras;
}

export function tagsOf(store: AdminStore, userId: string): TagRecord[] {
  let tags = store.tags.get(userId);
  if (!tags) {
    tags = [];
    store.tags.set(userId, tags);
  }
  return tags;
}

/** Everything that hangs off a user goes with it: its admin fields, its tags, its group places. */
export function forgetUser(store: AdminStore, userId: string): void {
  store.users.delete(userId);
  store.tags.delete(userId);
  for (const group of store.groups.values()) {
    group.members = group.members.filter((member) => member.userId !== userId);
  }
}

/** Marks a record changed by `principalId` at `now`. */
export function touch(record: Stamp, principalId: string, now: string): void {
  record.modifiedOn = now;
  record.modifiedBy = principalId;
}

// How admin records are shown. Accounts and users follow the community SDK's models field for
// field (SWIFT `CLAccount`, `CLUser`), contacts its `CLContact`, tags AUTH-SPEC's
// `applicationTag`; sites and groups have no public shape, so theirs is a CHOICE in the same style.
// Every resource carries `createdOn/By, modifiedOn/By, _links.self` (AUTH-SPEC `resource`).
import type { AccountRecord, UserRecord } from '../../model';
import { findAccount } from '../../state';
import type { AdminContext } from './context';
import { accountExtras, userExtras, type ContactRecord, type GroupRecord, type MemberRecord, type SiteRecord, type Stamp, type TagRecord } from './store';

type Resource = Record<string, unknown>;

const stampOf = (record: Stamp): Stamp => ({
  createdOn: record.createdOn,
  createdBy: record.createdBy,
  modifiedOn: record.modifiedOn,
  modifiedBy: record.modifiedBy,
});

/** Leaves out fields that are not set, as CloudLink's JSON does rather than sending nulls. */
function present(fields: Record<string, unknown>): Resource {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

export const accountPath = (admin: AdminContext, accountId: string) => `${admin.servicePath}/accounts/${accountId}`;
export const userPath = (admin: AdminContext, user: UserRecord) => `${accountPath(admin, user.accountId)}/users/${user.userId}`;

export function toContactResource(admin: AdminContext, contact: ContactRecord): Resource {
  return present({
    contactId: contact.contactId,
    accountId: contact.accountId,
    name: contact.name,
    email: contact.email,
    phone: contact.phone,
    contactType: contact.contactType,
    ...stampOf(contact),
    _links: { self: `${accountPath(admin, contact.accountId)}/contacts/${contact.contactId}` },
  });
}

/**
 * CHOICE: `state` mirrors `active` in MEDIA-SPEC's lower-case active/inactive words; the token
 * lifetimes are the sandbox's own settings (read-only: they are sandbox options, not account data).
 */
export function toAccountResource(admin: AdminContext, account: AccountRecord): Resource {
  const extras = accountExtras(admin.store, account);
  const base = accountPath(admin, account.accountId);
  const contacts = [...admin.store.contacts.values()].filter((contact) => contact.accountId === account.accountId);
  return present({
    accountId: account.accountId,
    accountNumber: account.accountNumber,
    name: account.name,
    partnerId: account.partnerId,
    active: account.active,
    state: account.active ? 'active' : 'inactive',
    domain: account.domain,
    topLevelDomain: [account.domain.slice(account.domain.indexOf('.') + 1)],
    languageCode: extras.languageCode,
    location: extras.location,
    policy: { ...extras.policy },
    policyId: extras.policyId,
    source: 'cloudlink',
    userLimit: extras.userLimit,
    accessTokenExpiryHours: admin.state.config.accessTokenTtlSeconds / 3600,
    refreshTokenExpiryHours: admin.state.config.refreshTokenTtlSeconds / 3600,
    contacts: contacts.map((contact) => toContactResource(admin, contact)),
    ...stampOf(extras),
    _links: { self: base, users: `${base}/users`, sites: `${base}/sites`, groups: `${base}/groups`, contacts: `${base}/contacts` },
  });
}

/**
 * CHOICES: `sipPassword` is never shown (a secret; the sandbox has no SIP); `displayName` falls
 * back to `name`; `emailValid` is true because creation checks the format; `userVerified` follows
 * `emailVerified`; `avatars` is empty (photos are not modelled).
 */
export function toUserResource(admin: AdminContext, user: UserRecord): Resource {
  const extras = userExtras(admin.store, user);
  const self = userPath(admin, user);
  return present({
    userId: user.userId,
    uniqueUserId: user.uniqueUserId,
    accountId: user.accountId,
    name: user.name,
    displayName: extras.displayName ?? user.name,
    email: user.email,
    emailValid: true,
    emailVerified: user.emailVerified,
    role: user.role,
    loginId: user.loginId,
    languageCode: user.languageCode,
    extension: user.extension,
    extensionVerified: user.extensionVerified,
    mobile: user.mobile,
    mobileVerified: user.mobileVerified,
    phone: extras.phone,
    phoneVerified: user.phoneVerified,
    siteId: extras.siteId,
    // The same form as the token's sipAddress claim (S-AUTH README: <userId>@<domain>).
    sipAddress: `${user.userId}@${findAccount(admin.state, user.accountId)?.domain ?? `${user.accountId}.sandbox.invalid`}`,
    photoUrl: extras.photoUrl,
    avatars: [],
    source: 'cloudlink',
    userVerified: user.emailVerified,
    ...stampOf(extras),
    _links: { self, account: accountPath(admin, user.accountId), tags: `${self}/tags` },
  });
}

export function toTagResource(admin: AdminContext, user: UserRecord, tag: TagRecord): Resource {
  return {
    userId: tag.userId,
    accountId: tag.accountId,
    id: tag.id,
    value: tag.value,
    ...stampOf(tag),
    _links: { self: `${userPath(admin, user)}/tags/${encodeURIComponent(tag.id)}` },
  };
}

export function toSiteResource(admin: AdminContext, site: SiteRecord): Resource {
  return present({
    siteId: site.siteId,
    accountId: site.accountId,
    name: site.name,
    description: site.description,
    timeZone: site.timeZone,
    address: site.address && { ...site.address },
    ...stampOf(site),
    _links: { self: `${accountPath(admin, site.accountId)}/sites/${site.siteId}` },
  });
}

export const groupPath = (admin: AdminContext, group: GroupRecord) => `${accountPath(admin, group.accountId)}/groups/${group.groupId}`;

export function toGroupResource(admin: AdminContext, group: GroupRecord): Resource {
  const self = groupPath(admin, group);
  return present({
    groupId: group.groupId,
    accountId: group.accountId,
    name: group.name,
    description: group.description,
    extension: group.extension,
    memberCount: group.members.length,
    ...stampOf(group),
    _links: { self, members: `${self}/members` },
  });
}

/** A member shows who the user is, so a member list reads without a lookup per item. */
export function toMemberResource(admin: AdminContext, group: GroupRecord, member: MemberRecord, user: UserRecord): Resource {
  return {
    userId: member.userId,
    groupId: group.groupId,
    accountId: group.accountId,
    name: user.name,
    email: user.email,
    createdOn: member.createdOn,
    createdBy: member.createdBy,
    _links: { self: `${groupPath(admin, group)}/members/${member.userId}`, user: userPath(admin, user) },
  };
}

// The account-owned resources that share account-collection.ts's five routes: what each body
// takes and how it reads. None has a public schema beyond the fields noted, so each shape is a
// CHOICE in the style of the SDK's models (SWIFT), listed in sandbox/README.md.
import { badRequest, conflict } from '../../platform/errors';
import type { JsonObject } from '../../platform/json-fields';
import type { AccountRecord } from '../../model';
import type { CollectionSpec } from './account-collection';
import type { AdminContext } from './context';
import { clearable, email, extension, phoneNumber, stringRecord, text } from './fields';
import { toContactResource, toGroupResource, toSiteResource } from './presenter';
import type { Address, ContactRecord, GroupRecord, SiteRecord } from './store';

/** `name` from a POST body, or 400 naming it. */
function requiredName(body: JsonObject): string {
  const name = text(body, 'name');
  if (name === undefined) throw badRequest('MissingParamInRequest', 'name is required.');
  return name;
}

// Sites: where an account's PBX and phones are (P-GUIDES lists sites among the Admin service's
// resources; a user's `siteId`, SWIFT `CLUser`, and every call leg's, S-NOTIF, point at one):
// `{siteId, accountId, name, description, timeZone, address}`.
const ADDRESS_KEYS = ['street', 'city', 'region', 'postalCode', 'country'];

/** An IANA zone name (`America/Toronto`), checked by the runtime's own time-zone database. */
function timeZone(body: JsonObject, name: string): string | undefined {
  const value = text(body, name);
  if (value === undefined) return undefined;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    throw badRequest('InvalidRequest', `${name} '${value}' is not an IANA time zone such as America/Toronto.`);
  }
  return value;
}

const address = (body: JsonObject, name: string): Address | undefined => stringRecord(body, name, ADDRESS_KEYS);

export function siteSpec(admin: AdminContext): CollectionSpec<SiteRecord> {
  return {
    name: 'sites',
    idField: 'siteId',
    notFoundName: 'SiteNotFound',
    records: admin.store.sites,
    writable: ['name', 'description', 'timeZone', 'address'],
    required: ['name'],
    listFields: ['siteId', 'accountId', 'name', 'description', 'timeZone', 'createdOn', 'createdBy', 'modifiedOn', 'modifiedBy'],
    create: (body, siteId, common) => {
      const site: SiteRecord = { siteId, ...common, name: requiredName(body) };
      const description = text(body, 'description');
      const zone = timeZone(body, 'timeZone');
      const where = address(body, 'address');
      if (description !== undefined) site.description = description;
      if (zone !== undefined) site.timeZone = zone;
      if (where !== undefined) site.address = where;
      return site;
    },
    update: (site, body) => {
      const name = text(body, 'name');
      const description = clearable(body, 'description', text);
      const zone = clearable(body, 'timeZone', timeZone);
      const where = clearable(body, 'address', address);
      if (name !== undefined) site.name = name;
      if (description !== undefined) site.description = description ?? undefined;
      if (zone !== undefined) site.timeZone = zone ?? undefined;
      if (where !== undefined) site.address = where ?? undefined;
    },
    // CHOICE: a site users are placed on cannot go (409); move them first, so no user points nowhere.
    beforeDelete: (site) => {
      const placed = admin.state.users.filter((user) => admin.store.users.get(user.userId)?.siteId === site.siteId);
      if (placed.length > 0) {
        throw conflict('SiteInUse', `Site '${site.siteId}' still has ${placed.length} user(s), e.g. '${placed[0]?.userId}'.`);
      }
    },
    present: (site) => toSiteResource(admin, site),
  };
}

// Groups of users (P-GUIDES lists groups): `{groupId, accountId, name, description, extension,
// memberCount}`, members a sub-collection (member-routes.ts). An `extension` makes it a hunt
// group, so it must not clash with a user's or another group's extension in the account.
export function groupSpec(admin: AdminContext): CollectionSpec<GroupRecord> {
  const freeExtension = (body: JsonObject, account: AccountRecord, self?: GroupRecord) => {
    const wanted = clearable(body, 'extension', extension);
    if (!wanted || wanted === self?.extension) return wanted;
    const taken =
      admin.state.users.some((user) => user.accountId === account.accountId && user.extension === wanted) ||
      [...admin.store.groups.values()].some((group) => group !== self && group.accountId === account.accountId && group.extension === wanted);
    if (taken) throw conflict('ConditionalCheckFailedException', `Extension '${wanted}' is already used in this account.`);
    return wanted;
  };
  return {
    name: 'groups',
    idField: 'groupId',
    notFoundName: 'GroupNotFound',
    records: admin.store.groups,
    writable: ['name', 'description', 'extension'],
    required: ['name'],
    listFields: ['groupId', 'accountId', 'name', 'description', 'extension', 'memberCount', 'createdOn', 'createdBy', 'modifiedOn', 'modifiedBy'],
    create: (body, groupId, common, account) => {
      const group: GroupRecord = { groupId, ...common, name: requiredName(body), members: [] };
      const description = text(body, 'description');
      const number = freeExtension(body, account);
      if (description !== undefined) group.description = description;
      if (number) group.extension = number;
      return group;
    },
    update: (group, body, account) => {
      const name = text(body, 'name');
      const description = clearable(body, 'description', text);
      const number = freeExtension(body, account, group);
      if (name !== undefined) group.name = name;
      if (description !== undefined) group.description = description ?? undefined;
      if (number !== undefined) group.extension = number ?? undefined;
    },
    present: (group) => toGroupResource(admin, group),
  };
}

// Account contacts: `GET /accounts/{accountId}/contacts` and `…/contacts/{contactId}` with
// `{contactId, accountId, name, email?, contactType, …}` (SWIFT `CLContact`).
// Creating, changing and deleting them, and `phone`, are CHOICES in the same shape; `contactType`
// is free text because no source lists its values.
export function contactSpec(admin: AdminContext): CollectionSpec<ContactRecord> {
  return {
    name: 'contacts',
    idField: 'contactId',
    notFoundName: 'ContactNotFound',
    records: admin.store.contacts,
    writable: ['name', 'contactType', 'email', 'phone'],
    required: ['name', 'contactType'],
    listFields: ['contactId', 'accountId', 'name', 'contactType', 'email', 'phone', 'createdOn', 'createdBy', 'modifiedOn', 'modifiedBy'],
    create: (body, contactId, common) => {
      const fields = { name: text(body, 'name'), contactType: text(body, 'contactType') };
      const missing = Object.entries(fields)
        .filter(([, value]) => value === undefined)
        .map(([name]) => name);
      if (missing.length > 0) throw badRequest('MissingParamInRequest', `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} required.`);
      const contact: ContactRecord = { contactId, ...common, name: fields.name as string, contactType: fields.contactType as string };
      const address = email(body, 'email');
      const phone = phoneNumber(body, 'phone');
      if (address !== undefined) contact.email = address;
      if (phone !== undefined) contact.phone = phone;
      return contact;
    },
    update: (contact, body) => {
      const name = text(body, 'name');
      const contactType = text(body, 'contactType');
      const address = clearable(body, 'email', email);
      const phone = clearable(body, 'phone', phoneNumber);
      if (name !== undefined) contact.name = name;
      if (contactType !== undefined) contact.contactType = contactType;
      if (address !== undefined) contact.email = address ?? undefined;
      if (phone !== undefined) contact.phone = phone ?? undefined;
    },
    present: (contact) => toContactResource(admin, contact),
  };
}

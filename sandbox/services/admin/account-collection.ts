// The five routes every account-owned admin resource has (sites, groups, contacts):
// `GET/POST /accounts/{accountId}/<name>` and `GET/PUT/DELETE …/<name>/{id}`. One place decides
// for all of them who may do what, how lists page and what gets published; each resource file
// says only how its body reads and how it is shown.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../platform/bearer-auth';
import { notFound } from '../../platform/errors';
import type { JsonObject } from '../../platform/json-fields';
import { pageOf, parseOData } from '../../platform/odata';
import type { AccountRecord } from '../../model';
import { publishAdminChange, reachableAccount, requireAdmin, type AdminContext } from './context';
import { checkFields, createBody, updateBody } from './fields';
import { accountPath } from './presenter';
import { touch, type Stamp } from './store';

export interface Owned extends Stamp {
  accountId: string;
}

export interface CollectionSpec<R extends Owned> {
  /** The path segment: `sites`. */
  name: string;
  /** The id field and path parameter: `siteId`. */
  idField: string;
  /** The 404 name for an unknown id: `SiteNotFound`. */
  notFoundName: string;
  records: Map<string, R>;
  /** What POST and PUT take; `required` of them must be in a POST. */
  writable: readonly string[];
  required: readonly string[];
  /** What $filter and $orderby may name, read from the shown resource. */
  listFields: readonly string[];
  /** A new record with this id from a body that has only known fields; `common` is its owner and stamp. */
  create(body: JsonObject, id: string, common: Owned, account: AccountRecord): R;
  /** Applies a checked update body to the record. */
  update(record: R, body: JsonObject, account: AccountRecord): void;
  /** Throws when the record may not go (e.g. a site users are on). */
  beforeDelete?(record: R): void;
  present(record: R): Record<string, unknown>;
}

export function registerAccountCollection<R extends Owned>(app: FastifyInstance, admin: AdminContext, spec: CollectionSpec<R>): void {
  const base = `/accounts/:accountId/${spec.name}`;
  const account = (who: Caller, request: FastifyRequest) => reachableAccount(admin, who, (request.params as { accountId: string }).accountId);
  const recordOf = (owner: AccountRecord, request: FastifyRequest): R => {
    const id = (request.params as Record<string, string>)[spec.idField] as string;
    const record = spec.records.get(id);
    if (!record || record.accountId !== owner.accountId) {
      throw notFound(spec.notFoundName, `No ${spec.idField.replace(/Id$/, '')} '${id}' in account '${owner.accountId}'.`);
    }
    return record;
  };
  const label = spec.name.replace(/s$/, '');

  // CHOICE: anyone of the account (and its partner and global admins) reads; ACCOUNT_ADMIN or
  // higher writes, as for users.
  app.get(base, async (request) => {
    const owner = account(admin.caller(request), request);
    const query = parseOData<Record<string, unknown>>(request.query, {
      allow: ['$top', '$skip', '$skiptoken', '$filter', '$orderby'],
      fields: spec.listFields,
      key: (item) => item[spec.idField] as string,
    });
    const items = [...spec.records.values()].filter((record) => record.accountId === owner.accountId).map(spec.present);
    return pageOf(items, query, `${accountPath(admin, owner.accountId)}/${spec.name}`);
  });

  app.post(base, async (request, reply) => {
    const who = admin.caller(request);
    const owner = account(who, request);
    requireAdmin(who, `Creating ${spec.name}`);
    const body = createBody(request, spec.required);
    checkFields(body, spec.writable, { accountId: owner.accountId });
    const now = admin.timestamp();
    const id = randomUUID();
    const common: Owned = { accountId: owner.accountId, createdOn: now, createdBy: who.principalId, modifiedOn: now, modifiedBy: who.principalId };
    const record = spec.create(body, id, common, owner);
    spec.records.set(id, record);
    const resource = spec.present(record);
    publishAdminChange(admin, request, who, { method: 'POST', accountId: owner.accountId, content: resource });
    return reply.code(201).send(resource);
  });

  app.get(`${base}/:${spec.idField}`, async (request) => {
    const owner = account(admin.caller(request), request);
    return spec.present(recordOf(owner, request));
  });

  // PUT changes only the fields sent, as every admin PUT does.
  app.put(`${base}/:${spec.idField}`, async (request) => {
    const who = admin.caller(request);
    const owner = account(who, request);
    const record = recordOf(owner, request);
    requireAdmin(who, `Changing a ${label}`);
    const body = updateBody(request);
    checkFields(body, spec.writable, spec.present(record));
    spec.update(record, body, owner);
    touch(record, who.principalId, admin.timestamp());
    const resource = spec.present(record);
    publishAdminChange(admin, request, who, { method: 'PUT', accountId: owner.accountId, content: resource });
    return resource;
  });

  app.delete(`${base}/:${spec.idField}`, async (request) => {
    const who = admin.caller(request);
    const owner = account(who, request);
    const record = recordOf(owner, request);
    requireAdmin(who, `Deleting a ${label}`);
    spec.beforeDelete?.(record);
    const resource = spec.present(record);
    spec.records.delete(resource[spec.idField] as string);
    publishAdminChange(admin, request, who, { method: 'DELETE', accountId: owner.accountId, content: resource });
    // CHOICE: 200 with what was deleted, as the sandbox's other deletes answer.
    return resource;
  });
}

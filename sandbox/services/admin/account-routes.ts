// Accounts: "use only GET/PUT on accounts; create accounts via the Accounts portal" (P-GUIDES),
// the resource as the community SDK reads it (SWIFT `CLAccount`). POST, DELETE, PATCH and a
// `GET /accounts` list are not routed (no public source names them), so they meet the gateway 403.
import type { FastifyInstance } from 'fastify';
import { badRequest } from '../../platform/errors';
import { isJsonObject, optionalBoolean, optionalString, type JsonObject } from '../../platform/json-fields';
import { roleAtLeast } from '../../model';
import { insufficient, publishAdminChange, reachableAccount, requireAdmin, type AdminContext } from './context';
import { checkFields, clearable, languageCode, positiveInteger, text, updateBody } from './fields';
import { toAccountResource } from './presenter';
import { accountExtras, touch, type AccountPolicy } from './store';

type AccountParams = { accountId: string };

/** What an ACCOUNT_ADMIN may change about its own account. */
const ACCOUNT_FIELDS = ['name', 'languageCode', 'location', 'policy'];
/**
 * CHOICE: switching an account on or off, its user limit and its policy id are the managing
 * partner's business (accounts are created by the partner's Accounts portal, P-GUIDES), so these
 * need PARTNER_ADMIN or GLOBAL_ADMIN.
 */
const PARTNER_FIELDS = ['active', 'userLimit', 'policyId'];
const POLICY_KEYS: ReadonlyArray<keyof AccountPolicy> = ['allowGuestAccess', 'allowProxyAuthentication'];

function policyChanges(body: JsonObject): Partial<AccountPolicy> | undefined {
  const value = body.policy;
  if (value === undefined) return undefined;
  if (!isJsonObject(value)) throw badRequest('InvalidRequest', 'policy must be an object.');
  const changes: Partial<AccountPolicy> = {};
  for (const key of Object.keys(value)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) {
      throw badRequest('InvalidRequest', `Unknown field 'policy.${key}'; policy takes ${POLICY_KEYS.join(', ')}.`);
    }
    const flag = optionalBoolean(value, key);
    if (flag === undefined) throw badRequest('InvalidRequest', `policy.${key} must be true or false.`);
    changes[key as keyof AccountPolicy] = flag;
  }
  return changes;
}

export function registerAccountRoutes(app: FastifyInstance, admin: AdminContext): void {
  const { state, store } = admin;

  // CHOICE: every role from USER up reads its own account (apps show the company's name and
  // language); other accounts answer 404 unless a partner or global admin reaches them.
  app.get('/accounts/:accountId', async (request) => {
    const { accountId } = request.params as AccountParams;
    return toAccountResource(admin, reachableAccount(admin, admin.caller(request), accountId));
  });

  // PUT changes only the fields sent (as AUTH-SPEC's PUT /applications does), so a client may
  // send one field or the whole resource it read.
  app.put('/accounts/:accountId', async (request) => {
    const who = admin.caller(request);
    const { accountId } = request.params as AccountParams;
    const account = reachableAccount(admin, who, accountId);
    requireAdmin(who, 'Changing an account');
    const body = updateBody(request);
    const current = toAccountResource(admin, account);
    checkFields(body, [...ACCOUNT_FIELDS, ...PARTNER_FIELDS], current);
    for (const name of PARTNER_FIELDS) {
      if (Object.hasOwn(body, name) && JSON.stringify(body[name]) !== JSON.stringify(current[name]) && !roleAtLeast(who.role, 'PARTNER_ADMIN')) {
        throw insufficient(`Changing ${name} requires PARTNER_ADMIN or higher.`);
      }
    }

    const name = text(body, 'name');
    const language = languageCode(body, 'languageCode');
    const location = clearable(body, 'location', text);
    const policy = policyChanges(body);
    const active = optionalBoolean(body, 'active');
    const userLimit = positiveInteger(body, 'userLimit');
    const policyId = clearable(body, 'policyId', optionalString);
    const users = state.users.filter((user) => user.accountId === account.accountId).length;
    if (userLimit !== undefined && userLimit < users) {
      throw badRequest('InvalidRequest', `userLimit ${userLimit} is below the account's ${users} users.`);
    }

    const extras = accountExtras(store, account);
    if (name !== undefined) account.name = name;
    // Deactivating is real: the Authentication service then refuses the account's logins (403 InactiveAccount).
    if (active !== undefined) account.active = active;
    if (language !== undefined) extras.languageCode = language;
    if (location !== undefined) extras.location = location ?? undefined;
    if (policy !== undefined) extras.policy = { ...extras.policy, ...policy };
    if (userLimit !== undefined) extras.userLimit = userLimit;
    if (policyId !== undefined) extras.policyId = policyId ?? undefined;
    touch(extras, who.principalId, admin.timestamp());

    const resource = toAccountResource(admin, account);
    publishAdminChange(admin, request, who, { method: 'PUT', accountId: account.accountId, content: resource });
    return resource;
  });
}

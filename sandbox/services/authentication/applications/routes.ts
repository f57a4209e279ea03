// The application registry (AUTH-SPEC "Applications" tag; PM "Enable Application"): register a
// client application, list and read the caller's account's applications, update and delete them.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Caller } from '../../../platform/bearer-auth';
import { badRequest, conflict, forbidden, notFound } from '../../../platform/errors';
import { halPage, parseODataQuery } from '../../../platform/hal';
import { jsonObjectBody } from '../../../platform/request-fields';
import { roleAtLeast, type ApplicationRecord } from '../../../model';
import { findAccount, nowSeconds, type SandboxState } from '../../../state';
import { applicationIdFilter, optionalBoolean, optionalString, optionalStringList, requiredString } from './body';
import { toApplicationResource, toLegacyApplication } from './presenter';

const insufficient = (message: string) => forbidden('InsufficientPermissions', message);

export function registerApplicationRoutes(app: FastifyInstance, state: SandboxState, servicePath: string): void {
  const caller = (request: FastifyRequest): Caller => {
    const claims = authenticate(request, state.signingKey, nowSeconds(state));
    // CHOICE: guests (the lowest role) see nothing of the registry; every other role may read it.
    if (!roleAtLeast(claims.role, 'USER')) throw insufficient('Guests cannot use the application registry.');
    return claims;
  };
  const timestamp = () => new Date(state.now()).toISOString();
  const present = (application: ApplicationRecord) => toApplicationResource(application, servicePath);

  /** "nobody touches another account's application": outside the caller's account it does not exist. */
  const visibleApplication = (who: Caller, applicationId: string): ApplicationRecord => {
    const application = state.applications.get(applicationId);
    if (!application || (who.role !== 'GLOBAL_ADMIN' && application.accountId !== who.accountId)) {
      throw notFound('ApplicationNotFound', `No application '${applicationId}' in this account.`);
    }
    return application;
  };

  /** A body's accountId names the account acted for; only a global admin may name another one. */
  const assertOwnAccount = (who: Caller, accountId: string | undefined): void => {
    if (accountId !== undefined && who.role !== 'GLOBAL_ADMIN' && accountId !== who.accountId) {
      throw insufficient('The accountId is not the account of the token.');
    }
  };

  app.get('/applications', async (request) => {
    // Auth-portal metadata, read before anyone signs in. CHOICE: no token required.
    const clientId = (request.query as Record<string, unknown>).client_id;
    if (typeof clientId !== 'string' || clientId === '') throw badRequest('MissingMandatoryParams', 'client_id is required.');
    const application = state.applications.get(clientId);
    if (!application) throw forbidden('InvalidClient', `No application is registered with client_id '${clientId}'.`);
    return toLegacyApplication(application);
  });

  app.post('/applications', async (request, reply) => {
    const who = caller(request);
    // "Must be GLOBAL_ADMIN (global application) or PARTNER_ADMIN (3rd-party application)" (AUTH-SPEC).
    if (who.role !== 'GLOBAL_ADMIN' && who.role !== 'PARTNER_ADMIN') {
      throw insufficient('Only GLOBAL_ADMIN or PARTNER_ADMIN may register applications.');
    }
    const body = jsonObjectBody(request);
    if (!body) throw badRequest('MissingParamInRequest', 'name and description are required.');
    const name = requiredString(body, 'name');
    const description = requiredString(body, 'description');
    const redirectUris = optionalStringList(body, 'redirectUris') ?? [];
    const accountId = optionalString(body, 'accountId') ?? who.accountId;
    const account = findAccount(state, accountId);
    if (!account) throw notFound('AccountNotFound', `No account '${accountId}'.`);
    if (who.role === 'PARTNER_ADMIN' && account.partnerId !== who.partnerId) {
      throw insufficient('The account is not managed by this partner.');
    }

    const thirdParty = who.role === 'PARTNER_ADMIN';
    const requestedId = optionalString(body, 'applicationId');
    if (thirdParty && requestedId !== undefined) {
      // "For 3rd-party application, it is generated and not allowed to be assigned" (AUTH-SPEC).
      throw badRequest('InvalidRequest', 'applicationId is generated for third-party applications.');
    }
    const applicationId = requestedId ?? randomUUID().replace(/-/g, '');
    if (state.applications.has(applicationId)) {
      throw conflict('ConditionalCheckFailedException', `Application '${applicationId}' already exists.`);
    }
    const now = timestamp();
    const application: ApplicationRecord = {
      applicationId,
      accountId: account.accountId,
      partnerId: account.partnerId,
      name,
      description,
      // Third-party applications are "always set to false until approved" (AUTH-SPEC).
      active: thirdParty ? false : (optionalBoolean(body, 'active') ?? false),
      redirectUris,
      role: 'USER',
      thirdParty,
      resource: thirdParty ? `https://mitel.io/auth/3pa-${applicationId}` : requiredString(body, 'resource'),
      createdOn: now,
      createdBy: who.principalId,
      modifiedOn: now,
      modifiedBy: who.principalId,
    };
    state.applications.set(applicationId, application);
    return reply.code(201).send(present(application));
  });

  app.get('/apps', async (request) => {
    const who = caller(request);
    const query = parseODataQuery(request.query, { filter: true });
    const onlyId = applicationIdFilter(query.filter);
    const items = [...state.applications.values()]
      .filter((application) => who.role === 'GLOBAL_ADMIN' || application.accountId === who.accountId)
      .filter((application) => onlyId === undefined || application.applicationId === onlyId)
      // CHOICE: oldest first, ties by id, so pages are stable between calls.
      .sort((a, b) => a.createdOn.localeCompare(b.createdOn) || a.applicationId.localeCompare(b.applicationId))
      .map(present);
    return halPage(items, query, `${servicePath}/apps`);
  });

  app.get('/applications/:applicationId', async (request) => {
    const { applicationId } = request.params as { applicationId: string };
    return present(visibleApplication(caller(request), applicationId));
  });

  app.put('/applications/:applicationId', async (request) => {
    const who = caller(request);
    // "Updates a client application for the account in the token. Must be ACCOUNT_ADMIN or higher."
    if (!roleAtLeast(who.role, 'ACCOUNT_ADMIN')) throw insufficient('Only ACCOUNT_ADMIN or higher may update applications.');
    const { applicationId } = request.params as { applicationId: string };
    const body = jsonObjectBody(request);
    if (!body || Object.keys(body).length === 0) throw badRequest('MissingParamInRequest', 'The update body is empty.');
    // Postman's "Enable Application" also sends accountId and description, outside the spec's
    // applicationPutRequest (PM). CHOICE: accountId must be the caller's, description is applied.
    assertOwnAccount(who, optionalString(body, 'accountId'));
    const application = visibleApplication(who, applicationId);
    const changes = {
      name: optionalString(body, 'name'),
      description: optionalString(body, 'description'),
      active: optionalBoolean(body, 'active'),
      redirectUris: optionalStringList(body, 'redirectUris'),
    };
    if (changes.name !== undefined) application.name = changes.name;
    if (changes.description !== undefined) application.description = changes.description;
    if (changes.active !== undefined) application.active = changes.active;
    if (changes.redirectUris !== undefined) application.redirectUris = changes.redirectUris;
    application.modifiedOn = timestamp();
    application.modifiedBy = who.principalId;
    return present(application);
  });

  app.delete('/applications/:applicationId', async (request) => {
    const who = caller(request);
    // Callable by PARTNER_ADMIN, ACCOUNT_ADMIN or GLOBAL_ADMIN (AUTH-SPEC deleteClientApplication).
    if (!roleAtLeast(who.role, 'ACCOUNT_ADMIN')) throw insufficient('Only ACCOUNT_ADMIN or higher may delete applications.');
    const { applicationId } = request.params as { applicationId: string };
    const body = jsonObjectBody(request);
    // The spec marks the DELETE body as required (AUTH-SPEC applicationDeleteRequest).
    if (!body) throw badRequest('MissingBodyInRequest', 'DELETE needs a JSON body, at least {}.');
    assertOwnAccount(who, optionalString(body, 'accountId'));
    const application = visibleApplication(who, applicationId);
    state.applications.delete(applicationId);
    // CHOICE: the 200 body is undocumented (a dangling $ref); the deleted application is returned.
    return present(application);
  });
}

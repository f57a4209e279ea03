// What every media route and the call state machine share: the sandbox state, this service's
// world, its paths, and who may do what. Call control "requires ADMIN rights or above" (S-NOTIF
// README); what a plain USER may do is a CHOICE documented in sandbox/README.md.
import type { FastifyRequest } from 'fastify';
import { authenticate, type Caller } from '../../platform/bearer-auth';
import { forbidden, notFound } from '../../platform/errors';
import { roleAtLeast } from '../../model';
import { nowSeconds, type SandboxState } from '../../state';
import type { CallLeg, EndpointRecord, MediaWorld } from './model';

export interface MediaContext {
  state: SandboxState;
  world: MediaWorld;
  /** The service prefix (`/media/2017-09-01`): every link in a body starts with it. */
  servicePath: string;
  /** CloudLink's host-relative base (`/2017-09-01`): notification subjects start with it (S-NOTIF). */
  subjectBase: string;
  caller(request: FastifyRequest): Caller;
}

/** One change in progress: the context plus the correlation id its notifications carry. */
export interface MediaTx {
  media: MediaContext;
  correlationId: string;
}

export function mediaContext(state: SandboxState, world: MediaWorld, servicePath: string): MediaContext {
  return {
    state,
    world,
    servicePath,
    subjectBase: servicePath.slice(servicePath.lastIndexOf('/')),
    caller: (request) => {
      const who = authenticate(request, state.signingKey, nowSeconds(state));
      // CHOICE: guests have no PBX presence; the media service refuses them everything.
      if (!roleAtLeast(who.role, 'USER')) throw forbidden('InsufficientPermissions', 'Guests cannot use the media service.');
      return who;
    },
  };
}

export const isAdmin = (who: Caller) => roleAtLeast(who.role, 'ACCOUNT_ADMIN');

/** Same account, or a GLOBAL_ADMIN (as the application registry lets it). */
export const inAccount = (who: Caller, accountId: string) => who.role === 'GLOBAL_ADMIN' || who.accountId === accountId;

/**
 * The endpoint if it is in the caller's account. CHOICE: another account's endpoints answer 404
 * EndpointNotFound, as if they did not exist. Any role may read line state (presence, TEAMS-DOC).
 */
export function visibleEndpoint(media: MediaContext, who: Caller, endpointId: string): EndpointRecord {
  const endpoint = media.world.endpoints.get(endpointId);
  if (!endpoint || !inAccount(who, endpoint.accountId)) {
    throw notFound('EndpointNotFound', `No endpoint '${endpointId}' in this account.`);
  }
  return endpoint;
}

/** A USER may control only the extension that is his own. */
export function mayControl(who: Caller, endpoint: EndpointRecord): boolean {
  return isAdmin(who) || (endpoint.userId !== undefined && endpoint.userId === who.principalId);
}

/** Reading its calls and acting on it: ADMIN or above, or the endpoint's own user; else 403. */
export function controlledEndpoint(media: MediaContext, who: Caller, endpointId: string): EndpointRecord {
  const endpoint = visibleEndpoint(media, who, endpointId);
  if (!mayControl(who, endpoint)) {
    throw forbidden('InsufficientPermissions', `Call control of endpoint '${endpointId}' requires ADMIN rights or its own user.`);
  }
  return endpoint;
}

export function legsOf(media: MediaContext, endpointId: string): CallLeg[] {
  return [...media.world.legs.values()].filter((leg) => leg.endpointId === endpointId);
}

/** May the caller see this leg (as a call or a record)? Admins the account's, users their own endpoints'. */
export function mayReadLeg(media: MediaContext, who: Caller, leg: CallLeg): boolean {
  const endpoint = media.world.endpoints.get(leg.endpointId);
  return endpoint !== undefined && inAccount(who, endpoint.accountId) && mayControl(who, endpoint);
}

export const timestamp = (media: MediaContext) => new Date(media.state.now()).toISOString();

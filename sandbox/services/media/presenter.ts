// How endpoints and call legs are shown: MEDIA-SPEC `endpoint` (line state) and `call`. Links
// carry the sandbox's service prefix like every sandbox link (sandbox/README "Platform").
import type { CallLeg, EndpointRecord, Party } from './model';
import { isActive } from './model';

export interface EndpointResource {
  endpointId: string;
  name: string;
  type: string;
  state: 'unknown' | 'idle' | 'ringing' | 'connected' | 'held' | 'outOfService';
  userAvailability: string;
  messageWaiting: boolean;
  dnd: boolean;
  pstnRouting: string;
  _links: { self: string; calls: string };
}

export interface CallResource {
  callId: string;
  endpointId: string;
  accountId: string;
  siteId: string;
  from: string;
  fromNumberE164: boolean;
  fromName: string;
  fromPrincipalId?: string;
  to: string;
  toNumberE164: boolean;
  toName: string;
  toPrincipalId?: string;
  state: string;
  cause: string;
  direction: string;
  createdOn: string;
  endTime?: string;
  completed?: boolean;
  ringTime?: number;
  billingTime?: number;
  _links: { self: string };
}

/**
 * The line state from the endpoint's live legs. CHOICE: with several calls, connected wins over
 * ringing (a waiting call) and ringing over held, which is what a phone's display puts first.
 */
export function lineState(endpoint: EndpointRecord, legs: readonly CallLeg[]): EndpointResource['state'] {
  if (endpoint.outOfService) return 'outOfService';
  const states = new Set(legs.filter(isActive).map((leg) => leg.state));
  for (const state of ['connected', 'ringing', 'held'] as const) if (states.has(state)) return state;
  return 'idle';
}

export function toEndpointResource(endpoint: EndpointRecord, legs: readonly CallLeg[], servicePath: string): EndpointResource {
  const self = `${servicePath}/endpoints/${endpoint.endpointId}`;
  return {
    endpointId: endpoint.endpointId,
    name: endpoint.name,
    type: endpoint.type,
    state: lineState(endpoint, legs),
    userAvailability: endpoint.userAvailability,
    messageWaiting: endpoint.messageWaiting,
    dnd: endpoint.dnd,
    // "Mobile number - Internal use only" (MEDIA-SPEC): the user's mobile while PSTN routing is on.
    pstnRouting: endpoint.pstnRoutingEnabled ? (endpoint.mobile ?? '') : '',
    _links: { self, calls: `${self}/calls` },
  };
}

/** What $filter/$orderby may name on call lists: the `call` fields shown. */
export const CALL_FIELDS = [
  'callId',
  'endpointId',
  'accountId',
  'siteId',
  'from',
  'fromNumberE164',
  'fromName',
  'fromPrincipalId',
  'to',
  'toNumberE164',
  'toName',
  'toPrincipalId',
  'state',
  'cause',
  'direction',
  'createdOn',
  'endTime',
  'completed',
  'ringTime',
  'billingTime',
] as const;

/** `/endpoints/<ext>/calls/<n>` — the leg's path below the version, as in `_links.self` (S-NOTIF). */
export const legPath = (leg: CallLeg) => `/endpoints/${leg.endpointId}/calls/${leg.sequence}`;

const seconds = (ms: number) => Math.max(0, ms) / 1000;
const isE164 = (number: string) => /^\+[1-9]\d{1,14}$/.test(number);

function side(party: Party | undefined) {
  return { number: party?.number ?? '', name: party?.name ?? '', principalId: party?.principalId };
}

/**
 * A leg as MEDIA-SPEC `call`, plus endpointId and accountId (as in the S-NOTIF payload). `from`
 * and `to` are the call's, the same on both legs (S-NOTIF: 2001's inbound leg reads from 2002 to
 * 2001). Completed legs add endTime, completed ("was answered"), ringTime and billingTime in seconds.
 */
export function toCallResource(leg: CallLeg, servicePath: string): CallResource {
  const from = side(leg.call.parties[0]);
  const to = side(leg.call.parties[1]);
  const resource: CallResource = {
    callId: leg.callId,
    endpointId: leg.endpointId,
    accountId: leg.call.accountId,
    siteId: leg.call.siteId,
    from: from.number,
    fromNumberE164: isE164(from.number),
    fromName: from.name,
    fromPrincipalId: from.principalId,
    to: to.number,
    toNumberE164: isE164(to.number),
    toName: to.name,
    toPrincipalId: to.principalId,
    state: leg.state,
    cause: leg.cause,
    direction: leg.direction,
    createdOn: new Date(leg.createdOnMs).toISOString(),
    _links: { self: `${servicePath}${legPath(leg)}` },
  };
  if (leg.endTimeMs !== undefined) {
    const end = leg.endTimeMs;
    resource.endTime = new Date(end).toISOString();
    resource.completed = leg.answeredOnMs !== undefined;
    resource.ringTime = seconds((leg.answeredOnMs ?? end) - leg.createdOnMs);
    resource.billingTime = leg.answeredOnMs === undefined ? 0 : seconds(end - leg.answeredOnMs);
  }
  return resource;
}

/**
 * A completed leg as a call record. Its self link is the record's own address: the callId
 * percent-encoded as one path segment (see routes `/calls/{callId}/records`).
 */
export function toCallRecord(leg: CallLeg, servicePath: string): CallResource {
  const resource = toCallResource(leg, servicePath);
  resource._links = { self: `${servicePath}/calls/${encodeURIComponent(leg.callId)}/records` };
  return resource;
}

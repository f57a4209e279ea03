// POST /endpoints/{endpointId}/calls (MEDIA-SPEC createCallRequest): the calling endpoint's leg
// is connected at once ("Should have a state of connected for make a call", cause newCall,
// direction outbound — MEDIA-SPEC `call`), the called extension's leg rings (S-NOTIF: inbound,
// newCall, deliveredEvent).
import { badRequest } from '../../../platform/errors';
import { optionalBoolean, optionalEnum, optionalString, type JsonObject } from '../../../platform/json-fields';
import type { MediaTx } from '../context';
import type { CallLeg, EndpointRecord, Party } from '../model';
import { newCall, openLeg, partyFor, requireDialable, ringTarget, startRecording } from './core';

export interface MakeCallRequest {
  to: string;
  from?: string;
  fromName?: string;
  record: boolean;
  originateTimeoutSeconds?: number;
}

function numberField(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  // CHOICE: a JSON number is read as the digits it spells ("to": 2001 works like "to": "2001").
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return String(value);
  return optionalString(body, name);
}

function boundedNumber(body: JsonObject, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw badRequest('InvalidRequest', `${name} must be a number from ${min} to ${max}.`);
  }
  return value;
}

/** Reads and checks the body; ranges are MEDIA-SPEC's (timeoutMs 3000–30000, originateTimeout 0–120). */
export function readMakeCall(body: JsonObject | undefined, endpoint: EndpointRecord): MakeCallRequest {
  if (!body) throw badRequest('MissingParamInRequest', 'to is required.');
  const to = numberField(body, 'to');
  if (to === undefined || to.trim() === '') throw badRequest('MissingParamInRequest', 'to is required.');
  requireDialable(to, 'to');
  if (to === endpoint.endpointId) throw badRequest('InvalidRequest', 'An endpoint cannot call itself.');
  const from = numberField(body, 'from');
  if (from !== undefined) requireDialable(from, 'from');
  // "record" may come as a string from clients that build JSON by hand, as S-MEDIA does for "hide".
  const record = body.record === 'true' ? true : body.record === 'false' ? false : optionalBoolean(body, 'record');
  // timeoutMs is deprecated and only checked; successUrl/failureUrl are accepted and never called
  // (CHOICE: the sandbox makes no outbound requests); associatedCallId is accepted and ignored.
  boundedNumber(body, 'timeoutMs', 3000, 30000);
  for (const name of ['successUrl', 'failureUrl', 'associatedCallId']) optionalString(body, name);
  if (optionalEnum(body, 'executeOnAnswer', ['bridge'] as const) !== undefined) {
    // CHOICE: refused rather than faked, like the token-exchange grant.
    throw badRequest('InvalidRequest', 'executeOnAnswer is not modelled by the sandbox.');
  }
  return {
    to,
    from,
    fromName: optionalString(body, 'fromName'),
    record: record ?? false,
    originateTimeoutSeconds: boundedNumber(body, 'originateTimeout', 0, 120),
  };
}

/** Places the call and answers the caller's leg. */
export function makeCall(tx: MediaTx, endpoint: EndpointRecord, request: MakeCallRequest): CallLeg {
  const caller: Party = {
    number: request.from ?? endpoint.endpointId,
    name: request.fromName ?? endpoint.name,
    principalId: endpoint.principalId,
  };
  const target = partyFor(tx.media, endpoint.accountId, request.to);
  const call = newCall(tx, endpoint, [caller, target]);
  const leg = openLeg(tx, endpoint, call, caller, {
    state: 'connected',
    cause: 'newCall',
    direction: 'outbound',
    pbxEvent: 'originatedEvent',
  });
  if (request.record) startRecording(call, leg);
  ringTarget(tx, call, target, 'newCall', request.originateTimeoutSeconds);
  return leg;
}

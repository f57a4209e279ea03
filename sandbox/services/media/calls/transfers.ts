// The actions that rearrange calls (MEDIA-SPEC updateEndpointCallRequest descriptions and
// examples): blindTransfer and redirect move the far party to a new destination, consult holds
// the call and dials another, supervisedTransfer joins the far parties of two of an endpoint's
// calls, conference joins them with the endpoint. The legs that stay move to a new Call (same
// callTrackingID), so legs that cleared keep the from/to they ended with.
import { badRequest, conflict, notFound } from '../../../platform/errors';
import type { MediaTx } from '../context';
import { activeParties, isActive, partyOf, type Call, type CallLeg, type Party } from '../model';
import { completeLeg, deviceOf, invalidState, newCall, partyFor, refusalOf, requireDialable, ringTarget, stopRecording, updateLeg } from './core';
import { makeCall } from './make-call';

/** The one other party of a two-party call. */
function farParty(leg: CallLeg): Party {
  const others = activeParties(leg.call).filter((party) => party.leg !== leg);
  const far = others[0];
  if (others.length !== 1 || !far) throw invalidState('This action is not modelled for a conference call.');
  return far;
}

/** An answered call the leg takes part in (connected, or holding it), not held by the far party. */
function requireAnswered(leg: CallLeg): void {
  if (leg.state === 'ringing' || leg.call.answeredOnMs === undefined) {
    throw invalidState(`The call has not been answered yet; '${leg.callId}' is ${leg.state}.`);
  }
  if (leg.call.holder && leg.call.holder !== leg) throw invalidState('The call is on hold by the other party.');
}

/** A destination that can take the call now; refusing devices are a 409 before anything changes. */
function destinationParty(tx: MediaTx, leg: CallLeg, destination: string | undefined, far?: Party): Party {
  if (destination === undefined || destination === '') throw badRequest('MissingParamInRequest', 'destination is required.');
  requireDialable(destination, 'destination');
  if (destination === leg.endpointId || destination === far?.number) {
    throw badRequest('InvalidRequest', 'The destination is already a party to the call.');
  }
  const refusal = refusalOf(deviceOf(tx.media, leg.call.accountId, destination));
  if (refusal) throw conflict('DestinationUnavailable', `Extension ${destination} does not take calls now (${refusal}).`);
  return partyFor(tx.media, leg.call.accountId, destination);
}

/** The call continues between `parties`; their legs move to it. */
function continueWith(tx: MediaTx, from: Call, parties: Party[]): Call {
  return newCall(tx, { ...from, trackingId: from.trackingId }, parties);
}

/** The transferring party drops; the far party now rings the destination (CHOICE: cause transfer). */
export function blindTransfer(tx: MediaTx, leg: CallLeg, destination: string | undefined): void {
  requireAnswered(leg);
  const far = farParty(leg);
  const target = destinationParty(tx, leg, destination, far);
  const next = continueWith(tx, leg.call, [far, target]);
  stopRecording(tx, leg.call);
  leg.call.holder = undefined;
  completeLeg(tx, leg, 'transfer');
  if (far.leg) updateLeg(tx, far.leg, { call: next, state: 'connected', cause: 'transfer', pbxEvent: 'transferredEvent' });
  ringTarget(tx, next, target, 'transfer');
}

/** A ringing call is deflected to another destination before it is answered (P-TUT). */
export function redirect(tx: MediaTx, leg: CallLeg, destination: string | undefined): void {
  if (leg.state !== 'ringing') throw invalidState(`Only a ringing call can be redirected; '${leg.callId}' is ${leg.state}.`);
  const caller = farParty(leg);
  const target = destinationParty(tx, leg, destination, caller);
  const next = continueWith(tx, leg.call, [caller, target]);
  next.recording = leg.call.recording;
  leg.call.recording = undefined;
  completeLeg(tx, leg, 'redirected');
  if (caller.leg) updateLeg(tx, caller.leg, { call: next, cause: 'redirected', pbxEvent: 'divertedEvent' });
  ringTarget(tx, next, target, 'redirected');
}

/** Holds the call and dials the destination from the same endpoint; answers the new leg. */
export function consult(tx: MediaTx, leg: CallLeg, destination: string | undefined, hold: (tx: MediaTx, leg: CallLeg) => void): CallLeg {
  if (leg.state !== 'connected') throw invalidState(`Only a connected call can be consulted from; '${leg.callId}' is ${leg.state}.`);
  requireAnswered(leg);
  const far = farParty(leg);
  const target = destinationParty(tx, leg, destination, far);
  const device = tx.media.world.endpoints.get(leg.endpointId);
  if (!device) throw notFound('EndpointNotFound', `No endpoint '${leg.endpointId}'.`);
  hold(tx, leg);
  return makeCall(tx, device, { to: target.number, record: false });
}

/**
 * The endpoint's other live call, named by callId (path-like, or its number on this endpoint) in
 * args or callId; when none is named — or the addressed call itself is, as S-MEDIA sends its
 * callId as args with every action — the endpoint's only other call.
 */
function otherCallOf(tx: MediaTx, leg: CallLeg, reference: string | undefined): CallLeg {
  const legs = tx.media.world.legs;
  let other: CallLeg | undefined;
  if (reference !== undefined && reference !== '') {
    const id = /^\d+$/.test(reference) ? `endpoints/${leg.endpointId}/calls/${reference}` : /endpoints\/[^/]+\/calls\/\d+$/.exec(reference)?.[0];
    other = id === undefined ? undefined : legs.get(id);
    if (!other) throw notFound('CallNotFound', `No call '${reference}'.`);
    if (other === leg) other = undefined;
  }
  if (!other) {
    const candidates = [...legs.values()].filter((item) => item.endpointId === leg.endpointId && item !== leg && isActive(item));
    if (candidates.length !== 1 || !candidates[0]) {
      throw badRequest('MissingParamInRequest', `Name the other call's callId in args: the endpoint has ${candidates.length} other calls.`);
    }
    other = candidates[0];
  }
  if (other.endpointId !== leg.endpointId || !isActive(other) || other.call === leg.call) {
    throw invalidState('The other call must be another live call of the same endpoint.');
  }
  if (other.state === 'ringing') throw invalidState(`The other call '${other.callId}' is still ringing here.`);
  return other;
}

/**
 * The far parties of the two calls are joined and the endpoint drops out of both. Either call may
 * be the addressed one; one of them may still be ringing at the far end (transfer on ring).
 */
export function supervisedTransfer(tx: MediaTx, leg: CallLeg, reference: string | undefined): void {
  if (leg.state === 'ringing') throw invalidState(`'${leg.callId}' is still ringing here.`);
  const other = otherCallOf(tx, leg, reference);
  for (const own of [leg, other]) {
    if (own.call.holder && own.call.holder !== own) throw invalidState(`'${own.callId}' is on hold by the other party.`);
  }
  const answered = [leg, other].filter((own) => own.call.answeredOnMs !== undefined).length;
  if (answered === 0) throw invalidState('Neither call has been answered yet.');
  // The party on hold (the one being transferred) becomes the caller of the joined call.
  const [held, consulted] = leg.state === 'held' ? [leg, other] : [other, leg];
  const [farA, farB] = [farParty(held), farParty(consulted)];
  const next = continueWith(tx, held.call, [farA, farB]);
  if (answered === 2) next.answeredOnMs = tx.media.state.now();
  for (const call of [leg.call, other.call]) {
    stopRecording(tx, call);
    call.holder = undefined;
  }
  completeLeg(tx, leg, 'transfer');
  completeLeg(tx, other, 'transfer');
  // The held party is taken off hold; a party still ringing keeps ringing, now from the other one.
  for (const far of [farA, farB]) {
    if (!far.leg) continue;
    const state = far.leg.state === 'held' ? 'connected' : far.leg.state;
    updateLeg(tx, far.leg, { call: next, state, cause: 'transfer', pbxEvent: 'transferredEvent' });
  }
}

/** The endpoint and both far parties in one call: the addressed leg stays, the other clears. */
export function conference(tx: MediaTx, leg: CallLeg, reference: string | undefined): void {
  requireAnswered(leg);
  const other = otherCallOf(tx, leg, reference);
  requireAnswered(other);
  const [farA, farB, own] = [farParty(leg), farParty(other), partyOf(leg.call, leg)];
  if (!own) throw invalidState('The call has no party for this endpoint.');
  const next = continueWith(tx, leg.call, [own, farA, farB]);
  next.answeredOnMs = tx.media.state.now();
  next.recording = leg.call.recording;
  leg.call.recording = undefined;
  stopRecording(tx, other.call);
  completeLeg(tx, other);
  for (const party of [own, farA, farB]) {
    if (party.leg) updateLeg(tx, party.leg, { call: next, state: 'connected', pbxEvent: 'conferencedEvent' });
  }
}

// The PBX call model's building blocks: opening, ringing, answering and clearing legs, and the
// recordings a call leaves behind. Each change publishes the leg at once (publish.ts), so
// subscribers see the states in the order the PBX went through them.
import { randomUUID } from 'node:crypto';
import { badRequest, conflict } from '../../../platform/errors';
import type { MediaContext, MediaTx } from '../context';
import { activeParties, isActive, type Call, type CallLeg, type Cause, type EndpointRecord, type LegState, type Party } from '../model';
import { publishLeg } from '../publish';

/** A dialable number: digits, * and #, optionally E.164's leading + (MEDIA-SPEC `extension`). */
const DIALABLE = /^\+?[0-9*#]{1,32}$/;

export const invalidState = (message: string) => conflict('InvalidCallState', message);

export function requireDialable(number: string, name: string): string {
  if (!DIALABLE.test(number)) throw badRequest('InvalidRequest', `${name} must be a dialable number (digits, * and #).`);
  return number;
}

const nowMs = (tx: MediaTx) => tx.media.state.now();

/** The account's endpoint with that number, if the number is one of its extensions. */
export function deviceOf(media: MediaContext, accountId: string, number: string): EndpointRecord | undefined {
  const endpoint = media.world.endpoints.get(number);
  return endpoint?.accountId === accountId ? endpoint : undefined;
}

/** A party for a dialled number: an extension of the account, or an outside (PSTN) number. */
export function partyFor(media: MediaContext, accountId: string, number: string): Party {
  const device = deviceOf(media, accountId, number);
  return device ? { number, name: device.name, principalId: device.principalId } : { number, name: '' };
}

/** Why a device cannot take a call (MEDIA-SPEC causes), or undefined when it can. */
export function refusalOf(device: EndpointRecord | undefined): Cause | undefined {
  if (device?.outOfService) return 'destNotObtainable';
  if (device?.dnd) return 'doNotDisturb';
  return undefined;
}

export function newCall(tx: MediaTx, template: Pick<Call, 'accountId' | 'siteId'> & { trackingId?: string }, parties: Party[]): Call {
  const trackingId = template.trackingId ?? `${Math.floor(nowMs(tx) / 1000)}#${tx.media.world.nextTrackingNumber++}`;
  return { trackingId, accountId: template.accountId, siteId: template.siteId, parties };
}

/** Creates the endpoint's next leg (`endpoints/<ext>/calls/<n>`) for `party` and publishes it. */
export function openLeg(
  tx: MediaTx,
  device: EndpointRecord,
  call: Call,
  party: Party,
  fields: { state: LegState; cause: Cause; direction: CallLeg['direction']; pbxEvent: string },
): CallLeg {
  const sequence = device.nextSequence++;
  const leg: CallLeg = {
    callId: `endpoints/${device.endpointId}/calls/${sequence}`,
    endpointId: device.endpointId,
    sequence,
    call,
    ...fields,
    createdOnMs: nowMs(tx),
    hidden: false,
  };
  party.leg = leg;
  tx.media.world.legs.set(leg.callId, leg);
  publishLeg(tx, leg);
  return leg;
}

/** Changes a live leg and publishes it. */
export function updateLeg(tx: MediaTx, leg: CallLeg, changes: Partial<Pick<CallLeg, 'state' | 'cause' | 'call'>> & { pbxEvent: string }): void {
  Object.assign(leg, changes);
  publishLeg(tx, leg);
}

/** Clears a leg: completed, with its end time (now unless given), published as a removal. */
export function completeLeg(tx: MediaTx, leg: CallLeg, cause?: Cause, atMs = nowMs(tx)): void {
  if (!isActive(leg)) return;
  leg.state = 'completed';
  leg.cause = cause ?? leg.cause;
  leg.endTimeMs = atMs;
  leg.noAnswerAtMs = undefined;
  leg.pbxEvent = 'connectionClearedEvent';
  publishLeg(tx, leg);
}

/** The call is answered: billing starts for every leg in it, and a requested recording runs. */
export function markAnswered(tx: MediaTx, call: Call): void {
  const now = nowMs(tx);
  call.answeredOnMs ??= now;
  for (const party of activeParties(call)) if (party.leg) party.leg.answeredOnMs ??= now;
  const recording = call.recording;
  if (recording && !recording.paused && recording.runningSinceMs === undefined) recording.runningSinceMs = now;
}

/** Ends a call's recording; an answered call leaves a recording resource (MEDIA-SPEC `recording`). */
export function stopRecording(tx: MediaTx, call: Call, atMs = nowMs(tx)): void {
  const recording = call.recording;
  if (!recording) return;
  call.recording = undefined;
  if (recording.runningSinceMs !== undefined) recording.recordedMs += atMs - recording.runningSinceMs;
  if (call.answeredOnMs === undefined) return;
  const owner = tx.media.world.endpoints.get(recording.owner.endpointId);
  tx.media.world.recordings.set(recording.recordingId, {
    recordingId: recording.recordingId,
    callId: recording.owner.callId,
    accountId: call.accountId,
    ownerPrincipalId: owner?.principalId ?? '',
    createdOn: new Date(atMs).toISOString(),
    contentType: 'audio/wav',
    durationInSeconds: Math.round(recording.recordedMs / 1000),
  });
}

export function startRecording(call: Call, owner: CallLeg): void {
  call.recording = { recordingId: randomUUID(), owner, paused: false, recordedMs: 0, tags: [] };
}

/**
 * Rings the called party of `call`. An outside number has no leg here and counts as answered at
 * once (the sandbox has no far end to ring); a device in DND or out of service refuses, which
 * clears the call with that cause; any other device gets a ringing inbound leg.
 */
export function ringTarget(tx: MediaTx, call: Call, target: Party, cause: Cause, noAnswerAfterSeconds?: number): void {
  const device = deviceOf(tx.media, call.accountId, target.number);
  const live = () => activeParties(call).flatMap((party) => (party.leg ? [party.leg] : []));
  if (!device) {
    markAnswered(tx, call);
    for (const leg of live()) updateLeg(tx, leg, { pbxEvent: 'establishedEvent' });
    return;
  }
  const refusal = refusalOf(device);
  if (refusal) {
    stopRecording(tx, call);
    for (const leg of live()) completeLeg(tx, leg, refusal);
    return;
  }
  const leg = openLeg(tx, device, call, target, { state: 'ringing', cause, direction: 'inbound', pbxEvent: 'deliveredEvent' });
  // CHOICE: originateTimeout 0 or absent means no timeout; the PBX's own default is undocumented.
  if (noAnswerAfterSeconds) leg.noAnswerAtMs = leg.createdOnMs + noAnswerAfterSeconds * 1000;
}

/**
 * `end` on a leg. In a conference the party just leaves; otherwise every leg clears. An
 * unanswered call clears as callCancelled when its caller gives up and busy when the called
 * party rejects it (CHOICE among MEDIA-SPEC causes); an answered one keeps its cause.
 */
export function hangUp(tx: MediaTx, leg: CallLeg, atMs = nowMs(tx)): void {
  const call = leg.call;
  if (activeParties(call).filter((party) => party.leg !== leg).length >= 2) {
    completeLeg(tx, leg, undefined, atMs);
    return;
  }
  const unanswered = call.answeredOnMs === undefined;
  const cause: Cause | undefined = !unanswered ? undefined : call.parties[0]?.leg === leg ? 'callCancelled' : 'busy';
  call.holder = undefined;
  stopRecording(tx, call, atMs);
  completeLeg(tx, leg, cause, atMs);
  for (const party of activeParties(call)) if (party.leg) completeLeg(tx, party.leg, cause, atMs);
}

/** Clears calls whose ringing leg outlived originateTimeout (run lazily before each request). */
export function expireUnanswered(tx: MediaTx): void {
  const now = nowMs(tx);
  for (const leg of tx.media.world.legs.values()) {
    if (leg.state !== 'ringing' || leg.noAnswerAtMs === undefined || leg.noAnswerAtMs > now) continue;
    const at = leg.noAnswerAtMs;
    const call = leg.call;
    stopRecording(tx, call, at);
    completeLeg(tx, leg, 'callNotAnswer', at);
    if (activeParties(call).length < 2) {
      for (const party of activeParties(call)) if (party.leg) completeLeg(tx, party.leg, 'callNotAnswer', at);
    }
  }
}

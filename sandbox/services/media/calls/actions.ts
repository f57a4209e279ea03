// PUT /endpoints/{endpointId}/calls/{callId} (MEDIA-SPEC updateEndpointCallRequest): the action
// enum, plus `redirect`, which the developer portal's tutorial sends although the spec does not
// list it (P-TUT `{"action":"redirect","destination":"2881"}`). An action the leg's state does not
// allow is 409 InvalidCallState (CHOICE: MEDIA-SPEC's 409 is "a conflict with another resource").
import { badRequest } from '../../../platform/errors';
import { optionalString, type JsonObject } from '../../../platform/json-fields';
import type { MediaTx } from '../context';
import { activeParties, isActive, type CallLeg } from '../model';
import { hangUp, invalidState, markAnswered, updateLeg } from './core';
import { blindTransfer, conference, consult, redirect, supervisedTransfer } from './transfers';

export const CALL_ACTIONS = [
  'answer',
  'end',
  'hold',
  'retrieve',
  'blindTransfer',
  'supervisedTransfer',
  'consult',
  'dtmf',
  'conference',
  'pauseRecording',
  'resumeRecording',
  'tagRecording',
  'redirect',
] as const;
export type CallActionName = (typeof CALL_ACTIONS)[number];

export interface CallAction {
  action: CallActionName;
  /** MEDIA-SPEC: the destination (blindTransfer), the other callId (supervisedTransfer), digits (dtmf). */
  args?: string;
  /** The spec's examples and S-MEDIA send the destination here (blindTransfer, consult, redirect). */
  destination?: string;
  /** The spec's supervisedTransfer example names the other call here. */
  callId?: string;
}

export function readCallAction(body: JsonObject | undefined): CallAction {
  if (!body) throw badRequest('MissingParamInRequest', 'action is required.');
  const action = optionalString(body, 'action');
  if (action === undefined || action === '') throw badRequest('MissingParamInRequest', 'action is required.');
  if (!(CALL_ACTIONS as readonly string[]).includes(action)) {
    throw badRequest('InvalidRequest', `action must be one of ${CALL_ACTIONS.join(', ')}.`);
  }
  return {
    action: action as CallActionName,
    args: optionalString(body, 'args'),
    destination: optionalString(body, 'destination'),
    callId: optionalString(body, 'callId'),
  };
}

function answer(tx: MediaTx, leg: CallLeg): void {
  if (leg.state !== 'ringing') throw invalidState(`Only a ringing call can be answered; '${leg.callId}' is ${leg.state}.`);
  leg.noAnswerAtMs = undefined;
  updateLeg(tx, leg, { state: 'connected', pbxEvent: 'establishedEvent' });
  markAnswered(tx, leg.call);
  // The caller's leg was already connected; its event tells it the far end answered.
  for (const party of activeParties(leg.call)) {
    if (party.leg && party.leg !== leg) updateLeg(tx, party.leg, { pbxEvent: 'establishedEvent' });
  }
}

/** Hold puts both legs of a two-party call in `held`: the far party sees it (CHOICE). */
function hold(tx: MediaTx, leg: CallLeg): void {
  const call = leg.call;
  if (leg.state !== 'connected') throw invalidState(`Only a connected call can be held; '${leg.callId}' is ${leg.state}.`);
  if (call.answeredOnMs === undefined) throw invalidState('The call has not been answered yet.');
  if (activeParties(call).length !== 2) throw invalidState('Hold in a conference is not modelled by the sandbox.');
  call.holder = leg;
  for (const party of activeParties(call)) if (party.leg) updateLeg(tx, party.leg, { state: 'held', pbxEvent: 'heldEvent' });
}

function retrieve(tx: MediaTx, leg: CallLeg): void {
  const call = leg.call;
  if (leg.state !== 'held') throw invalidState(`Only a held call can be retrieved; '${leg.callId}' is ${leg.state}.`);
  if (call.holder !== leg) throw invalidState('The call was put on hold by the other party; only it can retrieve.');
  call.holder = undefined;
  for (const party of activeParties(call)) {
    if (party.leg) updateLeg(tx, party.leg, { state: 'connected', pbxEvent: 'retrievedEvent' });
  }
}

function dtmf(leg: CallLeg, digits: string | undefined): void {
  if (leg.state !== 'connected' || leg.call.answeredOnMs === undefined) {
    throw invalidState('Digits can only be sent on an answered, connected call.');
  }
  if (digits === undefined || digits === '') throw badRequest('MissingParamInRequest', 'dtmf needs the digits in args.');
  if (!/^[0-9*#A-D]+$/.test(digits)) throw badRequest('InvalidRequest', 'dtmf args must be digits, *, # or A–D.');
  // Nothing changes on the call: the tones go to the far end and no event is published.
}

function recordingAction(tx: MediaTx, leg: CallLeg, action: 'pauseRecording' | 'resumeRecording' | 'tagRecording', args?: string): void {
  const recording = leg.call.recording;
  if (!recording) throw invalidState('The call is not being recorded (start it with record: true).');
  if (action === 'tagRecording') {
    recording.tags.push(tagsOf(args));
    return;
  }
  const pausing = action === 'pauseRecording';
  if (recording.paused === pausing) throw invalidState(`The recording is already ${pausing ? 'paused' : 'running'}.`);
  const now = tx.media.state.now();
  recording.paused = pausing;
  if (pausing && recording.runningSinceMs !== undefined) {
    recording.recordedMs += now - recording.runningSinceMs;
    recording.runningSinceMs = undefined;
  } else if (!pausing && leg.call.answeredOnMs !== undefined) {
    recording.runningSinceMs = now;
  }
}

/** tagRecording args: a JSON object in a string (MEDIA-SPEC example `"{ \"CustomP100\": \"Queue Name\" }"`). */
function tagsOf(args: string | undefined): Record<string, unknown> {
  let tags: unknown;
  try {
    tags = JSON.parse(args ?? '');
  } catch {
    tags = undefined;
  }
  if (typeof tags !== 'object' || tags === null || Array.isArray(tags)) {
    throw badRequest('InvalidRequest', 'tagRecording args must be a JSON object in a string.');
  }
  return tags as Record<string, unknown>;
}

/**
 * Performs the action and returns the leg to answer with: the addressed leg, except for consult,
 * which answers the new consultation leg (CHOICE: the only way to learn its callId at once).
 */
export function performCallAction(tx: MediaTx, leg: CallLeg, request: CallAction): CallLeg {
  if (!isActive(leg)) throw invalidState(`Call '${leg.callId}' has ended.`);
  const destination = request.destination ?? request.args;
  switch (request.action) {
    case 'answer':
      answer(tx, leg);
      return leg;
    case 'end':
      hangUp(tx, leg);
      return leg;
    case 'hold':
      hold(tx, leg);
      return leg;
    case 'retrieve':
      retrieve(tx, leg);
      return leg;
    case 'dtmf':
      dtmf(leg, request.args);
      return leg;
    case 'blindTransfer':
      blindTransfer(tx, leg, destination);
      return leg;
    case 'redirect':
      redirect(tx, leg, destination);
      return leg;
    case 'consult':
      return consult(tx, leg, destination, hold);
    case 'supervisedTransfer':
      supervisedTransfer(tx, leg, request.callId ?? request.args);
      return leg;
    case 'conference':
      conference(tx, leg, request.callId ?? request.args);
      return leg;
    default:
      recordingAction(tx, leg, request.action, request.args);
      return leg;
  }
}

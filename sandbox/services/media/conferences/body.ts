// Reading conference request bodies. MEDIA-SPEC declares them `additionalProperties: false`, so
// an unknown field is a 400 naming it rather than silently dropped.
import { badRequest } from '../../../platform/errors';
import { optionalEnum, optionalObjectList, optionalString, requiredString, type JsonObject } from '../../../platform/json-fields';
import { CONFERENCE_TYPES, LOBBY_POLICIES } from './store';

export function onlyFields(body: JsonObject, allowed: readonly string[]): JsonObject {
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw badRequest('InvalidRequest', `Unknown field(s): ${unknown.join(', ')}.`);
  return body;
}

export function requireBody(body: JsonObject | undefined): JsonObject {
  if (!body) throw badRequest('MissingParamInRequest', 'A JSON body is required.');
  return body;
}

export interface NewConference {
  id?: string;
  name?: string;
  type: (typeof CONFERENCE_TYPES)[number];
  lobbyPolicy: (typeof LOBBY_POLICIES)[number];
  accessCodeLength: number;
  accessCodeExpiry?: string;
  participantIds: string[];
}

/** postConferenceRequest; defaults everyoneAllowed, guestLobby and 9 digits are MEDIA-SPEC's. */
export function readNewConference(raw: JsonObject | undefined): NewConference {
  const body = onlyFields(requireBody(raw), ['id', 'name', 'type', 'lobbyPolicy', 'accessCodeLength', 'expiryDateTime', 'participants']);
  const id = optionalString(body, 'id');
  // CHOICE: a chosen id must fit in one path segment.
  if (id !== undefined && !/^[A-Za-z0-9._~-]{1,128}$/.test(id)) {
    throw badRequest('InvalidRequest', 'id must be 1–128 letters, digits, ".", "_", "~" or "-".');
  }
  const length = body.accessCodeLength ?? 9;
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 1 || length > 99) {
    throw badRequest('InvalidRequest', 'accessCodeLength must be an integer from 1 to 99.');
  }
  const expiry = optionalString(body, 'expiryDateTime');
  const expiryMs = expiry === undefined ? undefined : Date.parse(expiry);
  if (expiryMs !== undefined && Number.isNaN(expiryMs)) throw badRequest('InvalidRequest', 'expiryDateTime must be a date-time.');
  const participants = optionalObjectList(body, 'participants') ?? [];
  return {
    id,
    name: optionalString(body, 'name'),
    type: optionalEnum(body, 'type', CONFERENCE_TYPES) ?? 'everyoneAllowed',
    lobbyPolicy: optionalEnum(body, 'lobbyPolicy', LOBBY_POLICIES) ?? 'guestLobby',
    accessCodeLength: length,
    // "Rounded to the second" (MEDIA-SPEC).
    accessCodeExpiry: expiryMs === undefined ? undefined : new Date(Math.round(expiryMs / 1000) * 1000).toISOString(),
    participantIds: participants.map((item) => requiredString(onlyFields(item, ['participantId']), 'participantId')),
  };
}

export const CONFERENCE_ACTIONS = ['end', 'record', 'stop-record', 'pause-record', 'resume-record'] as const;
export type ConferenceAction = (typeof CONFERENCE_ACTIONS)[number];

export function readConferenceAction(raw: JsonObject | undefined): ConferenceAction {
  const body = onlyFields(requireBody(raw), ['action']);
  const action = optionalEnum(body, 'action', CONFERENCE_ACTIONS);
  if (action === undefined) throw badRequest('MissingParamInRequest', 'action is required.');
  return action;
}

export function readConferenceUpdate(raw: JsonObject | undefined) {
  const body = onlyFields(requireBody(raw), ['name', 'lobbyPolicy']);
  return { name: optionalString(body, 'name'), lobbyPolicy: optionalEnum(body, 'lobbyPolicy', LOBBY_POLICIES) };
}

/** updateConferenceParticipantRequest. */
export function readParticipantUpdate(raw: JsonObject | undefined) {
  const body = onlyFields(requireBody(raw), ['associatedParticipantId', 'muted', 'action', 'onetimeAcceptance']);
  const flag = (name: string) => {
    const value = body[name];
    if (value !== undefined && typeof value !== 'boolean') throw badRequest('InvalidRequest', `${name} must be true or false.`);
    return value as boolean | undefined;
  };
  return {
    associatedParticipantId: optionalString(body, 'associatedParticipantId'),
    muted: flag('muted'),
    leave: optionalEnum(body, 'action', ['leave'] as const) === 'leave',
    onetimeAcceptance: flag('onetimeAcceptance'),
  };
}

/** participantPostRequest / postConferenceParticipantRequest. */
export function readNewParticipant(raw: JsonObject | undefined) {
  const body = onlyFields(requireBody(raw), ['participantId', 'onetimeAcceptance']);
  const onetime = body.onetimeAcceptance;
  if (onetime !== undefined && typeof onetime !== 'boolean') throw badRequest('InvalidRequest', 'onetimeAcceptance must be true or false.');
  return { participantId: requiredString(body, 'participantId'), onetimeAcceptance: onetime as boolean | undefined };
}

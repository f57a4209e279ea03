// Conference records (MEDIA-SPEC `conference`, `participant`, postConferenceRequest) and who may
// see and change them. The spec says only that a conference "is limited by ownership"; the rules
// below are CHOICEs listed in sandbox/README.md.
import { randomInt } from 'node:crypto';
import type { Caller } from '../../../platform/bearer-auth';
import { forbidden, notFound } from '../../../platform/errors';
import { inAccount, isAdmin, type MediaContext } from '../context';

export const CONFERENCE_TYPES = ['everyoneAllowed', 'inviteOnly'] as const;
export const LOBBY_POLICIES = ['pstnLobby', 'guestLobby', 'nonOwnerLobby', 'noLobby'] as const;
export const PARTICIPANT_STATES = ['invited', 'accepted', 'rejected', 'active', 'inactive'] as const;

export interface ParticipantRecord {
  participantId: string;
  state: (typeof PARTICIPANT_STATES)[number];
  type: 'webapi' | 'pstn';
  onetimeAcceptance?: boolean;
  /** updateConferenceParticipantRequest fields, kept though the `participant` shape does not show them. */
  muted: boolean;
  associatedParticipantId?: string;
}

export interface ConferenceRecording {
  recordingId: string;
  runningSinceMs?: number;
  recordedMs: number;
}

export interface ConferenceRecord {
  id: string;
  accountId: string;
  name?: string;
  type: (typeof CONFERENCE_TYPES)[number];
  lobbyPolicy: (typeof LOBBY_POLICIES)[number];
  accessCode: string;
  accessCodeExpiry?: string;
  state: 'inactive' | 'active';
  createdOn: string;
  createdBy: string;
  modifiedOn: string;
  modifiedBy: string;
  /** The creator first: "Creator is automatically added to participants" (MEDIA-SPEC). */
  participants: ParticipantRecord[];
  recording?: ConferenceRecording;
}

export type ConferenceStore = Map<string, ConferenceRecord>;

/** accessCodeLength digits, "Default value is 9. Must be between 1 to 99" (MEDIA-SPEC). */
export function accessCode(length: number): string {
  let code = String(randomInt(1, 10));
  while (code.length < length) code += String(randomInt(0, 10));
  return code;
}

export const participantOf = (conference: ConferenceRecord, participantId: string) =>
  conference.participants.find((participant) => participant.participantId === participantId);

/** The creator and the account's admins run a conference. */
export const mayManage = (who: Caller, conference: ConferenceRecord) =>
  inAccount(who, conference.accountId) && (isAdmin(who) || conference.createdBy === who.principalId);

/**
 * CHOICE: in its account, an everyoneAllowed conference is visible to all, an inviteOnly one to
 * its participants and managers; elsewhere nothing is (404, as if it did not exist).
 */
export function mayView(who: Caller, conference: ConferenceRecord): boolean {
  if (!inAccount(who, conference.accountId)) return false;
  return conference.type === 'everyoneAllowed' || mayManage(who, conference) || participantOf(conference, who.principalId) !== undefined;
}

export function visibleConference(store: ConferenceStore, who: Caller, conferenceId: string): ConferenceRecord {
  const conference = store.get(conferenceId);
  if (!conference || !mayView(who, conference)) throw notFound('ConferenceNotFound', `No conference '${conferenceId}'.`);
  return conference;
}

export function managedConference(store: ConferenceStore, who: Caller, conferenceId: string): ConferenceRecord {
  const conference = visibleConference(store, who, conferenceId);
  if (!mayManage(who, conference)) {
    throw forbidden('InsufficientPermissions', 'Only the conference creator or an ADMIN may do this.');
  }
  return conference;
}

export function visibleParticipant(conference: ConferenceRecord, participantId: string): ParticipantRecord {
  const participant = participantOf(conference, participantId);
  if (!participant) throw notFound('ParticipantNotFound', `No participant '${participantId}' in conference '${conference.id}'.`);
  return participant;
}

/** Ends the conference's recording; the recording resource's callId is the conference id (MEDIA-SPEC GET /recordings). */
export function stopConferenceRecording(media: MediaContext, conference: ConferenceRecord): void {
  const recording = conference.recording;
  if (!recording) return;
  conference.recording = undefined;
  const now = media.state.now();
  if (recording.runningSinceMs !== undefined) recording.recordedMs += now - recording.runningSinceMs;
  media.world.recordings.set(recording.recordingId, {
    recordingId: recording.recordingId,
    callId: conference.id,
    accountId: conference.accountId,
    ownerPrincipalId: conference.createdBy,
    createdOn: new Date(now).toISOString(),
    contentType: 'audio/wav',
    durationInSeconds: Math.round(recording.recordedMs / 1000),
  });
}

/** With nobody active any more the conference goes inactive and its recording stops. */
export function settleState(media: MediaContext, conference: ConferenceRecord): void {
  if (conference.participants.some((participant) => participant.state === 'active')) return;
  conference.state = 'inactive';
  stopConferenceRecording(media, conference);
}

// The Conference tag of MEDIA-SPEC: GET|POST /conferences, GET|POST(action)|PUT|DELETE
// /conferences/{conferenceId} and GET /users/{userId}/conferences. S-MEDIA creates one with
// `{name, accessCodeLength, participants}`, renames it with `{name, lobbyPolicy}`, ends it with
// `{action: "end"}`, deletes it, and lists a user's.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../../platform/bearer-auth';
import { badRequest, conflict, forbidden } from '../../../platform/errors';
import { jsonObjectBody } from '../../../platform/request-fields';
import { isAdmin, timestamp, type MediaContext } from '../context';
import { listPage } from '../listing';
import { readConferenceAction, readConferenceUpdate, readNewConference, type ConferenceAction } from './body';
import { toConferenceResource } from './presenter';
import { accessCode, managedConference, mayView, participantOf, stopConferenceRecording, visibleConference, type ConferenceRecord } from './store';

/** `$expand` takes only `tags` on conferences (MEDIA-SPEC); the rest of the query is left to paging. */
function expandTags(query: unknown): { tags: boolean; rest: Record<string, unknown> } {
  const { $expand, ...rest } = (query ?? {}) as Record<string, unknown>;
  if ($expand !== undefined && $expand !== 'tags') throw badRequest('UnsupportedQueryParameters', 'Only $expand=tags is supported.');
  return { tags: $expand === 'tags', rest };
}

/** containsAllParticipants=id1,id2,me (MEDIA-SPEC): "me" is the caller. */
function participantsWanted(raw: unknown, who: Caller): string[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'string') throw badRequest('InvalidRequest', 'containsAllParticipants must be given once.');
  return raw
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
    .map((id) => (id === 'me' ? who.principalId : id));
}

function act(media: MediaContext, conference: ConferenceRecord, action: ConferenceAction): void {
  const now = media.state.now();
  const recording = conference.recording;
  const inactive = () => conflict('InvalidConferenceState', 'The conference is not active.');
  const notRecording = () => conflict('InvalidConferenceState', 'The conference is not being recorded.');
  switch (action) {
    case 'end':
      if (conference.state !== 'active') throw inactive();
      for (const participant of conference.participants) if (participant.state === 'active') participant.state = 'inactive';
      conference.state = 'inactive';
      stopConferenceRecording(media, conference);
      return;
    case 'record':
      if (conference.state !== 'active') throw inactive();
      if (recording) throw conflict('InvalidConferenceState', 'The conference is already being recorded.');
      conference.recording = { recordingId: randomUUID(), runningSinceMs: now, recordedMs: 0 };
      return;
    case 'stop-record':
      if (!recording) throw notRecording();
      stopConferenceRecording(media, conference);
      return;
    case 'pause-record':
      if (!recording) throw notRecording();
      if (recording.runningSinceMs === undefined) throw conflict('InvalidConferenceState', 'The recording is already paused.');
      recording.recordedMs += now - recording.runningSinceMs;
      recording.runningSinceMs = undefined;
      return;
    case 'resume-record':
      if (!recording) throw notRecording();
      if (recording.runningSinceMs !== undefined) throw conflict('InvalidConferenceState', 'The recording is not paused.');
      recording.runningSinceMs = now;
      return;
  }
}

export function registerConferenceRoutes(app: FastifyInstance, media: MediaContext): void {
  const { servicePath } = media;
  const store = media.world.conferences;
  const present = (conference: ConferenceRecord, tags = false) => toConferenceResource(conference, servicePath, tags);
  const touched = (conference: ConferenceRecord, who: Caller) => {
    conference.modifiedOn = timestamp(media);
    conference.modifiedBy = who.principalId;
  };
  const params = (request: FastifyRequest) => request.params as { conferenceId: string };

  app.get('/conferences', async (request) => {
    const who = media.caller(request);
    const { tags, rest } = expandTags(request.query);
    const { containsAllParticipants, ...query } = rest;
    const wanted = participantsWanted(containsAllParticipants, who);
    // "sorted by most recent conference first" (MEDIA-SPEC); ties newest-created first.
    const conferences = [...store.values()]
      .reverse()
      .filter((conference) => mayView(who, conference))
      .filter((conference) => wanted.every((id) => participantOf(conference, id) !== undefined))
      .sort((a, b) => b.createdOn.localeCompare(a.createdOn));
    const show = (conference: ConferenceRecord) => present(conference, tags);
    return listPage(query, conferences, `${servicePath}/conferences`, show);
  });

  // "conferences the user created and being participant of" (MEDIA-SPEC; S-MEDIA getUserConferences).
  // CHOICE: a USER may ask for himself only (403 otherwise); admins for anyone in the account.
  app.get('/users/:userId/conferences', async (request) => {
    const who = media.caller(request);
    const { userId } = request.params as { userId: string };
    if (userId !== who.principalId && !isAdmin(who)) throw forbidden('InsufficientPermissions', 'Only your own conferences.');
    const { tags, rest } = expandTags(request.query);
    const conferences = [...store.values()]
      .reverse()
      .filter((conference) => mayView(who, conference) && participantOf(conference, userId) !== undefined)
      .sort((a, b) => b.createdOn.localeCompare(a.createdOn));
    const show = (conference: ConferenceRecord) => present(conference, tags);
    return listPage(rest, conferences, `${servicePath}/users/${encodeURIComponent(userId)}/conferences`, show);
  });

  app.post('/conferences', async (request) => {
    const who = media.caller(request);
    const wanted = readNewConference(jsonObjectBody(request));
    const id = wanted.id ?? randomUUID();
    if (store.has(id)) throw conflict('ConditionalCheckFailedException', `Conference '${id}' already exists.`);
    const now = timestamp(media);
    // "Creator is automatically added to participants" (MEDIA-SPEC); invitees start invited.
    const participantIds = [who.principalId, ...wanted.participantIds.filter((pid) => pid !== who.principalId)];
    const conference: ConferenceRecord = {
      id,
      accountId: who.accountId,
      name: wanted.name,
      type: wanted.type,
      lobbyPolicy: wanted.lobbyPolicy,
      accessCode: accessCode(wanted.accessCodeLength),
      accessCodeExpiry: wanted.accessCodeExpiry,
      state: 'inactive',
      createdOn: now,
      createdBy: who.principalId,
      modifiedOn: now,
      modifiedBy: who.principalId,
      participants: [...new Set(participantIds)].map((participantId, index) => ({
        participantId,
        state: index === 0 ? 'accepted' : 'invited',
        type: 'webapi',
        muted: false,
      })),
    };
    store.set(id, conference);
    // MEDIA-SPEC: 200 "Created" with the conference (202 is for asynchronous creation; never here).
    return present(conference);
  });

  app.get('/conferences/:conferenceId', async (request) => {
    const { tags } = expandTags(request.query);
    return present(visibleConference(store, media.caller(request), params(request).conferenceId), tags);
  });

  app.post('/conferences/:conferenceId', async (request) => {
    const who = media.caller(request);
    const conference = managedConference(store, who, params(request).conferenceId);
    act(media, conference, readConferenceAction(jsonObjectBody(request)));
    touched(conference, who);
    return present(conference);
  });

  app.put('/conferences/:conferenceId', async (request) => {
    const who = media.caller(request);
    const conference = managedConference(store, who, params(request).conferenceId);
    const changes = readConferenceUpdate(jsonObjectBody(request));
    if (changes.name !== undefined) conference.name = changes.name;
    if (changes.lobbyPolicy !== undefined) conference.lobbyPolicy = changes.lobbyPolicy;
    touched(conference, who);
    return present(conference);
  });

  app.delete('/conferences/:conferenceId', async (request) => {
    const conference = managedConference(store, media.caller(request), params(request).conferenceId);
    stopConferenceRecording(media, conference);
    store.delete(conference.id);
    // CHOICE: 200 with the deleted conference, like DELETE /applications/{id}.
    return present(conference);
  });
}

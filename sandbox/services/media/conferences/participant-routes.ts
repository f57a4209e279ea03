// The Participant tag of MEDIA-SPEC: GET|POST /conferences/{id}/participants, GET|PUT|DELETE
// /conferences/{id}/participants/{participantId}, and POST …/connections, which hands out the
// client-side join details and is what makes a participant (and its conference) active.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Caller } from '../../../platform/bearer-auth';
import { conflict, forbidden } from '../../../platform/errors';
import { jsonObjectBody } from '../../../platform/request-fields';
import type { MediaContext } from '../context';
import { listPage } from '../listing';
import { readNewParticipant, readParticipantUpdate } from './body';
import { toParticipantResource } from './presenter';
import { mayManage, participantOf, settleState, visibleConference, visibleParticipant, type ConferenceRecord, type ParticipantRecord } from './store';

type Params = { conferenceId: string; participantId: string };

export function registerParticipantRoutes(app: FastifyInstance, media: MediaContext): void {
  const { servicePath } = media;
  const store = media.world.conferences;
  const params = (request: FastifyRequest) => request.params as Params;
  const present = (conference: ConferenceRecord) => (participant: ParticipantRecord) => toParticipantResource(conference, participant, servicePath);
  /** CHOICE: a participant acts for himself; the creator and admins act for anyone. */
  const assertSelfOrManager = (who: Caller, conference: ConferenceRecord, participantId: string) => {
    if (participantId !== who.principalId && !mayManage(who, conference)) {
      throw forbidden('InsufficientPermissions', 'Only the participant, the conference creator or an ADMIN may do this.');
    }
  };
  const target = (request: FastifyRequest) => {
    const who = media.caller(request);
    const { conferenceId, participantId } = params(request);
    const conference = visibleConference(store, who, conferenceId);
    return { who, conference, participant: visibleParticipant(conference, participantId) };
  };

  app.get('/conferences/:conferenceId/participants', async (request) => {
    const conference = visibleConference(store, media.caller(request), params(request).conferenceId);
    const show = present(conference);
    return listPage(request.query, conference.participants, `${servicePath}/conferences/${encodeURIComponent(conference.id)}/participants`, show);
  });

  app.post('/conferences/:conferenceId/participants', async (request) => {
    const who = media.caller(request);
    const conference = visibleConference(store, who, params(request).conferenceId);
    const wanted = readNewParticipant(jsonObjectBody(request));
    // CHOICE: managers invite anyone; others may only add themselves to an everyoneAllowed conference.
    const selfJoin = wanted.participantId === who.principalId && conference.type === 'everyoneAllowed';
    if (!selfJoin && !mayManage(who, conference)) {
      throw forbidden('InsufficientPermissions', 'Only the conference creator or an ADMIN may invite participants.');
    }
    if (participantOf(conference, wanted.participantId)) {
      throw conflict('ConditionalCheckFailedException', `'${wanted.participantId}' is already a participant.`);
    }
    const participant: ParticipantRecord = {
      participantId: wanted.participantId,
      state: selfJoin ? 'accepted' : 'invited',
      type: 'webapi',
      muted: false,
      onetimeAcceptance: wanted.onetimeAcceptance,
    };
    conference.participants.push(participant);
    return present(conference)(participant);
  });

  app.get('/conferences/:conferenceId/participants/:participantId', async (request) => {
    const { conference, participant } = target(request);
    return present(conference)(participant);
  });

  app.put('/conferences/:conferenceId/participants/:participantId', async (request) => {
    const { who, conference, participant } = target(request);
    assertSelfOrManager(who, conference, participant.participantId);
    const changes = readParticipantUpdate(jsonObjectBody(request));
    if (changes.muted !== undefined) participant.muted = changes.muted;
    if (changes.associatedParticipantId !== undefined) participant.associatedParticipantId = changes.associatedParticipantId;
    if (changes.onetimeAcceptance !== undefined) participant.onetimeAcceptance = changes.onetimeAcceptance;
    if (changes.leave) {
      // CHOICE: leaving an invitation declines it (rejected); leaving the call makes one inactive.
      participant.state = participant.state === 'invited' || participant.state === 'rejected' ? 'rejected' : 'inactive';
      settleState(media, conference);
    }
    return present(conference)(participant);
  });

  app.delete('/conferences/:conferenceId/participants/:participantId', async (request) => {
    const { who, conference, participant } = target(request);
    assertSelfOrManager(who, conference, participant.participantId);
    if (participant.participantId === conference.createdBy) {
      throw conflict('InvalidConferenceState', 'The creator cannot be removed from the conference.');
    }
    conference.participants = conference.participants.filter((item) => item !== participant);
    settleState(media, conference);
    // CHOICE: 200 with the removed participant.
    return present(conference)(participant);
  });

  app.post('/conferences/:conferenceId/participants/:participantId/connections', async (request) => {
    const { who, conference, participant } = target(request);
    // CHOICE: join details are personal: only the participant himself gets them.
    if (participant.participantId !== who.principalId) {
      throw forbidden('InsufficientPermissions', 'Connection details are issued to the participant only.');
    }
    if (participant.state === 'rejected') throw conflict('InvalidConferenceState', 'The participant declined the invitation.');
    participant.state = 'active';
    conference.state = 'active';
    // MEDIA-SPEC participantConnection; hosts under .invalid (RFC 2606) so nothing can connect anywhere.
    const session = randomBytes(8).toString('hex');
    return {
      token: randomBytes(24).toString('base64url'),
      mediaUrl: `wss://media.sandbox.invalid/conferences/${conference.id}/${session}`,
      signalingUrl: `wss://signaling.sandbox.invalid/conferences/${conference.id}/${session}`,
      turnUrl: 'turns:turn.sandbox.invalid:443',
      externalId: `${participant.participantId}-${session}`,
      externalConferenceId: `sandbox-${conference.id}`,
    };
  });
}

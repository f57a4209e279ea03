// Conference participants (MEDIA-SPEC tag "Participant"): invited with {participantId} (a
// principal), listed, declined or left with {"action":"leave"}, removed, and joined through POST
// …/connections, which hands the participant his media, signaling and TURN URLs (MEDIA-SPEC).
// The invitee is the environment's second user.
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Conference } from '../../types/media/conference';
import type { ConferenceParticipant } from '../../types/media/conference-participant';
import type { ConferenceParticipantCollection } from '../../types/media/conference-participant-collection';
import type { ParticipantConnection } from '../../types/media/participant-connection';
import { media } from './collection';
import { createConference, principalOf, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

/** A conference of the primary user with the second user invited: the conference and the invitee's principal. */
async function withInvitee(name: string): Promise<[Conference, string]> {
  const invitee = await principalOf(api, 'second');
  const conference = await createConference(api, { name, participants: [{ participantId: invitee }] });
  return [conference, invitee];
}

async function participant(conferenceId: string, participantId: string): Promise<ConferenceParticipant> {
  const res = await api.send<ConferenceParticipant>('GET Participant', { vars: { conferenceId, participantId } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/conference-participant');
  return res.body;
}

describe('POST Participant', () => {
  itWrites('invites a principal, who starts invited', async () => {
    const invitee = await principalOf(api, 'second');
    const conference = await createConference(api, { name: 'media participants invite' });

    const res = await api.send<ConferenceParticipant>('POST Participant', { vars: { conferenceId: conference.id, participantId: invitee } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference-participant');
    expect(res.body).toMatchObject({ participantId: invitee, state: 'invited' });
  });

  itWrites('answers 409 for a principal who is already a participant', async () => {
    const [conference, invitee] = await withInvitee('media participants twice');

    const res = await api.send<PlatformError>('POST Participant', { vars: { conferenceId: conference.id, participantId: invitee } });

    expect(res.status).toBe(409);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

describe('GET Participants', () => {
  itWrites('lists the creator first, then the invitees', async () => {
    const [conference, invitee] = await withInvitee('media participants list');

    const res = await api.send<ConferenceParticipantCollection>('GET Participants', { vars: { conferenceId: conference.id } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference-participant-collection');
    expect(res.body._embedded.items.map((item) => item.participantId)).toEqual([conference.createdBy, invitee]);
  });
});

describe('GET Participant', () => {
  itWrites('returns 200 with one participant', async () => {
    const [conference, invitee] = await withInvitee('media participants read');

    const res = await api.send<ConferenceParticipant>('GET Participant', { vars: { conferenceId: conference.id, participantId: invitee } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference-participant');
    expect(res.body.state).toBe('invited');
  });
});

describe('PUT Participant', () => {
  itWrites('lets the invitee decline with {"action":"leave"}: he becomes rejected', async () => {
    const [conference, invitee] = await withInvitee('media participants decline');

    const res = await api.send<ConferenceParticipant>('PUT Participant', {
      vars: { conferenceId: conference.id, participantId: invitee },
      json: { action: 'leave' },
      as: 'second',
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference-participant');
    expect(res.body.state).toBe('rejected');
  });
});

describe('POST Participant Connection', () => {
  itWrites('gives the participant his join details and makes him and the conference active', async () => {
    const [conference, invitee] = await withInvitee('media participants join');

    const res = await api.send<ParticipantConnection>('POST Participant Connection', {
      vars: { conferenceId: conference.id, participantId: invitee },
      as: 'second',
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/participant-connection');
    expect((await participant(conference.id, invitee)).state).toBe('active');
    const after = await api.send<Conference>('GET Conference', { vars: { conferenceId: conference.id } });
    expect(after.status).toBe(200);
    expect(after.body).toMatchSchema('media/conference');
    expect(after.body.state).toBe('active');
  });
});

describe('DELETE Participant', () => {
  itWrites('removes a participant, who then answers 404 ParticipantNotFound', async () => {
    const [conference, invitee] = await withInvitee('media participants remove');

    const res = await api.send<ConferenceParticipant>('DELETE Participant', { vars: { conferenceId: conference.id, participantId: invitee } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference-participant');
    const gone = await api.send<PlatformError>('GET Participant', { vars: { conferenceId: conference.id, participantId: invitee } });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchSchema('_shared/error');
    expect(gone.body.name).toBe('ParticipantNotFound');
  });

  itWrites('refuses to remove the conference’s creator with 409', async () => {
    const conference = await createConference(api, { name: 'media participants creator' });

    const res = await api.send<PlatformError>('DELETE Participant', {
      vars: { conferenceId: conference.id, participantId: conference.createdBy },
    });

    expect(res.status).toBe(409);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

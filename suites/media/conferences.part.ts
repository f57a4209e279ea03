// Conferences (MEDIA-SPEC tag "Conference"): created with postConferenceRequest (defaults
// everyoneAllowed, guestLobby, a 9-digit access code; "Creator is automatically added to
// participants"), renamed with {name, lobbyPolicy}, driven with {action: end|record|stop-record|
// pause-record|resume-record}, deleted, and listed most recent first — the calls Mitel's media
// sample makes (MEDIA-SPEC; S-MEDIA).
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Conference } from '../../types/media/conference';
import type { ConferenceCollection } from '../../types/media/conference-collection';
import type { ParticipantConnection } from '../../types/media/participant-connection';
import type { RecordingCollection } from '../../types/media/recording-collection';
import { media } from './collection';
import { createConference, principalOf, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

const action = (conferenceId: string, name: string) => api.send<Conference>('POST Conference Action', { vars: { conferenceId, action: name } });

describe('POST Conference', () => {
  itWrites('returns 200 with the spec’s defaults and the creator as its first, accepted participant', async () => {
    const conference = await createConference(api, { name: 'media conference defaults' });

    expect(conference).toMatchObject({ type: 'everyoneAllowed', visibility: 'public', lobbyPolicy: 'guestLobby', state: 'inactive' });
    expect(conference._embedded.participants._embedded.items[0]).toMatchObject({ participantId: conference.createdBy, state: 'accepted' });
  });

  itWrites('creates an inviteOnly conference as private, with its invitees invited', async () => {
    const invitee = await principalOf(api, 'second');

    const conference = await createConference(api, { name: 'media invite only', type: 'inviteOnly', participants: [{ participantId: invitee }] });

    expect(conference.visibility).toBe('private');
    expect(conference._embedded.participants._embedded.items[1]).toMatchObject({ participantId: invitee, state: 'invited' });
  });

  itWrites('rejects a field postConferenceRequest does not define with 400', async () => {
    const res = await api.send<PlatformError>('POST Conference', { json: { name: 'media conference', colour: 'blue' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
  });

  itWrites('answers 409 for an id that is already taken', async () => {
    await createConference(api, { id: 'media-suite-fixed-id', name: 'media fixed id' });

    const res = await api.send<PlatformError>('POST Conference', { json: { id: 'media-suite-fixed-id', name: 'media fixed id again' } });

    expect(res.status).toBe(409);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

describe('GET Conference', () => {
  itWrites('returns 200 with the conference and its dial-in addresses', async () => {
    const created = await createConference(api, { name: 'media conference read' });

    const res = await api.send<Conference>('GET Conference', { vars: { conferenceId: created.id } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference');
    expect(res.body).toMatchObject({ id: created.id, name: 'media conference read' });
  });

  itWrites('embeds the conference’s tags with $expand=tags', async () => {
    const created = await createConference(api, { name: 'media conference tags' });

    const res = await api.send<Conference>('GET Conference', { vars: { conferenceId: created.id }, query: { $expand: 'tags' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference');
    expect(res.body._embedded.tags?._embedded?.items).toEqual(expect.any(Array));
  });
});

describe('PUT Conference', () => {
  itWrites('renames the conference and changes its lobby policy', async () => {
    const created = await createConference(api, { name: 'media conference before' });

    const res = await api.send<Conference>('PUT Conference', {
      vars: { conferenceId: created.id },
      json: { name: 'media conference after', lobbyPolicy: 'noLobby' },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference');
    expect(res.body).toMatchObject({ name: 'media conference after', lobbyPolicy: 'noLobby' });
  });
});

describe('POST Conference Action', () => {
  itWrites('refuses to record a conference nobody has joined with 409', async () => {
    const created = await createConference(api, { name: 'media conference idle' });

    const res = await api.send<PlatformError>('POST Conference Action', { vars: { conferenceId: created.id, action: 'record' } });

    expect(res.status).toBe(409);
    expect(res.body).toMatchSchema('_shared/error');
  });

  itWrites('records an active conference; stop-record leaves a recording of it and end makes it inactive', async () => {
    const created = await createConference(api, { name: 'media conference recorded' }, { recorded: true });
    const joined = await api.send<ParticipantConnection>('POST Participant Connection', {
      vars: { conferenceId: created.id, participantId: created.createdBy },
    });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchSchema('media/participant-connection');

    for (const step of ['record', 'stop-record']) {
      const res = await action(created.id, step);
      expect(res.status).toBe(200);
      expect(res.body).toMatchSchema('media/conference');
    }
    const ended = await action(created.id, 'end');

    expect(ended.status).toBe(200);
    expect(ended.body).toMatchSchema('media/conference');
    expect(ended.body.state).toBe('inactive');
    // MEDIA-SPEC: a recording's callId is the call "or conference" it was made of.
    const recordings = await api.send<RecordingCollection>('GET Recordings', { query: { $filter: `callId eq '${created.id}'` } });
    expect(recordings.status).toBe(200);
    expect(recordings.body).toMatchSchema('media/recording-collection');
    for (const made of recordings.body._embedded.items) {
      api.undo(`delete recording ${made.recordingId}`, 'DELETE Recording', { vars: { recordingId: made.recordingId } });
    }
    expect(recordings.body._embedded.items).toHaveLength(1);
  });
});

describe('DELETE Conference', () => {
  itWrites('returns 200, after which the conference answers 404 ConferenceNotFound', async () => {
    const created = await createConference(api, { name: 'media conference deleted' });

    const res = await api.send<Conference>('DELETE Conference', { vars: { conferenceId: created.id } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference');
    const gone = await api.send<PlatformError>('GET Conference', { vars: { conferenceId: created.id } });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchSchema('_shared/error');
    expect(gone.body.name).toBe('ConferenceNotFound');
  });
});

describe('GET Conferences', () => {
  itWrites('lists the caller’s conferences with containsAllParticipants=me', async () => {
    const created = await createConference(api, { name: 'media conference mine' });

    const res = await api.send<ConferenceCollection>('GET Conferences', {
      query: { containsAllParticipants: 'me', $filter: "name eq 'media conference mine'" },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference-collection');
    expect(res.body._embedded.items.map((item) => item.id)).toEqual([created.id]);
  });
});

describe('GET User Conferences', () => {
  itWrites('lists the conferences a user created', async () => {
    const created = await createConference(api, { name: 'media conference of a user' });

    const res = await api.send<ConferenceCollection>('GET User Conferences', {
      vars: { userId: created.createdBy },
      query: { $filter: "name eq 'media conference of a user'" },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference-collection');
    expect(res.body._embedded.items.map((item) => item.id)).toEqual([created.id]);
  });
});

// What a plain user may do. Call control "requires ADMIN rights or above" (S-NOTIF README),
// deleting a recording "requires privileged access" and a conference "is limited by ownership"
// (MEDIA-SPEC), while line state is presence, which any user reads (TEAMS-DOC). The environment's
// second user is a USER whose own extension is 2002 in the sandbox seed; the sandbox lets a user
// control his own extension (sandbox/README.md, a documented choice).
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { CallCollection } from '../../types/media/call-collection';
import type { Endpoint } from '../../types/media/endpoint';
import type { RecordingCollection } from '../../types/media/recording-collection';
import { media } from './collection';
import { createConference, endLeg, legVars, makeCall, principalOf, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

/** A principal that is not the second user; the refusal does not depend on who it is. */
const SOMEONE_ELSE = '6b1d3f5a-7c9e-4b2d-8f4a-1c3e5a7b9d0f';

function expectInsufficientPermissions(res: { status: number; body: PlatformError }): void {
  expect(res.status).toBe(403);
  expect(res.body).toMatchSchema('_shared/error');
  expect(res.body.name).toBe('InsufficientPermissions');
}

describe('POST Make Call', () => {
  itWrites('refuses a USER a call from a desk phone that is not his with 403 InsufficientPermissions', async () => {
    const res = await api.send<PlatformError>('POST Make Call', { vars: { endpointId: '200', to: '5550130' }, as: 'second' });

    expectInsufficientPermissions(res);
  });
});

describe('PUT Call Action', () => {
  itWrites('refuses a USER the control of another endpoint’s call with 403 InsufficientPermissions', async () => {
    const other = await makeCall(api, '2001', '5550132');

    const res = await api.send<PlatformError>('PUT Call Action', { vars: { ...legVars(other), action: 'end' }, as: 'second' });

    expectInsufficientPermissions(res);
  });
});

describe('GET Endpoint', () => {
  it('lets a USER read any endpoint’s line state, which is presence', async () => {
    const res = await api.send<Endpoint>('GET Endpoint', { vars: { endpointId: '200' }, as: 'second' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/endpoint');
    expect(res.body.endpointId).toBe('200');
  });
});

describe('PUT Endpoint', () => {
  itWrites('refuses a USER do-not-disturb on an endpoint that is not his with 403 InsufficientPermissions', async () => {
    const res = await api.send<PlatformError>('PUT Endpoint', {
      vars: { endpointId: '200' },
      json: { action: 'dnd', enabled: true, userAvailability: 'dnd' },
      as: 'second',
    });

    expectInsufficientPermissions(res);
  });
});

describe('GET Calls', () => {
  itWrites('shows a USER only the legs of his own extension', async () => {
    await makeCall(api, '2002', '5550133', { as: 'second' });

    const res = await api.send<CallCollection>('GET Calls', { as: 'second' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-collection');
    expect(res.body._embedded.items.length).toBeGreaterThan(0);
    expect(res.body._embedded.items.every((leg) => leg.endpointId === '2002')).toBe(true);
  });
});

describe('DELETE Recording', () => {
  itWrites('refuses a USER the deletion of a recording of his own call with 403 InsufficientPermissions', async () => {
    const leg = await makeCall(api, '2002', '5550134', { body: { record: true }, as: 'second' });
    const ended = await endLeg(api, leg);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchSchema('media/call');
    const own = await api.send<RecordingCollection>('GET Recordings', { query: { $filter: `callId eq '${leg.callId}'` }, as: 'second' });
    expect(own.status).toBe(200);
    expect(own.body).toMatchSchema('media/recording-collection');
    const [recording] = own.body._embedded.items;
    if (!recording) throw new Error(`The second user sees no recording of his call ${leg.callId}.`);
    api.undo(`delete recording ${recording.recordingId}`, 'DELETE Recording', { vars: { recordingId: recording.recordingId } });

    const res = await api.send<PlatformError>('DELETE Recording', { vars: { recordingId: recording.recordingId }, as: 'second' });

    expectInsufficientPermissions(res);
  });
});

describe('PUT Conference', () => {
  itWrites('refuses a USER changes to a conference he did not create with 403 InsufficientPermissions', async () => {
    const conference = await createConference(api, { name: 'media permissions owned' });

    const res = await api.send<PlatformError>('PUT Conference', {
      vars: { conferenceId: conference.id, conferenceName: 'media permissions taken over' },
      as: 'second',
    });

    expectInsufficientPermissions(res);
  });
});

describe('POST Participant', () => {
  itWrites('refuses a USER who is not the creator an invitation of someone else with 403 InsufficientPermissions', async () => {
    const conference = await createConference(api, { name: 'media permissions invite' });

    const res = await api.send<PlatformError>('POST Participant', {
      vars: { conferenceId: conference.id, participantId: SOMEONE_ELSE },
      as: 'second',
    });

    expectInsufficientPermissions(res);
  });

  itWrites('lets a USER join an everyoneAllowed conference himself, accepted at once', async () => {
    const me = await principalOf(api, 'second');
    const conference = await createConference(api, { name: 'media permissions self join' });

    const res = await api.send<{ participantId: string; state: string }>('POST Participant', {
      vars: { conferenceId: conference.id, participantId: me },
      as: 'second',
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/conference-participant');
    expect(res.body.state).toBe('accepted');
  });
});

describe('GET User Conferences', () => {
  itWrites('refuses a USER the conferences of another user with 403 InsufficientPermissions', async () => {
    const conference = await createConference(api, { name: 'media permissions other user' });

    const res = await api.send<PlatformError>('GET User Conferences', { vars: { userId: conference.createdBy }, as: 'second' });

    expectInsufficientPermissions(res);
  });
});

// Unknown ids under routes that exist: MEDIA-SPEC answers 404 "invalid identifier", with the
// platform's {name, message} body — unlike an unknown route, which the API gateway answers 403 (see
// call-paths.test.ts).
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import { media, type MediaRequest } from './collection';
import { createConference, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

/** Well-formed ids that name nothing. */
const UNKNOWN_UUID = '3c9e1a7b-5d2f-4e8a-9b6c-0d4f2a8e6c1b';
const UNKNOWN_EXTENSION = '7999';

async function expectNotFound(name: MediaRequest, vars: Record<string, string>, errorName: string): Promise<void> {
  const res = await api.send<PlatformError>(name, { vars });

  expect(res.status).toBe(404);
  expect(res.body).toMatchSchema('_shared/error');
  expect(res.body.name).toBe(errorName);
}

describe('GET Endpoint', () => {
  it('answers 404 EndpointNotFound for an extension the account does not have', async () => {
    await expectNotFound('GET Endpoint', { endpointId: UNKNOWN_EXTENSION }, 'EndpointNotFound');
  });
});

describe('POST Make Call', () => {
  itWrites('answers 404 EndpointNotFound when the calling endpoint does not exist', async () => {
    await expectNotFound('POST Make Call', { endpointId: UNKNOWN_EXTENSION, to: '5550140' }, 'EndpointNotFound');
  });
});

describe('GET Endpoint Call', () => {
  itWrites('answers 404 CallNotFound for a call number the endpoint never had', async () => {
    await expectNotFound('GET Endpoint Call', { endpointId: '205', callId: '999999' }, 'CallNotFound');
  });
});

describe('PUT Call Action', () => {
  itWrites('answers 404 CallNotFound for a call number the endpoint never had', async () => {
    await expectNotFound('PUT Call Action', { endpointId: '205', callId: '999999', action: 'end' }, 'CallNotFound');
  });
});

describe('GET Call Record', () => {
  it('answers 404 CallRecordNotFound for a callId that was never made', async () => {
    await expectNotFound('GET Call Record', { callId: encodeURIComponent('endpoints/205/calls/999999') }, 'CallRecordNotFound');
  });
});

describe('GET Conference', () => {
  itWrites('answers 404 ConferenceNotFound for an unknown conference id', async () => {
    await expectNotFound('GET Conference', { conferenceId: UNKNOWN_UUID }, 'ConferenceNotFound');
  });
});

describe('DELETE Conference', () => {
  itWrites('answers 404 ConferenceNotFound for an unknown conference id', async () => {
    await expectNotFound('DELETE Conference', { conferenceId: UNKNOWN_UUID }, 'ConferenceNotFound');
  });
});

describe('GET Participant', () => {
  itWrites('answers 404 ParticipantNotFound for a principal who is not in the conference', async () => {
    const conference = await createConference(api, { name: 'media not found participant' });

    await expectNotFound('GET Participant', { conferenceId: conference.id, participantId: UNKNOWN_UUID }, 'ParticipantNotFound');
  });
});

describe('GET Recording', () => {
  itWrites('answers 404 RecordingNotFound for an unknown recording id', async () => {
    await expectNotFound('GET Recording', { recordingId: UNKNOWN_UUID }, 'RecordingNotFound');
  });
});

describe('DELETE Recording', () => {
  itWrites('answers 404 RecordingNotFound for an unknown recording id', async () => {
    await expectNotFound('DELETE Recording', { recordingId: UNKNOWN_UUID }, 'RecordingNotFound');
  });
});

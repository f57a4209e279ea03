// Recordings (MEDIA-SPEC tag "Recording"): a call made with {record: true} leaves a recording
// whose callId is the call's; GET /recordings filters with $filter=callId eq '…', GET
// /recordings/{recordingId}?$expand=media embeds a time-limited link to the audio, PUT sets its
// label and DELETE removes it (MEDIA-SPEC). Each test records a call from
// extension 2002 to an outside number, answered at once.
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Recording } from '../../types/media/recording';
import type { RecordingCollection } from '../../types/media/recording-collection';
import { media } from './collection';
import { endLeg, makeCall, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

/** Records a call, ends it, and returns its recording (deleted after the test). */
async function recordedCall(): Promise<Recording> {
  const leg = await makeCall(api, '2002', '5550120', { body: { record: true } });
  const ended = await endLeg(api, leg);
  expect(ended.status).toBe(200);
  expect(ended.body).toMatchSchema('media/call');
  const res = await api.send<RecordingCollection>('GET Recordings', { query: { $filter: `callId eq '${leg.callId}'` } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/recording-collection');
  const [recording] = res.body._embedded.items;
  if (!recording) throw new Error(`GET Recordings listed no recording of ${leg.callId}.`);
  api.undo(`delete recording ${recording.recordingId}`, 'DELETE Recording', { vars: { recordingId: recording.recordingId } });
  return recording;
}

describe('GET Recordings', () => {
  itWrites('lists the recording of a call recorded with record: true, found by $filter=callId eq …', async () => {
    const leg = await makeCall(api, '2002', '5550121', { body: { record: true } });
    const ended = await endLeg(api, leg);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchSchema('media/call');

    const res = await api.send<RecordingCollection>('GET Recordings', { query: { $filter: `callId eq '${leg.callId}'` } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/recording-collection');
    const [recording] = res.body._embedded.items;
    if (recording) {
      api.undo(`delete recording ${recording.recordingId}`, 'DELETE Recording', { vars: { recordingId: recording.recordingId } });
    }
    expect(res.body._embedded.items.map((item) => item.callId)).toEqual([leg.callId]);
  });
});

describe('GET Recording', () => {
  itWrites('returns 200 with the recording', async () => {
    const recording = await recordedCall();

    const res = await api.send<Recording>('GET Recording', { vars: { recordingId: recording.recordingId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/recording');
    expect(res.body).toMatchObject({ recordingId: recording.recordingId, callId: recording.callId });
  });

  itWrites('embeds a time-limited link to the audio with $expand=media', async () => {
    const recording = await recordedCall();

    const res = await api.send<Recording>('GET Recording', { vars: { recordingId: recording.recordingId }, query: { $expand: 'media' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/recording');
    expect(res.body._embedded?.media.url).toEqual(expect.any(String));
    expect(Date.parse(res.body._embedded?.media.expiry ?? '')).not.toBeNaN();
  });

  itWrites('rejects an OData option other than $expand with 400 UnsupportedQueryParameters', async () => {
    const recording = await recordedCall();

    const res = await api.send<PlatformError>('GET Recording', { vars: { recordingId: recording.recordingId }, query: { $top: '1' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('UnsupportedQueryParameters');
  });
});

describe('PUT Recording', () => {
  itWrites('labels the recording', async () => {
    const recording = await recordedCall();

    const res = await api.send<Recording>('PUT Recording', { vars: { recordingId: recording.recordingId, label: 'Quality review' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/recording');
    expect(res.body.label).toBe('Quality review');
  });
});

describe('DELETE Recording', () => {
  itWrites('returns 200, after which the recording answers 404 RecordingNotFound', async () => {
    const recording = await recordedCall();

    const res = await api.send<Recording>('DELETE Recording', { vars: { recordingId: recording.recordingId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/recording');
    const gone = await api.send<PlatformError>('GET Recording', { vars: { recordingId: recording.recordingId } });
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchSchema('_shared/error');
    expect(gone.body.name).toBe('RecordingNotFound');
  });
});

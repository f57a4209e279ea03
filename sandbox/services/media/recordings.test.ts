// Recordings: the seeded one, those calls made with record: true leave behind, `$expand=media`
// and its time-limited link, labels, deletion by admins only, and who sees what.
import { SEEDED_RECORDING_ID } from './seed';
import { mediaTest, onlyLeg, type MediaTest } from './test-support';

let media: MediaTest;
beforeEach(async () => {
  media = await mediaTest();
});
afterEach(() => media.close());

type Recording = { recordingId: string; callId: string; durationInSeconds: number; [field: string]: unknown };
const list = async (query = '', who: Parameters<MediaTest['call']>[2] = 'primary') =>
  (await media.call('GET', `/recordings${query}`, who)).json<{ _embedded: { items: Recording[] } }>()._embedded.items;

describe('GET /recordings', () => {
  it('lists the seeded recording of 2001’s answered call', async () => {
    expect(await list()).toEqual([
      expect.objectContaining({
        recordingId: SEEDED_RECORDING_ID,
        callId: 'endpoints/2001/calls/1',
        contentType: 'audio/wav',
        durationInSeconds: 60,
        _links: { self: `/media/2017-09-01/recordings/${SEEDED_RECORDING_ID}` },
      }),
    ]);
  });

  it('adds the recording of a call made with record: true, its paused time left out', async () => {
    const caller = await media.dial('200', '201', 'primary', { record: true });
    media.sandbox.advance(3);
    await media.act(await onlyLeg(media, '201'), { action: 'answer' });
    media.sandbox.advance(20);
    await media.act(caller, { action: 'pauseRecording' });
    media.sandbox.advance(100);
    await media.act(caller, { action: 'resumeRecording' });
    media.sandbox.advance(10);
    await media.act(caller, { action: 'end' });
    const found = await list(`?$filter=${encodeURIComponent(`callId eq '${caller.callId}'`)}`);
    expect(found).toEqual([expect.objectContaining({ callId: caller.callId, durationInSeconds: 30 })]);
  });

  it('shows a USER only the recordings of his own calls', async () => {
    expect(await list('', 'second')).toEqual([]);
    expect(await list('', 'other')).toEqual([]);
  });
});

describe('GET /recordings/{recordingId}', () => {
  it('adds a time-limited media link with $expand=media that serves audio/wav', async () => {
    const response = await media.call('GET', `/recordings/${SEEDED_RECORDING_ID}?$expand=media`, 'primary');
    const body = response.json<{ _embedded: { media: { url: string; expiry: string } } }>();
    expect(body._embedded.media.expiry).toBe('2025-01-15T13:00:00.000Z');
    const url = new URL(body._embedded.media.url);
    const audio = await media.sandbox.send({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect([audio.statusCode, audio.headers['content-type'], audio.body.slice(0, 4)]).toEqual([200, 'audio/wav', 'RIFF']);

    media.sandbox.advance(3601);
    const expired = await media.sandbox.send({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect([expired.statusCode, expired.json().name]).toEqual([403, 'AccessDenied']);
  });

  it('refuses a tampered media link and an unsupported $expand with 403 and 400', async () => {
    const tampered = await media.sandbox.send({
      method: 'GET',
      url: `/media/2017-09-01/recordings/${SEEDED_RECORDING_ID}/media?expires=99999999999999&signature=00`,
    });
    const expand = await media.call('GET', `/recordings/${SEEDED_RECORDING_ID}?$expand=tags`, 'primary');
    expect([tampered.statusCode, expand.statusCode]).toEqual([403, 400]);
  });

  it('answers 404 RecordingNotFound for an unknown id', async () => {
    const response = await media.call('GET', '/recordings/nope', 'primary');
    expect([response.statusCode, response.json().name]).toEqual([404, 'RecordingNotFound']);
  });
});

describe('PUT and DELETE /recordings/{recordingId}', () => {
  it('sets the label', async () => {
    const response = await media.call('PUT', `/recordings/${SEEDED_RECORDING_ID}`, 'primary', { label: 'Escalation' });
    expect(response.json()).toMatchObject({ label: 'Escalation' });
  });

  it('deletes for ADMIN rights only ("requires privileged access"): its owner, a USER, gets 403', async () => {
    const caller = await media.dial('2002', '2001', 'second', { record: true });
    await media.act(await onlyLeg(media, '2001'), { action: 'answer' });
    await media.act(caller, { action: 'end' }, 'second');
    const [own] = await list('', 'second');
    expect(own?.callId).toBe(caller.callId);
    expect((await media.call('DELETE', `/recordings/${own?.recordingId}`, 'second')).statusCode).toBe(403);
    expect((await media.call('DELETE', `/recordings/${own?.recordingId}`, 'partner')).statusCode).toBe(200);
    expect(await list('', 'second')).toEqual([]);
  });
});

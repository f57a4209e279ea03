// What the media seed holds, read back (sandbox/README.md "Seeded credentials"): the softphones of the
// seeded users, which the desk-phone tests never read, and the seeded recording of the answered
// call in the history with its label, and the seeded call that rang out. Nothing here changes state.
import { useCollection } from '../../harness';
import type { Endpoint } from '../../types/media/endpoint';
import type { CallRecordCollection } from '../../types/media/call-record-collection';
import type { Recording } from '../../types/media/recording';
import type { RecordingCollection } from '../../types/media/recording-collection';
import { media } from './collection';
import type { MediaApi } from './support';

const api: MediaApi = useCollection(media);

describe('GET Endpoint (seeded)', () => {
  it('reads a seeded user’s softphone, named after its user', async () => {
    const res = await api.send<Endpoint>('GET Endpoint', { vars: { endpointId: '2002' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/endpoint');
    expect(res.body).toMatchObject({ endpointId: '2002', type: 'softphone', name: 'Sam Second' });
  });
});

describe('GET Recording (seeded)', () => {
  it('finds the seeded recording by its label and reads it: a minute of audio/wav', async () => {
    const list = await api.send<RecordingCollection>('GET Recordings', { query: { $top: '100' } });
    expect(list.status).toBe(200);
    expect(list.body).toMatchSchema('media/recording-collection');
    const seeded = list.body._embedded.items.find((item) => item.label === 'Seeded sample');
    expect(seeded?.recordingId).toEqual(expect.any(String));

    const res = await api.send<Recording>('GET Recording', { vars: { recordingId: seeded?.recordingId as string } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/recording');
    expect(res.body).toMatchObject({ label: 'Seeded sample', contentType: 'audio/wav', durationInSeconds: 60 });
  });
});

describe('GET Call Record (seeded)', () => {
  it('reads the seeded call to 2001 that rang out: completed unanswered, cancelled, from desk phone 200', async () => {
    // The seed's second call to 2001 is that extension's second leg (sandbox/README.md "Seeded credentials").
    const res = await api.send<CallRecordCollection>('GET Call Record', { vars: { callId: encodeURIComponent('endpoints/2001/calls/2') } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-record-collection');
    expect(res.body._embedded.items).toEqual([
      expect.objectContaining({ callId: 'endpoints/2001/calls/2', from: '200', cause: 'callCancelled', direction: 'inbound', completed: false }),
    ]);
  });
});

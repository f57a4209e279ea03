// What the media seed holds, read back (sandbox/README.md "Media"): the softphone endpoints of the
// seeded users, which the desk-phone tests never read, and the seeded recording of the answered
// call in the history, with its label. Nothing here changes state.
import { useCollection } from '../../harness';
import type { Endpoint } from '../../types/media/endpoint';
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

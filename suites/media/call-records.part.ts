// Call history (MEDIA-SPEC tag "Call History"): GET /calls/records pages the finished calls and
// filters them with contains(principal, '<id>') as Mitel's media sample does; PUT hides records
// with {hide} (the sample sends the string "true"); /calls/{callId}/records addresses one record
// (MEDIA-SPEC, S-MEDIA). Calls are placed from desk phone 203 to outside numbers.
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Call } from '../../types/media/call';
import type { CallRecordCollection } from '../../types/media/call-record-collection';
import { media } from './collection';
import { endLeg, makeCall, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

/** A call from 203 to an outside number, ended: its leg is now a call record. */
async function finishedCall(): Promise<Call> {
  const leg = await makeCall(api, '203', '5550101');
  const ended = await endLeg(api, leg);
  expect(ended.status).toBe(200);
  expect(ended.body).toMatchSchema('media/call');
  return leg;
}

const onlyThis = (leg: Call) => ({ $filter: `callId eq '${leg.callId}'` });

async function records(query: Record<string, string>): Promise<CallRecordCollection['_embedded']['items']> {
  const res = await api.send<CallRecordCollection>('GET Call Records', { query });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/call-record-collection');
  return res.body._embedded.items;
}

const listed = async (query: Record<string, string>) => (await records(query)).map((record) => record.callId);

describe('GET Call Records', () => {
  itWrites('finds a finished call among its principal’s records with contains(principal, …), with its end, ring and billing times', async () => {
    const leg = await finishedCall();
    if (!leg.fromPrincipalId) throw new Error('POST Make Call answered a leg without fromPrincipalId.');

    const res = await api.send<CallRecordCollection>('GET Call Records', {
      query: { $filter: `contains(principal, '${leg.fromPrincipalId}') and callId eq '${leg.callId}'` },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-record-collection');
    expect(res.body._embedded.items).toEqual([expect.objectContaining({ callId: leg.callId, state: 'completed', completed: true })]);
  });

  itWrites('does not list a call that is still in progress', async () => {
    const leg = await makeCall(api, '203', '5550102');

    expect(await listed(onlyThis(leg))).toEqual([]);
  });
});

describe('GET Call Record', () => {
  itWrites('answers the record at its _links.self, the callId percent-encoded as one segment', async () => {
    const leg = await finishedCall();
    const [record] = await records(onlyThis(leg));
    if (!record) throw new Error(`GET Call Records did not list ${leg.callId}.`);

    const res = await api.follow<CallRecordCollection>('GET Call Record', record._links.self);

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-record-collection');
    expect(res.body._embedded.items.map((item) => item.callId)).toEqual([leg.callId]);
  });

  itWrites('answers 404 CallRecordNotFound for a call still in progress', async () => {
    const leg = await makeCall(api, '203', '5550103');

    const res = await api.send<PlatformError>('GET Call Record', { vars: { callId: encodeURIComponent(leg.callId) } });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('CallRecordNotFound');
  });
});

describe('PUT Call Record', () => {
  itWrites('hides one record from the list; hide: false brings it back', async () => {
    const leg = await finishedCall();
    const vars = { callId: encodeURIComponent(leg.callId) };
    api.undo(`show ${leg.callId} again`, 'PUT Call Record', { vars, json: { hide: false } });

    const res = await api.send<CallRecordCollection>('PUT Call Record', { vars, json: { hide: true } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-record-collection');
    expect(await listed(onlyThis(leg))).toEqual([]);
    const shown = await api.send<CallRecordCollection>('PUT Call Record', { vars, json: { hide: false } });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchSchema('media/call-record-collection');
    expect(await listed(onlyThis(leg))).toEqual([leg.callId]);
  });

  itWrites('rejects a body without hide with 400', async () => {
    const leg = await finishedCall();

    const res = await api.send<PlatformError>('PUT Call Record', { vars: { callId: encodeURIComponent(leg.callId) }, json: {} });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

describe('PUT Call Records', () => {
  itWrites('hides every record its $filter picks, taking hide as the string "true" as Mitel’s media sample sends it', async () => {
    const leg = await finishedCall();
    api.undo(`show ${leg.callId} again`, 'PUT Call Records', { query: onlyThis(leg), json: { hide: false } });

    const res = await api.send<CallRecordCollection>('PUT Call Records', { query: onlyThis(leg), json: { hide: 'true' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-record-collection');
    expect(res.body._embedded.items.map((record) => record.callId)).toEqual([leg.callId]);
    expect(await listed(onlyThis(leg))).toEqual([]);
  });
});

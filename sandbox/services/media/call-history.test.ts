// GET /calls with path-like callIds, the gateway 403 for a callId used under /calls/, and the
// call records: written on end, filtered by principal, hidden with {hide} (also the string
// "true" S-MEDIA sends), addressed by callId.
import { MAIN_ACCOUNT_ID } from '../../seed';
import { MEDIA, mediaTest, onlyLeg, type Leg, type MediaTest } from './test-support';

let media: MediaTest;
beforeEach(async () => {
  media = await mediaTest();
});
afterEach(() => media.close());

type Collection = { count: number; _links: { self: string; next?: string }; _embedded: { items: Leg[] } };
const items = async (path: string, who: Parameters<MediaTest['call']>[2] = 'primary') =>
  (await media.call('GET', path, who)).json<Collection>()._embedded.items;

async function finishedCall(from: string, to: string, talkSeconds = 10): Promise<Leg> {
  const caller = await media.dial(from, to);
  await media.act(await onlyLeg(media, to), { action: 'answer' });
  media.sandbox.advance(talkSeconds);
  await media.act(caller, { action: 'end' });
  return caller;
}

describe('GET /calls', () => {
  it('lists the account’s legs, newest first, with path-like callIds and their _links.self', async () => {
    const caller = await media.dial('200', '201');
    const listed = await items('/calls');
    expect(
      listed
        .slice(0, 2)
        .map((leg) => leg.callId)
        .sort(),
    ).toEqual(['endpoints/200/calls/2', 'endpoints/201/calls/1']);
    expect(listed.find((leg) => leg.callId === caller.callId)?._links.self).toBe(`${MEDIA}/endpoints/200/calls/2`);
  });

  it('filters with the spec’s own quoted form $filter="direction eq \'inbound\'"', async () => {
    await media.dial('200', '201');
    const inbound = await items(`/calls?$filter=${encodeURIComponent(`"direction eq 'inbound'"`)}`);
    expect(inbound.length).toBeGreaterThan(0);
    expect(inbound.every((leg) => leg.direction === 'inbound')).toBe(true);
  });

  it('answers a callId used under /calls/ with the API gateway 403, while /endpoints/… serves it', async () => {
    const caller = await media.dial('200', '201');
    const wrong = await media.call('GET', `/calls/${caller.callId}`, 'primary');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json<{ message: string }>().message).toMatch(/^'[^']+' not a valid key=value pair \(missing equal-sign\) in Authorization header: 'Bearer /);
    expect(wrong.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
    const right = await media.call('GET', `/${caller.callId}`, 'primary');
    expect(right.statusCode).toBe(200);
  });
});

describe('GET /calls/records', () => {
  it('holds a record for each leg of an ended call, with ringTime, billingTime and endTime', async () => {
    const caller = await finishedCall('2002', '2001', 42);
    const records = await items('/calls/records');
    const mine = records.find((record) => record.callId === caller.callId);
    expect(mine).toMatchObject({ state: 'completed', completed: true, billingTime: 42, ringTime: 0, endTime: '2025-01-15T12:00:42.000Z' });
    expect(mine?._links.self).toBe(`${MEDIA}/calls/${encodeURIComponent(caller.callId)}/records`);
    expect(records.some((record) => record.callId.startsWith('endpoints/2001/'))).toBe(true);
  });

  it('is seeded with history and filters with contains(principal, …)', async () => {
    const alex = media.sandbox.user('primary').userId;
    const filter = encodeURIComponent(`contains(principal, '${alex}')`);
    const alexs = await items(`/calls/records?$filter=${filter}&$top=5`);
    expect(alexs.map((record) => record.endpointId)).toEqual(['2001', '2001']);
    expect(alexs.every((record) => record.accountId === MAIN_ACCOUNT_ID)).toBe(true);
  });

  it('does not list calls still in progress', async () => {
    const caller = await media.dial('200', '201');
    expect((await items('/calls/records')).some((record) => record.callId === caller.callId)).toBe(false);
    const record = await media.call('GET', `/calls/${encodeURIComponent(caller.callId)}/records`, 'primary');
    expect([record.statusCode, record.json().name]).toEqual([404, 'CallRecordNotFound']);
  });
});

describe('PUT /calls/records and /calls/{callId}/records', () => {
  it('hides the records the $filter picks, taking {"hide": "true"} as S-MEDIA sends it', async () => {
    const alex = media.sandbox.user('primary').userId;
    const filter = encodeURIComponent(`contains(principal, '${alex}')`);
    const hidden = await media.call('PUT', `/calls/records?$filter=${filter}`, 'primary', { hide: 'true' });
    expect([hidden.statusCode, hidden.json<Collection>().count]).toEqual([200, 2]);
    expect(await items(`/calls/records?$filter=${filter}`)).toEqual([]);
    await media.call('PUT', `/calls/records?$filter=${filter}`, 'primary', { hide: false });
    expect(await items(`/calls/records?$filter=${filter}`)).toHaveLength(2);
  });

  it('reads and hides one record by its callId, percent-encoded or written out', async () => {
    const caller = await finishedCall('200', '201');
    const encoded = `/calls/${encodeURIComponent(caller.callId)}/records`;
    const read = await media.call('GET', encoded, 'primary');
    expect(read.json<Collection>()._embedded.items).toEqual([expect.objectContaining({ callId: caller.callId })]);
    const written = await media.call('PUT', `/calls/${caller.callId}/records`, 'primary', { hide: true });
    expect(written.statusCode).toBe(200);
    expect((await items('/calls/records')).some((record) => record.callId === caller.callId)).toBe(false);
    // Still answered when addressed directly.
    expect((await media.call('GET', `/calls/${caller.callId}/records`, 'primary')).statusCode).toBe(200);
  });

  it('answers 400 for a missing or non-boolean hide', async () => {
    for (const body of [{}, { hide: 'yes' }]) {
      expect((await media.call('PUT', '/calls/records', 'primary', body)).statusCode).toBe(400);
    }
  });
});

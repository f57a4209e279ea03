// Line state (GET/PUT /endpoints/{endpointId}) and who may do what: call control needs ADMIN
// rights (S-NOTIF README) or the extension's own user; another account sees nothing.
import { mediaTest, onlyLeg, type MediaTest } from './test-support';

let media: MediaTest;
beforeEach(async () => {
  media = await mediaTest();
});
afterEach(() => media.close());

describe('GET /endpoints/{endpointId}', () => {
  it.each(['200', '201', '202', '203', '204', '2001', '2002', '2003'])('answers the line state of seeded endpoint %s', async (id) => {
    const response = await media.call('GET', `/endpoints/${id}`, 'primary');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      endpointId: id,
      state: 'idle',
      userAvailability: 'available',
      messageWaiting: false,
      dnd: false,
      pstnRouting: '',
      _links: { self: `/media/2017-09-01/endpoints/${id}` },
    });
  });

  it('names a user’s extension after its user, and shows 205 out of service', async () => {
    expect((await media.call('GET', '/endpoints/2001', 'primary')).json().name).toBe('Alex Admin');
    expect((await media.call('GET', '/endpoints/205', 'primary')).json().state).toBe('outOfService');
  });

  it('follows the calls: ringing, then connected', async () => {
    await media.dial('200', '201');
    expect((await media.call('GET', '/endpoints/201', 'primary')).json().state).toBe('ringing');
    await media.act(await onlyLeg(media, '201'), { action: 'answer' });
    expect((await media.call('GET', '/endpoints/201', 'primary')).json().state).toBe('connected');
  });

  it('answers 404 EndpointNotFound for an unknown endpoint, and for every endpoint to another account', async () => {
    for (const [id, who] of [
      ['999', 'primary'],
      ['200', 'other'],
    ] as const) {
      const response = await media.call('GET', `/endpoints/${id}`, who);
      expect({ id, who, status: response.statusCode, name: response.json().name }).toEqual({ id, who, status: 404, name: 'EndpointNotFound' });
    }
  });

  it('has no endpoint list: GET /endpoints is the gateway 403', async () => {
    const response = await media.call('GET', '/endpoints', 'primary');
    expect(response.statusCode).toBe(403);
    expect(response.json()).not.toHaveProperty('name');
  });

  it('needs a token: 401 without one', async () => {
    const response = await media.sandbox.send({ method: 'GET', url: '/media/2017-09-01/endpoints/200' });
    expect([response.statusCode, response.json().name]).toEqual([401, 'MissingAuthToken']);
  });
});

describe('PUT /endpoints/{endpointId}', () => {
  it('turns DND on (availability dnd) and off again', async () => {
    const on = await media.call('PUT', '/endpoints/2001', 'primary', { action: 'dnd', enabled: true, userAvailability: 'busy' });
    expect(on.json()).toMatchObject({ dnd: true, userAvailability: 'dnd' });
    const off = await media.call('PUT', '/endpoints/2001', 'primary', { action: 'dnd', enabled: false, userAvailability: 'away' });
    expect(off.json()).toMatchObject({ dnd: false, userAvailability: 'away' });
  });

  it('sets the message-waiting lamp and PSTN routing (to the user’s mobile)', async () => {
    await media.call('PUT', '/endpoints/2001', 'primary', { action: 'messageWaiting', enabled: true });
    const routed = await media.call('PUT', '/endpoints/2001', 'primary', { action: 'pstnRouting', enabled: true, timeoutMs: 6000 });
    expect(routed.json()).toMatchObject({ messageWaiting: true, pstnRouting: '+15550100001' });
  });

  it('answers 400 for a missing or unknown action, an unknown availability or timeoutMs out of range', async () => {
    for (const body of [{}, { action: 'mute' }, { action: 'dnd', userAvailability: 'asleep' }, { action: 'dnd', timeoutMs: 10 }]) {
      const response = await media.call('PUT', '/endpoints/2001', 'primary', body);
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
    }
  });
});

describe('permissions', () => {
  it('lets a PARTNER_ADMIN of the account control any endpoint', async () => {
    expect((await media.call('POST', '/endpoints/200/calls', 'partner', { to: '201' })).statusCode).toBe(200);
  });

  it('lets a USER read any line state but control only his own extension', async () => {
    expect((await media.call('GET', '/endpoints/2001', 'second')).statusCode).toBe(200);
    const own = await media.call('POST', '/endpoints/2002/calls', 'second', { to: '2001' });
    expect(own.statusCode).toBe(200);
    for (const [method, path, body] of [
      ['POST', '/endpoints/2001/calls', { to: '2002' }],
      ['GET', '/endpoints/2001/calls', undefined],
      ['PUT', '/endpoints/2001', { action: 'dnd', enabled: true }],
      ['PUT', `/endpoints/2001/calls/${(await onlyLeg(media, '2001')).callId.split('/').pop()}`, { action: 'answer' }],
    ] as const) {
      const response = await media.call(method, path, 'second', body);
      expect({ path, status: response.statusCode, name: response.json().name }).toEqual({ path, status: 403, name: 'InsufficientPermissions' });
    }
  });

  it('shows a USER only his own extension’s calls and records', async () => {
    await media.dial('200', '201');
    const calls = (await media.call('GET', '/calls', 'second')).json<{ _embedded: { items: Array<{ endpointId: string }> } }>();
    expect(calls._embedded.items.map((leg) => leg.endpointId)).toEqual(['2002']);
    const records = (await media.call('GET', '/calls/records', 'user')).json<{ count: number }>();
    expect(records.count).toBe(0);
  });

  it('shows another account nothing: no calls, no records', async () => {
    await media.dial('200', '201');
    for (const path of ['/calls', '/calls/records', '/recordings', '/conferences']) {
      expect((await media.call('GET', path, 'other')).json<{ count: number }>().count).toBe(0);
    }
  });
});

// The call state machine on two extensions: make a call, answer, hold and retrieve, dtmf, end,
// and the answers to actions the state does not allow.
import { activeLegs, mediaTest, onlyLeg, type MediaTest } from './test-support';

let media: MediaTest;
beforeEach(async () => {
  media = await mediaTest();
});
afterEach(() => media.close());

describe('POST /endpoints/{endpointId}/calls', () => {
  it('connects the caller’s leg and rings the destination', async () => {
    const caller = await media.dial('200', '201');
    expect(caller).toMatchObject({
      callId: expect.stringMatching(/^endpoints\/200\/calls\/\d+$/),
      state: 'connected',
      cause: 'newCall',
      direction: 'outbound',
      from: '200',
      to: '201',
    });
    expect(caller._links.self).toBe(`/media/2017-09-01/${caller.callId}`);
    const callee = await onlyLeg(media, '201');
    expect(callee).toMatchObject({ state: 'ringing', cause: 'newCall', direction: 'inbound', from: '200', to: '201' });
  });

  it('numbers calls per endpoint', async () => {
    const first = await media.dial('202', '203');
    await media.act(first, { action: 'end' });
    const second = await media.dial('202', '204');
    expect([first.callId, second.callId]).toEqual(['endpoints/202/calls/1', 'endpoints/202/calls/2']);
  });

  it('answers 400 without a dialable "to", and when an endpoint calls itself', async () => {
    for (const body of [{}, { to: 'reception' }, { to: '200' }, { to: '201', originateTimeout: 500 }]) {
      const response = await media.call('POST', '/endpoints/200/calls', 'primary', body);
      expect({ body, status: response.statusCode }).toEqual({ body, status: 400 });
    }
  });

  it('answers 404 EndpointNotFound for an unknown endpoint and 409 for one out of service', async () => {
    const unknown = await media.call('POST', '/endpoints/999/calls', 'primary', { to: '201' });
    const unplugged = await media.call('POST', '/endpoints/205/calls', 'primary', { to: '201' });
    expect([unknown.statusCode, unknown.json().name]).toEqual([404, 'EndpointNotFound']);
    expect(unplugged.statusCode).toBe(409);
  });

  it('clears at once with the destination’s cause when it is in DND or out of service', async () => {
    await media.call('PUT', '/endpoints/201', 'primary', { action: 'dnd', enabled: true });
    const toDnd = await media.dial('200', '201');
    const toUnplugged = await media.dial('200', '205');
    expect([toDnd.state, toDnd.cause]).toEqual(['completed', 'doNotDisturb']);
    expect([toUnplugged.state, toUnplugged.cause]).toEqual(['completed', 'destNotObtainable']);
    expect(await activeLegs(media, '201')).toEqual([]);
  });

  it('takes an outside number as answered at once (no far leg)', async () => {
    const caller = await media.dial('200', '+15555550123');
    expect(caller).toMatchObject({ state: 'connected', toNumberE164: true, to: '+15555550123' });
    expect((await media.act(caller, { action: 'hold' })).state).toBe('held');
  });

  it('clears a call that rang out after originateTimeout with cause callNotAnswer', async () => {
    const caller = await media.dial('200', '201', 'primary', { originateTimeout: 20 });
    media.sandbox.advance(21);
    const after = await media.leg(caller.callId);
    expect(after).toMatchObject({ state: 'completed', cause: 'callNotAnswer', ringTime: 20, completed: false });
  });
});

describe('PUT /endpoints/{endpointId}/calls/{callId}', () => {
  it('answer connects the ringing leg; end completes both legs with their times', async () => {
    const caller = await media.dial('200', '201');
    media.sandbox.advance(4);
    const callee = await media.act(await onlyLeg(media, '201'), { action: 'answer' });
    expect(callee.state).toBe('connected');
    media.sandbox.advance(30);
    await media.act(caller, { action: 'end' });
    for (const leg of [await media.leg(caller.callId), await media.leg(callee.callId)]) {
      expect(leg).toMatchObject({ state: 'completed', completed: true, ringTime: 4, billingTime: 30, endTime: '2025-01-15T12:00:34.000Z' });
    }
    expect(await activeLegs(media, '200')).toEqual([]);
  });

  it('hold puts both legs in held; only the holder may retrieve', async () => {
    const caller = await media.dial('200', '201');
    const callee = await media.act(await onlyLeg(media, '201'), { action: 'answer' });
    expect((await media.act(caller, { action: 'hold' })).state).toBe('held');
    expect((await media.leg(callee.callId)).state).toBe('held');
    expect((await media.call('GET', '/endpoints/200', 'primary')).json().state).toBe('held');
    await media.act(callee, { action: 'retrieve' }, 'primary', 409);
    expect((await media.act(caller, { action: 'retrieve' })).state).toBe('connected');
    expect((await media.leg(callee.callId)).state).toBe('connected');
  });

  it('accepts dtmf digits on an answered call and refuses non-digits', async () => {
    const caller = await media.dial('200', '+15555550123');
    await media.act(caller, { action: 'dtmf', args: '12#*' });
    await media.act(caller, { action: 'dtmf', args: 'hello' }, 'primary', 400);
  });

  it('clears an unanswered call as callCancelled when the caller ends it and busy when the callee rejects it', async () => {
    const cancelled = await media.dial('200', '201');
    await media.act(cancelled, { action: 'end' });
    await media.dial('202', '203');
    await media.act(await onlyLeg(media, '203'), { action: 'end' });
    expect((await media.leg(cancelled.callId)).cause).toBe('callCancelled');
    expect((await media.leg('endpoints/202/calls/1')).cause).toBe('busy');
  });

  it.each([
    ['answer', 'the caller’s connected leg', 'caller'],
    ['hold', 'a ringing leg', 'callee'],
    ['retrieve', 'a connected leg', 'caller'],
    ['dtmf', 'an unanswered call', 'caller'],
    ['blindTransfer', 'a ringing leg', 'callee'],
    ['redirect', 'a connected leg', 'caller'],
    ['pauseRecording', 'a call without recording', 'caller'],
  ])('answers 409 InvalidCallState to %s on %s', async (action, _what, which) => {
    const caller = await media.dial('200', '201');
    const leg = which === 'caller' ? caller : await onlyLeg(media, '201');
    const body = await media.act(leg, { action, args: '1', destination: '202' }, 'primary', 409);
    expect(body.name).toBe('InvalidCallState');
  });

  it('answers 409 to any action on a completed call', async () => {
    const caller = await media.dial('200', '201');
    await media.act(caller, { action: 'end' });
    await media.act(caller, { action: 'end' }, 'primary', 409);
  });

  it('answers 400 for a missing or unknown action', async () => {
    const caller = await media.dial('200', '201');
    await media.act(caller, {}, 'primary', 400);
    const unknown = await media.act(caller, { action: 'park' }, 'primary', 400);
    expect(unknown.message).toContain('redirect');
  });

  it('answers 404 CallNotFound for an unknown call or one of another endpoint', async () => {
    const caller = await media.dial('200', '201');
    for (const path of ['/endpoints/200/calls/999', `/endpoints/201/calls/${encodeURIComponent(caller.callId)}`]) {
      const response = await media.call('GET', path, 'primary');
      expect({ path, status: response.statusCode, name: response.json().name }).toEqual({ path, status: 404, name: 'CallNotFound' });
    }
  });

  it('addresses a leg by its number or by its whole callId percent-encoded', async () => {
    const caller = await media.dial('200', '201');
    const encoded = await media.call('GET', `/endpoints/200/calls/${encodeURIComponent(caller.callId)}`, 'primary');
    expect(encoded.json()).toMatchObject({ callId: caller.callId });
  });
});

// The actions that rearrange calls: blindTransfer, redirect (P-TUT), consult, supervisedTransfer
// and conference, on the seeded desk phones 200–204.
import { activeLegs, mediaTest, onlyLeg, type Leg, type MediaTest } from './test-support';

let media: MediaTest;
beforeEach(async () => {
  media = await mediaTest();
});
afterEach(() => media.close());

/** 200 calls 201 and 201 answers: [caller's leg, callee's leg]. */
async function answeredCall(from = '200', to = '201'): Promise<[Leg, Leg]> {
  const caller = await media.dial(from, to);
  const callee = await media.act(await onlyLeg(media, to), { action: 'answer' });
  return [caller, callee];
}

describe('blindTransfer', () => {
  it('drops the transferring party and rings the destination from the far party', async () => {
    const [caller, callee] = await answeredCall();
    const done = await media.act(callee, { action: 'blindTransfer', destination: '202' });
    expect(done).toMatchObject({ state: 'completed', cause: 'transfer' });
    expect(await media.leg(caller.callId)).toMatchObject({ state: 'connected', cause: 'transfer', from: '200', to: '202' });
    expect(await onlyLeg(media, '202')).toMatchObject({ state: 'ringing', cause: 'transfer', direction: 'inbound', from: '200' });
  });

  it('takes the destination from args too (MEDIA-SPEC description)', async () => {
    const [, callee] = await answeredCall();
    await media.act(callee, { action: 'blindTransfer', args: '203' });
    expect((await onlyLeg(media, '203')).state).toBe('ringing');
  });

  it('answers 400 without a destination and 409 DestinationUnavailable for one out of service', async () => {
    const [, callee] = await answeredCall();
    await media.act(callee, { action: 'blindTransfer' }, 'primary', 400);
    const unplugged = await media.act(callee, { action: 'blindTransfer', destination: '205' }, 'primary', 409);
    expect(unplugged.name).toBe('DestinationUnavailable');
    expect((await media.leg(callee.callId)).state).toBe('connected');
  });
});

describe('redirect (P-TUT; not in the MEDIA-SPEC enum)', () => {
  it('deflects a ringing call to the destination', async () => {
    const caller = await media.dial('200', '201');
    const ringing = await onlyLeg(media, '201');
    const done = await media.act(ringing, { action: 'redirect', destination: '204' });
    expect(done).toMatchObject({ state: 'completed', cause: 'redirected' });
    expect(await media.leg(caller.callId)).toMatchObject({ state: 'connected', to: '204', cause: 'redirected' });
    const redirected = await onlyLeg(media, '204');
    expect(redirected).toMatchObject({ state: 'ringing', cause: 'redirected' });
    await media.act(redirected, { action: 'answer' });
    expect((await media.leg(caller.callId)).state).toBe('connected');
  });
});

describe('consult, supervisedTransfer and conference', () => {
  it('consult holds the call and answers the new consultation leg', async () => {
    const [caller, callee] = await answeredCall();
    const consultation = await media.act(callee, { action: 'consult', destination: '202' });
    expect(consultation).toMatchObject({ callId: 'endpoints/201/calls/2', state: 'connected', to: '202', direction: 'outbound' });
    expect((await media.leg(callee.callId)).state).toBe('held');
    expect((await media.leg(caller.callId)).state).toBe('held');
    expect((await onlyLeg(media, '202')).state).toBe('ringing');
  });

  it('supervisedTransfer joins the far parties and drops the transferring endpoint', async () => {
    const [caller, callee] = await answeredCall();
    const consultation = await media.act(callee, { action: 'consult', destination: '202' });
    await media.act(await onlyLeg(media, '202'), { action: 'answer' });
    await media.act(consultation, { action: 'supervisedTransfer', args: callee.callId });
    expect(await activeLegs(media, '201')).toEqual([]);
    expect(await media.leg(caller.callId)).toMatchObject({ state: 'connected', from: '200', to: '202', cause: 'transfer' });
    expect(await onlyLeg(media, '202')).toMatchObject({ state: 'connected', cause: 'transfer' });
  });

  it('supervisedTransfer finds the other call itself when args names the addressed one (as S-MEDIA sends it)', async () => {
    const [caller, callee] = await answeredCall();
    await media.act(callee, { action: 'consult', destination: '202' });
    // Transfer on ring: 202 has not answered; 200 is taken off hold and hears 202 ring.
    await media.act(callee, { action: 'supervisedTransfer', args: callee.callId });
    expect((await media.leg(caller.callId)).state).toBe('connected');
    expect((await onlyLeg(media, '202')).state).toBe('ringing');
  });

  it('supervisedTransfer answers 400 when the endpoint has no other call to join', async () => {
    const [, callee] = await answeredCall();
    await media.act(callee, { action: 'supervisedTransfer' }, 'primary', 400);
  });

  it('conference joins three parties; one leaving does not end the call for the others', async () => {
    const [caller, callee] = await answeredCall();
    const consultation = await media.act(callee, { action: 'consult', destination: '202' });
    const third = await media.act(await onlyLeg(media, '202'), { action: 'answer' });
    await media.act(callee, { action: 'conference', args: consultation.callId });
    expect((await media.leg(consultation.callId)).state).toBe('completed');
    for (const leg of [caller, callee, third]) expect((await media.leg(leg.callId)).state).toBe('connected');
    await media.act(callee, { action: 'hold' }, 'primary', 409);
    await media.act(third, { action: 'end' });
    expect((await media.leg(caller.callId)).state).toBe('connected');
    await media.act(caller, { action: 'end' });
    expect((await media.leg(callee.callId)).state).toBe('completed');
  });
});

describe('recording actions', () => {
  it('pauses, resumes and tags the recording of a call made with record: true', async () => {
    const caller = await media.dial('200', '201', 'primary', { record: true });
    await media.act(await onlyLeg(media, '201'), { action: 'answer' });
    await media.act(caller, { action: 'pauseRecording' });
    await media.act(caller, { action: 'pauseRecording' }, 'primary', 409);
    await media.act(caller, { action: 'resumeRecording' });
    await media.act(caller, { action: 'tagRecording', args: '{ "CustomP100": "Queue Name" }' });
    await media.act(caller, { action: 'tagRecording', args: 'not json' }, 'primary', 400);
  });
});

// Scenario "Call control on premise endpoints" (Media API): desk phone 200 calls desk phone 201
// through POST /endpoints/200/calls, 201 answers, the call is held and retrieved, transferred
// blind or after a consultation with 202, and ended, leaving a call record. The state of each leg
// after each step is MEDIA-SPEC's (`call`: "connected" and "newCall" for the leg that made the
// call) and the S-NOTIF README's (the called leg rings, inbound); the actions are MEDIA-SPEC's
// updateEndpointCallRequest. Call control needs ADMIN
// rights (S-NOTIF README): these tests run as the primary user, an account admin.
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Call } from '../../types/media/call';
import type { CallRecordCollection } from '../../types/media/call-record-collection';
import type { Endpoint } from '../../types/media/endpoint';
import { media } from './collection';
import { currentLeg, hangUpAfterTest, legVars, liveLegs, makeCall, onlyLiveLeg, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

async function lineState(endpointId: string): Promise<Endpoint['state']> {
  const res = await api.send<Endpoint>('GET Endpoint', { vars: { endpointId } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/endpoint');
  return res.body.state;
}

async function act(leg: Call, body: Record<string, unknown>) {
  return api.send<Call>('PUT Call Action', { vars: legVars(leg), json: body });
}

/** 200 calls 201 and 201 answers: the caller's leg and the destination's. */
async function answeredCall(): Promise<[Call, Call]> {
  const caller = await makeCall(api, '200', '201');
  const answered = await act(await onlyLiveLeg(api, '201'), { action: 'answer' });
  expect(answered.status).toBe(200);
  expect(answered.body).toMatchSchema('media/call');
  return [caller, answered.body];
}

describe('Scenario: call control on premise endpoints', () => {
  itWrites('makes a call from 200 to 201: the caller’s leg is connected and the destination’s is ringing', async () => {
    const caller = await makeCall(api, '200', '201');

    expect(caller).toMatchObject({ state: 'connected', cause: 'newCall', direction: 'outbound', from: '200', to: '201' });
    const destination = await onlyLiveLeg(api, '201');
    expect(destination).toMatchObject({ state: 'ringing', cause: 'newCall', direction: 'inbound', from: '200', to: '201' });
    expect(await lineState('201')).toBe('ringing');
  });

  itWrites('answers the ringing leg: the destination becomes connected', async () => {
    await makeCall(api, '200', '201');
    const ringing = await onlyLiveLeg(api, '201');

    const res = await act(ringing, { action: 'answer' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call');
    expect(res.body.state).toBe('connected');
    expect((await currentLeg(api, ringing)).state).toBe('connected');
    expect(await lineState('201')).toBe('connected');
  });

  itWrites('holds the call from 200, which puts both legs on hold, and retrieves it', async () => {
    const [caller, destination] = await answeredCall();

    const held = await act(caller, { action: 'hold' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchSchema('media/call');
    expect(held.body.state).toBe('held');
    expect((await currentLeg(api, destination)).state).toBe('held');

    const retrieved = await act(caller, { action: 'retrieve' });
    expect(retrieved.status).toBe(200);
    expect(retrieved.body).toMatchSchema('media/call');
    expect(retrieved.body.state).toBe('connected');
    expect((await currentLeg(api, destination)).state).toBe('connected');
  });

  itWrites('refuses a retrieve by the party that did not hold the call with 409 InvalidCallState', async () => {
    const [caller, destination] = await answeredCall();
    const held = await act(caller, { action: 'hold' });
    expect(held.status).toBe(200);
    expect(held.body).toMatchSchema('media/call');

    const res = await api.send<PlatformError>('PUT Call Action', { vars: legVars(destination), json: { action: 'retrieve' } });

    expect(res.status).toBe(409);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('InvalidCallState');
  });

  itWrites('blind-transfers the answered call to 202: 200 drops out and 202 rings from 201', async () => {
    const [caller, destination] = await answeredCall();
    hangUpAfterTest(api, ['201', '202']);

    // MEDIA-SPEC: "if action is blindTransfer then args must be the destination".
    const res = await act(caller, { action: 'blindTransfer', args: '202' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call');
    expect(res.body).toMatchObject({ state: 'completed', cause: 'transfer' });
    expect(await currentLeg(api, destination)).toMatchObject({ state: 'connected', cause: 'transfer', from: '201', to: '202' });
    expect(await onlyLiveLeg(api, '202')).toMatchObject({ state: 'ringing', cause: 'transfer', direction: 'inbound', from: '201' });
  });

  itWrites('consults 202 while 201 is held, then joins 201 and 202 with a supervised transfer', async () => {
    const [caller, destination] = await answeredCall();
    hangUpAfterTest(api, ['200', '201', '202']);

    // The spec's consult example sends the destination; the answer is the new consultation leg.
    const consulted = await act(caller, { action: 'consult', destination: '202' });
    expect(consulted.status).toBe(200);
    expect(consulted.body).toMatchSchema('media/call');
    expect(consulted.body).toMatchObject({ state: 'connected', direction: 'outbound', from: '200', to: '202' });
    expect((await currentLeg(api, destination)).state).toBe('held');
    const answered = await act(await onlyLiveLeg(api, '202'), { action: 'answer' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchSchema('media/call');

    // MEDIA-SPEC: "if action is supervisedTransfer then args must be the callId" of the transferor's call.
    const res = await act(consulted.body, { action: 'supervisedTransfer', args: caller.callId });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call');
    expect(res.body).toMatchObject({ state: 'completed', cause: 'transfer' });
    expect(await liveLegs(api, '200')).toEqual([]);
    expect(await currentLeg(api, destination)).toMatchObject({ state: 'connected', cause: 'transfer', from: '201', to: '202' });
  });

  itWrites('ends the call: both legs complete and the call appears in the call records', async () => {
    const [caller, destination] = await answeredCall();

    const res = await act(caller, { action: 'end' });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call');
    expect(res.body).toMatchObject({ state: 'completed', completed: true });
    expect((await currentLeg(api, destination)).state).toBe('completed');
    const record = await api.send<CallRecordCollection>('GET Call Record', { vars: { callId: encodeURIComponent(caller.callId) } });
    expect(record.status).toBe(200);
    expect(record.body).toMatchSchema('media/call-record-collection');
    expect(record.body._embedded.items.map((item) => item.callId)).toEqual([caller.callId]);
  });
});

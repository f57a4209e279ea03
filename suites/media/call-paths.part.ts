// Path-like callIds and where they may go. A callId reads `endpoints/2001/calls/33656066` (S-NOTIF
// payload) and the leg lives at /endpoints/{endpointId}/calls/{callId} (its _links.self). Pasting a
// callId under /calls/ reaches no route, and the API gateway in front of the service answers 403,
// worded, when a Bearer token is sent, "'<token>' not a valid key=value pair (missing equal-sign) in
// Authorization header" (AWS; MEDIA-SPEC routes) — a message that points at
// the token, not at the path, which is why developers ask about it. Call records are the exception:
// /calls/{callId}/records takes the callId percent-encoded or written out (MEDIA-SPEC; S-MEDIA).
import { itWrites, useCollection } from '../../harness';
import type { GatewayError } from '../../types/_shared/gateway-error';
import type { Call } from '../../types/media/call';
import type { CallCollection } from '../../types/media/call-collection';
import type { CallRecordCollection } from '../../types/media/call-record-collection';
import { media } from './collection';
import { endLeg, legVars, makeCall, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

/** A call from desk phone 203 to an outside number: one leg, answered at once. */
const outsideCall = () => makeCall(api, '203', '5550100');

describe('GET Calls', () => {
  itWrites('lists path-like callIds (endpoints/{endpointId}/calls/{n}) whose _links.self is under /endpoints', async () => {
    const leg = await outsideCall();

    const res = await api.send<CallCollection>('GET Calls', { query: { $filter: `callId eq '${leg.callId}'` } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-collection');
    const [listed] = res.body._embedded.items;
    expect(listed?.callId).toMatch(/^endpoints\/203\/calls\/\d+$/);
    expect(listed?._links?.self.endsWith(`/${listed.callId}`)).toBe(true);
  });

  it('filters with the spec’s own quoted form $filter="direction eq \'inbound\'"', async () => {
    const res = await api.send<CallCollection>('GET Calls', { query: { $filter: `"direction eq 'inbound'"`, $top: '10' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-collection');
    expect(res.body._embedded.items.length).toBeGreaterThan(0);
    expect(res.body._embedded.items.every((item) => item.direction === 'inbound')).toBe(true);
  });
});

describe('GET Call By Path', () => {
  itWrites('documents the pitfall: GET /calls/{callId} answers the gateway 403 "not a valid key=value pair", not the call', async () => {
    const leg = await outsideCall();

    const res = await api.send<GatewayError>('GET Call By Path', { vars: { callPath: leg.callId } });

    expect(res.status).toBe(403);
    expect(res.body).toMatchSchema('_shared/gateway-error');
    expect(res.body.message).toContain('not a valid key=value pair (missing equal-sign) in Authorization header');
  });

  itWrites('answers the same 403 for the callId percent-encoded as one segment', async () => {
    const leg = await outsideCall();

    const res = await api.send<GatewayError>('GET Call By Path', { vars: { callPath: encodeURIComponent(leg.callId) } });

    expect(res.status).toBe(403);
    expect(res.body).toMatchSchema('_shared/gateway-error');
    expect(res.body.message).toContain('not a valid key=value pair');
  });
});

describe('GET Endpoint Call', () => {
  itWrites('serves the leg at /endpoints/{endpointId}/calls/{callId}, where the pitfall’s path does not', async () => {
    const leg = await outsideCall();

    const res = await api.send<Call>('GET Endpoint Call', { vars: legVars(leg) });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call');
    expect(res.body.callId).toBe(leg.callId);
  });

  itWrites('serves the leg at its _links.self', async () => {
    const leg = await outsideCall();
    if (!leg._links?.self) throw new Error('POST Make Call answered a leg without _links.self.');

    const res = await api.follow<Call>('GET Endpoint Call', leg._links.self);

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call');
    expect(res.body.callId).toBe(leg.callId);
  });
});

describe('DELETE Call', () => {
  itWrites('is no route: the gateway answers 403, and a call is ended with PUT {"action":"end"}', async () => {
    const leg = await outsideCall();

    const res = await api.send<GatewayError>('DELETE Call', { vars: legVars(leg) });

    expect(res.status).toBe(403);
    expect(res.body).toMatchSchema('_shared/gateway-error');
    const ended = await endLeg(api, leg);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchSchema('media/call');
  });
});

describe('GET Call Record', () => {
  itWrites('takes the callId written out under /calls/{callId}/records, as Mitel’s media sample pastes it', async () => {
    const leg = await outsideCall();
    const ended = await endLeg(api, leg);
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchSchema('media/call');

    const res = await api.send<CallRecordCollection>('GET Call Record', { vars: { callId: leg.callId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/call-record-collection');
    expect(res.body._embedded.items.map((item) => item.callId)).toEqual([leg.callId]);
  });
});

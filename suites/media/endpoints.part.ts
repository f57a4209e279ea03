// Line state and availability (MEDIA-SPEC tag "Endpoint"): GET /endpoints/{endpointId} is the
// PBX's view of a device — state, userAvailability, dnd, messageWaiting — and PUT changes
// do-not-disturb, message waiting or PSTN routing (updateEndpointRequest; the spec requires
// action and userAvailability, so both are always sent). Presence in CloudLink is this line state
// (TEAMS-DOC; docs/sources.md). Desk phone 204 is this part's; 205 is unplugged in
// the sandbox seed.
import { itWrites, useCollection } from '../../harness';
import type { GatewayError } from '../../types/_shared/gateway-error';
import type { PlatformError } from '../../types/_shared/error';
import type { Endpoint } from '../../types/media/endpoint';
import { media } from './collection';
import { makeCall, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

async function endpoint(endpointId: string): Promise<Endpoint> {
  const res = await api.send<Endpoint>('GET Endpoint', { vars: { endpointId } });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/endpoint');
  return res.body;
}

/** Puts back the dnd, message waiting and availability the endpoint has now, after the test. */
async function restoreAfterTest(endpointId: string): Promise<void> {
  const before = await endpoint(endpointId);
  const userAvailability = before.userAvailability;
  // Undos run newest first: message waiting is put back, then dnd.
  api.undo(`restore dnd on endpoint ${endpointId}`, 'PUT Endpoint', { vars: { endpointId }, json: { action: 'dnd', enabled: before.dnd, userAvailability } });
  api.undo(`restore message waiting on endpoint ${endpointId}`, 'PUT Endpoint', {
    vars: { endpointId },
    json: { action: 'messageWaiting', enabled: before.messageWaiting, userAvailability },
  });
}

describe('GET Endpoints', () => {
  it('is no route: the Media API has no endpoint list, so the gateway answers 403', async () => {
    const res = await api.send<GatewayError>('GET Endpoints');

    expect(res.status).toBe(403);
    expect(res.body).toMatchSchema('_shared/gateway-error');
  });
});

describe('GET Endpoint', () => {
  it('returns 200 with the line state and availability of an idle desk phone', async () => {
    const res = await api.send<Endpoint>('GET Endpoint', { vars: { endpointId: '204' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/endpoint');
    expect(res.body).toMatchObject({ endpointId: '204', state: 'idle' });
  });

  itWrites('shows connected while the endpoint is on a call', async () => {
    await makeCall(api, '204', '5550104');

    expect((await endpoint('204')).state).toBe('connected');
  });

  it('shows an unplugged phone as outOfService', async () => {
    expect((await endpoint('205')).state).toBe('outOfService');
  });
});

describe('PUT Endpoint', () => {
  itWrites('turns do-not-disturb on, which sets the availability to dnd', async () => {
    await restoreAfterTest('204');

    const res = await api.send<Endpoint>('PUT Endpoint', {
      vars: { endpointId: '204' },
      json: { action: 'dnd', enabled: true, userAvailability: 'dnd' },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/endpoint');
    expect(res.body).toMatchObject({ dnd: true, userAvailability: 'dnd' });
  });

  itWrites('makes the extension refuse calls while do-not-disturb is on: the caller’s leg completes with doNotDisturb', async () => {
    await restoreAfterTest('204');
    const dnd = await api.send<Endpoint>('PUT Endpoint', {
      vars: { endpointId: '204' },
      json: { action: 'dnd', enabled: true, userAvailability: 'dnd' },
    });
    expect(dnd.status).toBe(200);
    expect(dnd.body).toMatchSchema('media/endpoint');

    const caller = await makeCall(api, '2001', '204');

    expect(caller).toMatchObject({ state: 'completed', cause: 'doNotDisturb' });
  });

  itWrites('lights the message waiting indicator and sets the availability given', async () => {
    await restoreAfterTest('204');

    const res = await api.send<Endpoint>('PUT Endpoint', {
      vars: { endpointId: '204' },
      json: { action: 'messageWaiting', enabled: true, userAvailability: 'away' },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('media/endpoint');
    expect(res.body).toMatchObject({ messageWaiting: true, userAvailability: 'away' });
  });

  itWrites('rejects an action outside the spec’s enum with 400', async () => {
    const res = await api.send<PlatformError>('PUT Endpoint', {
      vars: { endpointId: '204' },
      json: { action: 'forwardAll', enabled: true, userAvailability: 'available' },
    });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
  });

  itWrites('rejects a timeoutMs outside 3000–30000 with 400', async () => {
    const res = await api.send<PlatformError>('PUT Endpoint', {
      vars: { endpointId: '204' },
      json: { action: 'dnd', enabled: false, userAvailability: 'available', timeoutMs: 100 },
    });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

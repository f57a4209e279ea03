// What the media service publishes on state.events: one publication per leg change, shaped like
// the S-NOTIF README's webhook, and deliverable through the notifications service with the
// sample's own subscription (subjectFilter /2017-09-01/endpoints/, ringing publicationFilter).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAIN_ACCOUNT_ID, SITE_ID } from '../../seed';
import { bearer, login } from '../../test-support';
import { mediaTest, onlyLeg, type MediaTest } from './test-support';

let media: MediaTest;
beforeEach(async () => {
  media = await mediaTest();
});
afterEach(() => media.close());

describe('call-leg publications', () => {
  it('publishes a ringing leg like the S-NOTIF sample', async () => {
    await media.dial('2002', '2001');
    const ringing = media.events.find((event) => event.content.state === 'ringing');
    const alex = media.sandbox.user('primary').userId;
    expect(ringing).toMatchObject({
      topic: 'platform-api-media',
      method: 'PUT',
      subject: expect.stringMatching(/^\/2017-09-01\/endpoints\/2001\/calls\/\d+$/),
      publisher: { accountId: MAIN_ACCOUNT_ID, principalId: alex },
      content: {
        from: '2002',
        to: '2001',
        state: 'ringing',
        cause: 'newCall',
        direction: 'inbound',
        extraPbxData: { alertingDevice: '2001', calledDevice: '2001', eventType: 'deliveredEvent', callTrackingID: expect.stringMatching(/^\d+#\d+$/) },
        endpointId: '2001',
        siteId: SITE_ID,
        accountId: MAIN_ACCOUNT_ID,
        timestamp: Date.UTC(2025, 0, 15, 12),
        eventId: expect.any(String),
        isCtiEvent: true,
        principalId: alex,
        callLegOwner: alex,
        userId: alex,
        eventType: 'CallStateNotification',
        fromName: 'Sam Second',
        toName: 'Alex Admin',
      },
    });
    expect(ringing?.content.callId).toBe(ringing?.subject.replace('/2017-09-01/', ''));
    expect(ringing?.content._links).toEqual({ self: `/media${ringing?.subject}` });
  });

  it('publishes every change in order: PUT while live, DELETE when the leg completes', async () => {
    const caller = await media.dial('200', '201');
    const callee = await media.act(await onlyLeg(media, '201'), { action: 'answer' });
    await media.act(caller, { action: 'hold' });
    await media.act(caller, { action: 'retrieve' });
    await media.act(callee, { action: 'end' });
    const seen = media.events.map((event) => [event.method, event.subject.split('/')[3], event.content.state]);
    expect(seen).toEqual([
      ['PUT', '200', 'connected'],
      ['PUT', '201', 'ringing'],
      ['PUT', '201', 'connected'],
      ['PUT', '200', 'connected'],
      ['PUT', '200', 'held'],
      ['PUT', '201', 'held'],
      ['PUT', '200', 'connected'],
      ['PUT', '201', 'connected'],
      ['DELETE', '201', 'completed'],
      ['DELETE', '200', 'completed'],
    ]);
    expect(media.events.at(-1)?.content).toMatchObject({ completed: true, billingTime: 0, endTime: expect.any(String) });
  });

  it('lets only the leg’s owner and the account’s admins hear it', async () => {
    await media.dial('2002', '2001', 'second');
    const ids = (key: 'primary' | 'second' | 'user' | 'partner') => media.sandbox.user(key).userId;
    const callerLeg = media.events[0];
    expect(callerLeg?.principalFilter).toEqual(expect.arrayContaining([ids('second'), ids('primary'), ids('partner')]));
    expect(callerLeg?.principalFilter).not.toContain(ids('user'));
  });

  it('reaches a webhook subscribed with the S-NOTIF sample’s filters, ringing events only', async () => {
    const received: Array<Record<string, unknown>> = [];
    const hook = createServer((request, response) => {
      let text = '';
      request.on('data', (chunk: Buffer) => void (text += chunk.toString('utf8')));
      request.on('end', () => {
        received.push(JSON.parse(text) as Record<string, unknown>);
        response.end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    try {
      const token = (await login(media.sandbox, 'primary')).access_token;
      const subscribed = await media.sandbox.send({
        method: 'POST',
        url: '/notifications/2017-09-01/subscriptions',
        headers: { ...bearer(token), 'content-type': 'application/json' },
        payload: JSON.stringify({
          applicationId: 'media-test',
          transport: 'webhook',
          topic: 'platform-api-media',
          deviceId: `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`,
          subjectFilter: '/2017-09-01/endpoints/',
          publicationFilter: "$.publications[?(@.content.state == 'ringing')]",
        }),
      });
      expect(subscribed.statusCode).toBe(201);
      const caller = await media.dial('201', '200');
      await media.act(await onlyLeg(media, '200'), { action: 'answer' });
      await media.act(caller, { action: 'end' });
      for (let wait = 0; received.length === 0 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(received).toEqual([
        expect.objectContaining({
          topic: 'platform-api-media',
          subject: expect.stringMatching(/^\/2017-09-01\/endpoints\/200\/calls\//),
          content: expect.objectContaining({ state: 'ringing', endpointId: '200' }),
        }),
      ]);
    } finally {
      hook.closeAllConnections();
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});

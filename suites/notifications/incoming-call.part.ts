// Scenario "Incoming-call notification" (Mitel's notification sample, S-NOTIF): a
// subscription for ringing calls on a range of endpoints hears a call ringing on 200 and nothing
// about an endpoint outside the range; the envelope validates; the subscription is deleted
// afterwards (subscribe() registers it). The same over a webhook and over a websocket.
import { itWrites, openSocketInbox, openWebhookInbox, type PublicationInbox, useCollection } from '../../harness';
import type { Call } from '../../types/media/call';
import type { Publication } from '../../types/notifications/publication';
import { media } from '../media/collection';
import { notifications } from './collection';
import { subscribe } from './support';

const api = useCollection(notifications);
const mediaApi = useCollection(media);

/** Ringing legs on extensions 200–209 only: 2002 (four digits) is outside the range. */
const RINGING_ON_200_TO_209 = "$.publications[?(@.content.state == 'ringing' && @.content.endpointId =~ /^20[0-9]$/)]";
const ENDPOINTS_SUBJECT = '/2017-09-01/endpoints/';

/** Makes a call and registers its end, so no call outlives the test. */
async function call(from: string, to: string): Promise<Call> {
  const res = await mediaApi.send<Call>('POST Make Call', { vars: { endpointId: from }, json: { to } });
  if (res.status !== 200) throw new Error(`POST Make Call ${from} → ${to} answered ${res.status}: ${JSON.stringify(res.body)}`);
  const callId = res.body.callId.split('/').pop() as string;
  mediaApi.undo(`end the call ${from} → ${to}`, 'PUT Call Action', { vars: { endpointId: from, callId }, json: { action: 'end' }, alreadyDone: [409] });
  return res.body;
}

const contentOf = (p: Publication) => p.content as { endpointId?: string; from?: string; state?: string };

/**
 * Out of range first, in range second: a wrong filter would have delivered the first before the
 * second. The media suites run beside this one and ring 201–204 too, so the test looks for its own
 * call (2001 → 200) and asserts only that nothing outside the range came before it.
 */
async function ringOutsideThenInside(inbox: PublicationInbox) {
  await call('2001', '2002');
  await call('2001', '200');
  const taken = await inbox.take<Publication>((p) => contentOf(p).endpointId === '200' && contentOf(p).from === '2001', {
    what: 'a ringing call from 2001 on endpoint 200',
  });
  return { match: taken.match, outOfRange: taken.before.filter((p) => !/^20[0-9]$/.test(contentOf(p).endpointId ?? '') || contentOf(p).state !== 'ringing') };
}

function expectRingingOn200(publication: Publication, subscriptionId: string) {
  expect(publication).toMatchSchema('notifications/publication');
  expect(publication.content).toMatchSchema('media/call');
  expect(publication).toMatchObject({ topic: 'platform-api-media', subscription: { subscriptionId } });
  expect(publication.subject.startsWith(ENDPOINTS_SUBJECT)).toBe(true);
  expect(publication.content).toMatchObject({ state: 'ringing', endpointId: '200', from: '2001' });
}

describe('Scenario: incoming-call notification', () => {
  itWrites('delivers a call ringing on 200 to a webhook filtered for ringing on 200–209, and nothing for 2002', async () => {
    const webhook = await openWebhookInbox();
    const subscription = await subscribe(api, {
      deviceId: webhook.url,
      transport: 'webhook',
      topic: 'platform-api-media',
      subjectFilter: ENDPOINTS_SUBJECT,
      publicationFilter: RINGING_ON_200_TO_209,
    });

    const { match, outOfRange } = await ringOutsideThenInside(webhook.inbox);

    expectRingingOn200(match, subscription.subscriptionId);
    expect(outOfRange).toEqual([]);
  });

  itWrites('delivers the same over the websocket transport', async () => {
    const subscription = await subscribe(api, {
      deviceId: 'cloudlink-harness-socket',
      transport: 'websocket',
      topic: 'platform-api-media',
      subjectFilter: ENDPOINTS_SUBJECT,
      publicationFilter: RINGING_ON_200_TO_209,
    });
    const socketLink = (subscription._links as { socket?: string } | undefined)?.socket;
    if (!socketLink) throw new Error('POST Subscription answered a websocket subscription without _links.socket.');
    const socket = await openSocketInbox(socketLink);

    const { match, outOfRange } = await ringOutsideThenInside(socket);

    expectRingingOn200(match, subscription.subscriptionId);
    expect(outOfRange).toEqual([]);
  });
});

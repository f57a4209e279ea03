// Subscriptions as a resource: create, read, list, page and delete, and the refusals a client meets
// (S-NOTIF; list, read and delete NOTIF-3P; the sandbox's choices where CloudLink documents nothing
// are in sandbox/README.md, Notifications).
import { itWrites, openWebhookInbox, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Subscription } from '../../types/notifications/subscription';
import type { SubscriptionCollection } from '../../types/notifications/subscription-collection';
import { notifications } from './collection';
import { APPLICATION_ID, subscribe } from './support';

const api = useCollection(notifications);
const MEDIA_TOPIC = 'platform-api-media';

describe('POST Subscription', () => {
  itWrites('returns 201 with the webhook subscription as sent, and GET Subscription reads it back', async () => {
    const { url } = await openWebhookInbox();
    const created = await subscribe(api, {
      deviceId: url,
      transport: 'webhook',
      topic: MEDIA_TOPIC,
      subjectFilter: '/2017-09-01/endpoints/',
      publicationFilter: "$.publications[?(@.content.state == 'ringing')]",
    });

    expect(created).toMatchObject({ applicationId: APPLICATION_ID, deviceId: url, transport: 'webhook', topic: MEDIA_TOPIC });

    const res = await api.send<Subscription>('GET Subscription', { vars: { subscriptionId: created.subscriptionId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('notifications/subscription');
    expect(res.body.subscriptionId).toBe(created.subscriptionId);
    expect(res.body.publicationFilter).toBe(created.publicationFilter);
  });

  itWrites('rejects a subscription without a topic with 400 naming the field', async () => {
    const res = await api.send<PlatformError>('POST Subscription', { json: { applicationId: APPLICATION_ID, transport: 'websocket' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.message).toContain('topic');
  });

  itWrites('rejects a publicationFilter that is not JSONPath with 400, at subscription time', async () => {
    const res = await api.send<PlatformError>('POST Subscription', {
      json: {
        applicationId: APPLICATION_ID,
        transport: 'websocket',
        deviceId: 'harness',
        topic: MEDIA_TOPIC,
        publicationFilter: '$.publications[?(@.content.state ==',
      },
    });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.message).toMatch(/publicationFilter/i);
  });
});

describe('GET Subscriptions', () => {
  itWrites('pages the caller’s subscriptions by _links.next with none lost or repeated', async () => {
    // As the second user, whose subscriptions no other file changes: offset paging over a list that
    // another file adds to and deletes from at the same time may rightly skip or repeat an item.
    const created: string[] = [];
    for (const label of ['one', 'two', 'three']) {
      created.push((await subscribe(api, { deviceId: `harness-${label}`, transport: 'websocket', topic: MEDIA_TOPIC }, 'second')).subscriptionId);
    }

    const first = await api.send<SubscriptionCollection>('GET Subscriptions', { query: { $top: '2' }, as: 'second' });
    const pages = await api.walk('GET Subscriptions', first, { schema: 'notifications/subscription-collection', as: 'second' });
    const walked = pages.flat().map((item) => item.subscriptionId);

    expect(new Set(walked).size).toBe(walked.length);
    expect(walked).toEqual(expect.arrayContaining(created));
  });
});

describe('DELETE Subscription', () => {
  itWrites('returns 200, after which the subscription is 404', async () => {
    const { subscriptionId } = await subscribe(api, { deviceId: 'harness-delete', transport: 'websocket', topic: MEDIA_TOPIC });

    const res = await api.send<Subscription>('DELETE Subscription', { vars: { subscriptionId } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('notifications/subscription');

    const after = await api.send<PlatformError>('GET Subscription', { vars: { subscriptionId } });
    expect(after.status).toBe(404);
    expect(after.body).toMatchSchema('_shared/error');
  });

  itWrites('does not let another user read or delete someone’s subscription (404)', async () => {
    const { subscriptionId } = await subscribe(api, { deviceId: 'harness-private', transport: 'websocket', topic: MEDIA_TOPIC });

    const read = await api.send<PlatformError>('GET Subscription', { vars: { subscriptionId }, as: 'second' });
    const removed = await api.send<PlatformError>('DELETE Subscription', { vars: { subscriptionId }, as: 'second' });

    expect(read.status).toBe(404);
    expect(read.body).toMatchSchema('_shared/error');
    expect(removed.status).toBe(404);
    const still = await api.send<Subscription>('GET Subscription', { vars: { subscriptionId } });
    expect(still.status).toBe(200);
  });
});

// The Notifications collection: subscriptions to CloudLink publications, delivered to a webhook or
// a websocket. No spec of this service is public; the requests follow Mitel's notification sample
// (S-NOTIF; docs/sources.md).
import { defineCollection } from '../../harness';

const errors = { 400: '_shared/error', 401: '_shared/error', 403: '_shared/error', 404: '_shared/error' };

/** For examples (tools/conformance): OData's $top must be at least 1. */
const top0 = { $top: '0' };

export const notifications = defineCollection({
  name: 'Notifications',
  api: 'notifications',
  description: 'Subscriptions of https://notifications.api.mitel.io/2017-09-01 and the publications they deliver.',
  // A websocket subscription: it needs no receiver to exist.
  exampleVars: {
    applicationId: 'example',
    deviceId: 'example-socket',
    transport: 'websocket',
    topic: 'platform-api-media',
    subjectFilter: '',
    publicationFilter: '$',
  },
  requests: {
    'POST Subscription': {
      description: 'Subscribe a webhook (deviceId = its URL) or a websocket to a topic, narrowed by subject prefix and a JSONPath publication filter.',
      method: 'POST',
      url: '{{notifications_url}}/subscriptions',
      body: {
        mode: 'json',
        json: {
          applicationId: '{{applicationId}}',
          deviceId: '{{deviceId}}',
          transport: '{{transport}}',
          topic: '{{topic}}',
          subjectFilter: '{{subjectFilter}}',
          publicationFilter: '{{publicationFilter}}',
        },
      },
      responses: { 201: 'notifications/subscription', ...errors },
      examples: { 201: { captures: { subscriptionId: 'subscriptionId' } }, 400: { json: {} } },
      leftovers: { list: 'GET Subscriptions', match: 'deviceId', undo: 'DELETE Subscription', vars: { subscriptionId: 'subscriptionId' } },
    },
    'GET Subscriptions': {
      description: 'The caller’s subscriptions, as a HAL collection with OData paging.',
      method: 'GET',
      url: '{{notifications_url}}/subscriptions',
      responses: { 200: 'notifications/subscription-collection', ...errors },
      examples: { 200: { setup: ['POST Subscription'] }, 400: { query: top0 } },
    },
    'GET Subscription': {
      description: 'One subscription by id.',
      method: 'GET',
      url: '{{notifications_url}}/subscriptions/{{subscriptionId}}',
      responses: { 200: 'notifications/subscription', ...errors },
      examples: { 200: { setup: ['POST Subscription'] }, 404: { vars: { subscriptionId: '{{noSuchId}}' } } },
    },
    'DELETE Subscription': {
      description: 'Stop a subscription: nothing more is delivered for it.',
      method: 'DELETE',
      url: '{{notifications_url}}/subscriptions/{{subscriptionId}}',
      responses: { 200: 'notifications/subscription', ...errors },
      examples: { 200: { setup: ['POST Subscription'] }, 404: { setup: ['DELETE Subscription'] } },
    },
  },
});

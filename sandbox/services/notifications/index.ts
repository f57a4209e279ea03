// The Notifications service (`https://notifications.api.mitel.io/2017-09-01`, S-NOTIF), registered
// by app.ts under its prefix. No spec of it was obtained: it keeps
// subscriptions, listens to the sandbox's event bus (state.events) and delivers each matching
// publication by webhook or websocket. Every gap is a CHOICE listed in sandbox/README.md.
import type { FastifyPluginAsync } from 'fastify';
import { authenticateAuthorization } from '../../platform/bearer-auth';
import { badRequest } from '../../platform/errors';
import { nowSeconds, type SandboxState } from '../../state';
import { envelopeFor, hears, stamp } from './matching';
import { registerSubscriptionRoutes } from './routes';
import { SocketHub } from './socket-hub';
import { subscriptionOf, type SubscriptionStore } from './subscriptions';
import { WebhookSender } from './webhook';

export interface ServiceOptions {
  state: SandboxState;
}

export const notificationsService: FastifyPluginAsync<ServiceOptions> = async (app, options) => {
  const { state } = options;
  const store: SubscriptionStore = new Map();
  state.inventory.set('notifications.subscriptions', () => store.size);
  const webhooks = new WebhookSender(state.config.webhook, (attempt) => {
    if (!attempt.ok) app.log.debug({ attempt }, 'webhook delivery attempt failed');
  });
  const sockets = new SocketHub(app.prefix, (subscriptionId, authorization) => {
    const who = authenticateAuthorization(authorization, state.signingKey, nowSeconds(state));
    const subscription = subscriptionOf(store, who, subscriptionId);
    if (subscription.transport !== 'websocket') {
      throw badRequest('InvalidRequest', `Subscription '${subscriptionId}' delivers by ${subscription.transport}, not websocket.`);
    }
  });
  sockets.attach(app.server);

  // Deliveries never run inside the publisher's request: the bus calls synchronously, the
  // websocket send and the webhook POST are both fire-and-forget.
  const stopListening = state.events.subscribe((publication) => {
    const stamped = stamp(publication);
    const now = new Date(state.now()).toISOString();
    for (const subscription of store.values()) {
      if (!hears(subscription, stamped)) continue;
      const envelope = envelopeFor(subscription, stamped, now);
      if (subscription.transport === 'websocket') sockets.send(subscription.subscriptionId, envelope);
      else if (subscription.deviceId !== undefined) {
        webhooks.send(subscription.subscriptionId, subscription.deviceId, envelope, envelope.notification.correlationId);
      }
    }
  });

  registerSubscriptionRoutes(app, state, store, {
    deleted: (subscriptionId) => {
      webhooks.cancel(subscriptionId);
      sockets.drop(subscriptionId);
    },
  });

  // preClose runs before fastify closes the HTTP server, which would otherwise wait for open
  // websockets; pending webhook retries and in-flight POSTs are cancelled with them.
  app.addHook('preClose', async () => {
    stopListening();
    webhooks.close();
    sockets.close();
  });
};

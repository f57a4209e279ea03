// Subscription routes: create (S-NOTIF), list, read and delete (NOTIF-3P [3P] only),
// and the websocket's address answered without an upgrade.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Caller } from '../../platform/bearer-auth';
import { SandboxError } from '../../platform/errors';
import { pageOf, parseOData } from '../../platform/odata';
import { jsonObjectBody } from '../../platform/request-fields';
import { nowSeconds, type SandboxState } from '../../state';
import { readSubscription, subscriptionOf, toSubscriptionResource, type SubscriptionRecord, type SubscriptionStore } from './subscriptions';

/** What $filter and $orderby may name on GET /subscriptions. */
const SUBSCRIPTION_FIELDS = ['subscriptionId', 'applicationId', 'deviceId', 'transport', 'topic', 'subjectFilter', 'method', 'publicationFilter', 'createdOn'];

export interface SubscriptionEvents {
  /** A subscription was deleted: stop its retries and close its sockets. */
  deleted(subscriptionId: string): void;
}

export function registerSubscriptionRoutes(app: FastifyInstance, state: SandboxState, store: SubscriptionStore, events: SubscriptionEvents): void {
  const servicePath = app.prefix;
  // CHOICE: every role may subscribe, guests included; each sees only its own subscriptions.
  const caller = (request: FastifyRequest): Caller => authenticate(request, state.signingKey, nowSeconds(state));
  const present = (subscription: SubscriptionRecord) => toSubscriptionResource(subscription, servicePath);

  app.post('/subscriptions', async (request, reply) => {
    const who = caller(request);
    const subscription = readSubscription(jsonObjectBody(request), who, new Date(state.now()).toISOString());
    store.set(subscription.subscriptionId, subscription);
    // CHOICE: 201 Created; S-NOTIF accepts anything up to 201 and reads subscriptionId from the body.
    return reply.code(201).send(present(subscription));
  });

  app.get('/subscriptions', async (request) => {
    const who = caller(request);
    const query = parseOData<SubscriptionRecord>(request.query, {
      allow: ['$top', '$skip', '$skiptoken', '$filter', '$orderby'],
      fields: SUBSCRIPTION_FIELDS,
      key: (s) => s.subscriptionId,
    });
    // In creation order (the store keeps insertion order) unless $orderby says otherwise.
    const mine = [...store.values()].filter((subscription) => subscription.principalId === who.principalId && subscription.accountId === who.accountId);
    return pageOf(mine, query, `${servicePath}/subscriptions`, present);
  });

  app.get('/subscriptions/:subscriptionId', async (request) => {
    const { subscriptionId } = request.params as { subscriptionId: string };
    return present(subscriptionOf(store, caller(request), subscriptionId));
  });

  app.delete('/subscriptions/:subscriptionId', async (request) => {
    const { subscriptionId } = request.params as { subscriptionId: string };
    const subscription = subscriptionOf(store, caller(request), subscriptionId);
    store.delete(subscriptionId);
    events.deleted(subscriptionId);
    // CHOICE: 200 with the deleted subscription, as the other sandbox DELETEs answer.
    return present(subscription);
  });

  app.get('/subscriptions/:subscriptionId/socket', async (request, reply) => {
    const { subscriptionId } = request.params as { subscriptionId: string };
    subscriptionOf(store, caller(request), subscriptionId);
    // Reached only without an Upgrade header: the socket-hub takes real upgrades first.
    void reply.header('upgrade', 'websocket');
    throw new SandboxError(426, 'UpgradeRequired', 'Open this URL as a WebSocket.');
  });
}

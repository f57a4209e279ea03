// Creating a subscription for a test, with its deletion registered before anything can fail, so a
// run leaves no subscription behind. Shared by this collection's suites.
import type { CollectionClient } from '../../harness';
import type { Subscription } from '../../types/notifications/subscription';
import { notifications } from './collection';

type Api = CollectionClient<keyof typeof notifications.requests & string>;

/** A fixed application id: replay needs requests equal to the recorded ones, so nothing random. */
export const APPLICATION_ID = 'cloudlink-harness-notifications';

export interface SubscriptionRequest {
  deviceId: string;
  transport: 'webhook' | 'websocket';
  topic: string;
  subjectFilter?: string;
  publicationFilter?: string;
}

/** POST Subscription as `as` (the primary user by default), deleted after the test as the same user. */
export async function subscribe(api: Api, wanted: SubscriptionRequest, as?: 'primary' | 'second'): Promise<Subscription> {
  const json: Record<string, string> = {
    applicationId: APPLICATION_ID,
    deviceId: wanted.deviceId,
    transport: wanted.transport,
    topic: wanted.topic,
    subjectFilter: wanted.subjectFilter ?? '',
  };
  if (wanted.publicationFilter !== undefined) json.publicationFilter = wanted.publicationFilter;
  const res = await api.send<Subscription>('POST Subscription', { json, as });
  if (res.status !== 201) throw new Error(`POST Subscription answered ${res.status}: ${JSON.stringify(res.body)}`);
  const { subscriptionId } = res.body;
  api.undo(`delete subscription ${subscriptionId}`, 'DELETE Subscription', { vars: { subscriptionId }, as });
  expect(res.body).toMatchSchema('notifications/subscription');
  return res.body;
}

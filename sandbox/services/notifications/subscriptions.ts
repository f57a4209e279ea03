// Subscriptions: the record, how a POST /subscriptions body becomes one, and how it is shown.
// Fields are those of Mitel's sample (S-NOTIF: applicationId, deviceId, transport, topic,
// subjectFilter, publicationFilter) plus Workflow Studio's Method (WS-DOC); the id is 32 lowercase
// hex characters like the one in the S-NOTIF README.
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../platform/bearer-auth';
import { badRequest, notFound } from '../../platform/errors';
import { optionalEnum, optionalString, requiredString, type JsonObject } from '../../platform/json-fields';
import type { Publication } from '../../platform/events';
import { JsonPathError, compileJsonPath, type CompiledJsonPath } from './json-path';

export const TRANSPORTS = ['webhook', 'websocket'] as const;
export const METHODS = ['POST', 'PUT', 'DELETE'] as const;

export interface SubscriptionRecord {
  subscriptionId: string;
  accountId: string;
  principalId: string;
  applicationId?: string;
  deviceId?: string;
  transport: (typeof TRANSPORTS)[number];
  topic: string;
  subjectFilter: string;
  method?: Publication['method'];
  publicationFilter?: string;
  /** publicationFilter compiled once, at subscription time. */
  selects?: CompiledJsonPath;
  createdOn: string;
  createdBy: string;
}

export type SubscriptionStore = Map<string, SubscriptionRecord>;

/**
 * CHOICE: webhooks go to this machine only — http(s) on 127.0.0.0/8, localhost or [::1] — so a
 * sandbox can never be made to call out. The WHATWG parser has already normalised the host
 * (2130706433, 0x7f.1 and 127.1 all read 127.0.0.x), so checking the normal form is enough.
 */
export function isLoopbackUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // fetch refuses URLs carrying credentials; refuse them here, where the client can be told.
  if (url.username !== '' || url.password !== '') return false;
  const host = url.hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * POST /subscriptions. CHOICES (no spec): topic and transport are required;
 * webhooks need applicationId ("required if you're using webhooks", S-NOTIF) and a loopback
 * deviceId URL; a websocket's deviceId and applicationId are free labels; subjectFilter defaults
 * to "" (every subject); an unreadable publicationFilter is refused here rather than never matching.
 */
export function readSubscription(body: JsonObject | undefined, who: Caller, now: string): SubscriptionRecord {
  if (!body) throw badRequest('MissingParamInRequest', 'topic and transport are required.');
  const topic = requiredString(body, 'topic');
  const transport = optionalEnum(body, 'transport', TRANSPORTS);
  if (transport === undefined) throw badRequest('MissingParamInRequest', 'transport is required (webhook or websocket).');
  const applicationId = optionalString(body, 'applicationId');
  const deviceId = optionalString(body, 'deviceId');
  if (transport === 'webhook') {
    requiredString(body, 'applicationId');
    if (!isLoopbackUrl(requiredString(body, 'deviceId'))) {
      throw badRequest(
        'InvalidRequest',
        'deviceId must be an http(s) URL on this machine (127.0.0.0/8, localhost or [::1]): the sandbox delivers webhooks over loopback only.',
      );
    }
  }
  const publicationFilter = optionalString(body, 'publicationFilter');
  let selects: CompiledJsonPath | undefined;
  try {
    selects = publicationFilter === undefined || publicationFilter.trim() === '' ? undefined : compileJsonPath(publicationFilter);
  } catch (error) {
    if (error instanceof JsonPathError) throw badRequest('InvalidRequest', error.message);
    throw error;
  }
  return {
    subscriptionId: randomUUID().replace(/-/g, ''),
    accountId: who.accountId,
    principalId: who.principalId,
    applicationId,
    deviceId,
    transport,
    topic,
    subjectFilter: optionalString(body, 'subjectFilter') ?? '',
    method: optionalEnum(body, 'method', METHODS),
    publicationFilter: selects === undefined ? undefined : publicationFilter,
    selects,
    createdOn: now,
    createdBy: who.principalId,
  };
}

/** CHOICE: a subscription belongs to the principal who made it; to anyone else it does not exist. */
export function subscriptionOf(store: SubscriptionStore, who: Caller, subscriptionId: string): SubscriptionRecord {
  const subscription = store.get(subscriptionId);
  if (!subscription || subscription.principalId !== who.principalId || subscription.accountId !== who.accountId) {
    throw notFound('SubscriptionNotFound', `No subscription '${subscriptionId}' for this user.`);
  }
  return subscription;
}

export function toSubscriptionResource(subscription: SubscriptionRecord, servicePath: string): Record<string, unknown> {
  const self = `${servicePath}/subscriptions/${subscription.subscriptionId}`;
  const { selects: _compiled, ...fields } = subscription;
  const shown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) shown[key] = value;
  // CHOICE: websocket subscriptions link the socket to connect to (the URL is undocumented).
  shown._links = subscription.transport === 'websocket' ? { self, socket: `${self}/socket` } : { self };
  return shown;
}

// Which subscriptions a publication reaches, and the envelope each of them receives.
import { randomUUID } from 'node:crypto';
import type { Publication } from '../../platform/events';
import type { SubscriptionRecord } from './subscriptions';

/** The delivered notification, field for field as the S-NOTIF README shows it. */
export interface DeliveredPublication {
  publicationId: string;
  topic: string;
  method: Publication['method'];
  subject: string;
  content: Record<string, unknown>;
  publisher: { accountId: string; principalId: string };
  subscription: { subscriptionId: string };
  notification: { createdOn: string; correlationId: string };
}

/** One publication as the notifications service sees it: with the id every delivery of it shares. */
export interface StampedPublication {
  publicationId: string;
  publication: Publication;
  /**
   * What publicationFilter runs over: an envelope with a `publications` array, which is what
   * `$.publications[?(…)]` in S-NOTIF presupposes; its one item is the publication's own fields.
   */
  filterDocument: { publications: Array<Record<string, unknown>> };
}

export function stamp(publication: Publication): StampedPublication {
  const publicationId = randomUUID();
  const { topic, method, subject, content, publisher } = publication;
  return { publicationId, publication, filterDocument: { publications: [{ publicationId, topic, method, subject, content, publisher }] } };
}

/**
 * A subscription hears a publication when, in order: it is of the same account (CHOICE: accounts
 * are isolated); the publisher did not narrow the audience to other principals (WS-DOC
 * PrincipleFilter); the topic is equal; subjectFilter is a prefix of the subject (CHOICE: prefix,
 * the way S-NOTIF's `/2017-09-01/endpoints/` and RN-APP's `/conversations/<id>/messages` read;
 * undocumented); the method is equal when the subscription names one (WS-DOC); and the
 * publicationFilter, if any, selects at least one node.
 */
export function hears(subscription: SubscriptionRecord, stamped: StampedPublication): boolean {
  const { publication } = stamped;
  if (publication.publisher.accountId !== subscription.accountId) return false;
  if (publication.principalFilter && !publication.principalFilter.includes(subscription.principalId)) return false;
  if (publication.topic !== subscription.topic) return false;
  if (!publication.subject.startsWith(subscription.subjectFilter)) return false;
  if (subscription.method !== undefined && subscription.method !== publication.method) return false;
  if (subscription.selects && subscription.selects(stamped.filterDocument).length === 0) return false;
  return true;
}

export function envelopeFor(subscription: SubscriptionRecord, stamped: StampedPublication, now: string): DeliveredPublication {
  const { publication } = stamped;
  return {
    publicationId: stamped.publicationId,
    topic: publication.topic,
    method: publication.method,
    subject: publication.subject,
    content: publication.content,
    publisher: { accountId: publication.publisher.accountId, principalId: publication.publisher.principalId },
    subscription: { subscriptionId: subscription.subscriptionId },
    // CHOICE: the correlation id of the request that caused the publication when known, else fresh.
    notification: { createdOn: now, correlationId: publication.correlationId ?? randomUUID() },
  };
}

// The sandbox's internal event bus: services that change state (media calls, chat messages, admin
// users) publish here, and the notifications service turns each publication into deliveries to the
// matching subscriptions. Field names are those of the delivered envelope Mitel's notification
// sample shows (S-NOTIF README).

export interface Publication {
  /** e.g. "platform-api-media", "platform-api-conversations". */
  topic: string;
  /** POST = new entry, PUT = update, DELETE = removal (WS-DOC publish activity). */
  method: 'POST' | 'PUT' | 'DELETE';
  /** The resource path, e.g. "/2017-09-01/endpoints/2001/calls/33656066". */
  subject: string;
  content: Record<string, unknown>;
  publisher: { accountId: string; principalId: string };
  /**
   * When set, only subscriptions of these principals receive it: Workflow Studio's publish
   * activity takes a "PrincipleFilter" (WS-DOC). Chat uses it so only participants hear a
   * conversation.
   */
  principalFilter?: readonly string[];
  /** The x-mitel-correlation-id of the request that caused it; delivered as notification.correlationId. */
  correlationId?: string;
}

export type PublicationListener = (publication: Publication) => void;

export class EventBus {
  private readonly listeners = new Set<PublicationListener>();

  /** Returns the function that unsubscribes. */
  subscribe(listener: PublicationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Delivers synchronously to every listener; a failing listener never breaks the publisher. */
  publish(publication: Publication): void {
    for (const listener of this.listeners) {
      try {
        listener(publication);
      } catch {
        // A notification problem must not fail the media or chat request that caused it.
      }
    }
  }
}

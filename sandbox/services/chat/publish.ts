// What chat tells the notifications service. Topic `platform-api-conversations` and subjects
// like `/conversations/<id>/messages` are what the legacy SDK subscribed to (RN-APP [3P]); methods
// are POST for a new entry and DELETE for a removal (WS-DOC publish activity).
import type { Caller } from '../../platform/bearer-auth';
import type { Publication } from '../../platform/events';
import type { SandboxState } from '../../state';
import { audienceOf, type ConversationRecord } from './store';

export const CONVERSATIONS_TOPIC = 'platform-api-conversations';

/**
 * CHOICE: subjects carry no version segment (`/conversations/<id>/messages/<messageId>`), as in
 * the legacy subjectFilter (RN-APP); only the conversation's participants receive them (WS-DOC
 * "PrincipleFilter"), so a subscription elsewhere in the account does not overhear a chat.
 */
export function publishChatEvent(
  state: SandboxState,
  who: Caller,
  conversation: ConversationRecord,
  change: { method: Publication['method']; subject: string; content: Record<string, unknown>; correlationId: string },
): void {
  state.events.publish({
    topic: CONVERSATIONS_TOPIC,
    method: change.method,
    subject: change.subject,
    content: change.content,
    publisher: { accountId: who.accountId, principalId: who.principalId },
    principalFilter: audienceOf(conversation),
    correlationId: change.correlationId,
  });
}

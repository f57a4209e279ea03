// How chat records are shown: resources with `_links.self` (AUTH-SPEC, MEDIA-SPEC `resource`)
// shaped after the legacy conversation object, with participants and messages as HAL collections
// nested in `_embedded` (RN-APP [3P]).
import { pageOf, parseOData, type HalCollection } from '../../platform/odata';
import type { ConversationRecord, MessageRecord, ParticipantRecord } from './store';

export interface ParticipantResource {
  participantId: string;
  /** The legacy participant names the user `userId` (RN-APP); the same id as participantId. */
  userId: string;
  type: string;
  accountId: string;
  conversationId: string;
  status: string;
  createdOn: string;
  createdBy: string;
  _links: { self: string };
}

export interface MessageResource extends MessageRecord {
  _links: { self: string; conversation: string };
}

const conversationPath = (servicePath: string, conversationId: string) => `${servicePath}/conversations/${conversationId}`;

export function toParticipantResource(conversation: ConversationRecord, participant: ParticipantRecord, servicePath: string): ParticipantResource {
  const base = conversationPath(servicePath, conversation.conversationId);
  return {
    participantId: participant.participantId,
    userId: participant.participantId,
    type: participant.type,
    accountId: participant.accountId,
    conversationId: conversation.conversationId,
    status: participant.status,
    createdOn: participant.createdOn,
    createdBy: participant.createdBy,
    _links: { self: `${base}/participants/${participant.participantId}` },
  };
}

export function toMessageResource(message: MessageRecord, servicePath: string): MessageResource {
  const base = conversationPath(servicePath, message.conversationId);
  return {
    messageId: message.messageId,
    conversationId: message.conversationId,
    accountId: message.accountId,
    contentType: message.contentType,
    body: message.body,
    ...(message.fallbackText === undefined ? {} : { fallbackText: message.fallbackText }),
    ...(message.tag === undefined ? {} : { tag: message.tag }),
    createdOn: message.createdOn,
    createdBy: message.createdBy,
    _links: { self: `${base}/messages/${message.messageId}`, conversation: base },
  };
}

/** CHOICE: messages are listed newest first, like Media's conferences ("most recent first", MEDIA-SPEC). */
export function newestFirst(conversation: ConversationRecord): MessageRecord[] {
  return [...conversation.messages].reverse();
}

/**
 * The conversation with its participants and its newest message embedded. The legacy API's
 * embedded messages link onward with `$skip=1&$top=1` (RN-APP), i.e. it embedded one message;
 * the sandbox does the same and links the rest through `next`.
 */
export function toConversationResource(conversation: ConversationRecord, servicePath: string): Record<string, unknown> {
  const base = conversationPath(servicePath, conversation.conversationId);
  const participants = conversation.participants.map((participant) => toParticipantResource(conversation, participant, servicePath));
  const messages = newestFirst(conversation).map((message) => toMessageResource(message, servicePath));
  // Built as if asked for with $top: every participant (up to the page maximum), one message.
  const embeddedParticipants: HalCollection<ParticipantResource> = pageOf(
    participants,
    parseOData<ParticipantResource>({ $top: String(Math.max(participants.length, 1)) }, { allow: ['$top', '$skip'] }),
    `${base}/participants`,
  );
  const embeddedMessages: HalCollection<MessageResource> = pageOf(
    messages,
    parseOData<MessageResource>({ $top: '1' }, { allow: ['$top', '$skip'] }),
    `${base}/messages`,
  );
  return {
    conversationId: conversation.conversationId,
    accountId: conversation.accountId,
    ...(conversation.name === undefined ? {} : { name: conversation.name }),
    visibility: conversation.visibility,
    languageCode: conversation.languageCode,
    stream: conversation.stream,
    hidden: conversation.hidden,
    generateSystemMessages: conversation.generateSystemMessages,
    createdOn: conversation.createdOn,
    createdBy: conversation.createdBy,
    modifiedOn: conversation.modifiedOn,
    modifiedBy: conversation.modifiedBy,
    _links: { self: base },
    _embedded: { participants: embeddedParticipants, messages: embeddedMessages },
  };
}

// The chat service's records and who may see them. Field names follow the legacy conversation
// object (RN-APP [3P]: conversationId, accountId, name, visibility, languageCode, stream,
// createdOn/By, modifiedOn/By; participants {userId, accountId, status, conversationId}; messages
// {messageId, conversationId, accountId, contentType, body, createdOn, createdBy}) and the
// request bodies of Mitel's samples (S-CHAT: stream, hidden, generateSystemMessages,
// originalParticipants [{type, participantId}]; WA-BOT tag; DF-BOT fallbackText).
import type { Caller } from '../../platform/bearer-auth';
import { notFound } from '../../platform/errors';

/** Only USER participants are modelled; S-CHAT is the only source and sends nothing else. */
export const PARTICIPANT_TYPES = ['USER'] as const;
export type ParticipantType = (typeof PARTICIPANT_TYPES)[number];

export const VISIBILITIES = ['PRIVATE', 'PUBLIC'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export interface ParticipantRecord {
  participantId: string;
  type: ParticipantType;
  accountId: string;
  /** RN-APP shows ACCEPTED and INVITED; the sandbox has no invitation flow, so always ACCEPTED. */
  status: 'ACCEPTED';
  createdOn: string;
  createdBy: string;
}

export interface MessageRecord {
  messageId: string;
  conversationId: string;
  accountId: string;
  contentType: string;
  body: string;
  fallbackText?: string;
  tag?: string;
  createdOn: string;
  createdBy: string;
}

export interface ConversationRecord {
  conversationId: string;
  accountId: string;
  name?: string;
  visibility: Visibility;
  languageCode: string;
  stream: boolean;
  hidden: boolean;
  generateSystemMessages: boolean;
  createdOn: string;
  createdBy: string;
  modifiedOn: string;
  modifiedBy: string;
  participants: ParticipantRecord[];
  /** Oldest first, in the order they were posted (timestamps can tie on a frozen test clock). */
  messages: MessageRecord[];
}

export type ConversationStore = Map<string, ConversationRecord>;

export function isParticipant(conversation: ConversationRecord, who: Caller): boolean {
  return conversation.accountId === who.accountId && conversation.participants.some((participant) => participant.participantId === who.principalId);
}

/**
 * The conversation if the caller takes part in it. CHOICE: anyone else — another user of the
 * account, another account — gets 404 ConversationNotFound, as if it did not exist, so ids of
 * other people's conversations cannot be probed; deleted conversations are gone for everybody.
 */
export function conversationOf(store: ConversationStore, who: Caller, conversationId: string): ConversationRecord {
  const conversation = store.get(conversationId);
  if (!conversation || !isParticipant(conversation, who)) {
    throw notFound('ConversationNotFound', `No conversation '${conversationId}' for this user.`);
  }
  return conversation;
}

/** The principals who hear about a conversation's events (the participants at that moment). */
export function audienceOf(conversation: ConversationRecord): string[] {
  return conversation.participants.map((participant) => participant.participantId);
}

// Conversations (S-CHAT; P-BUILD `/conversations/{conversationId}`; legacy list and read, RN-APP
// [3P]): start one, list and read the caller's, delete one.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authenticate, type Caller } from '../../platform/bearer-auth';
import { forbidden, notFound } from '../../platform/errors';
import { pageOf, parseOData } from '../../platform/odata';
import { jsonObjectBody } from '../../platform/request-fields';
import { roleAtLeast } from '../../model';
import { findUser, nowSeconds, type SandboxState } from '../../state';
import { readConversation, type ParticipantRequest } from './body';
import { toConversationResource } from './presenter';
import { publishChatEvent } from './publish';
import { conversationOf, isParticipant, type ConversationRecord, type ConversationStore, type ParticipantRecord } from './store';

/** What $filter and $orderby may name on GET /conversations (the legacy SDK filtered `stream eq false`, RN-APP). */
const CONVERSATION_FIELDS = [
  'conversationId',
  'accountId',
  'name',
  'visibility',
  'languageCode',
  'stream',
  'hidden',
  'generateSystemMessages',
  'createdOn',
  'createdBy',
  'modifiedOn',
  'modifiedBy',
] as const;

export interface ChatContext {
  state: SandboxState;
  store: ConversationStore;
  /** The service prefix, so links resolve against the sandbox origin. */
  servicePath: string;
  caller(request: FastifyRequest): Caller;
  timestamp(): string;
  /** A participant record for a user of the caller's account, or 404 UserNotFound. */
  participant(who: Caller, wanted: ParticipantRequest): ParticipantRecord;
}

export function chatContext(state: SandboxState, store: ConversationStore, servicePath: string): ChatContext {
  const timestamp = () => new Date(state.now()).toISOString();
  return {
    state,
    store,
    servicePath,
    timestamp,
    // CHOICE: every role may chat, guests included; what they can reach is limited to their conversations.
    caller: (request) => authenticate(request, state.signingKey, nowSeconds(state)),
    participant: (who, wanted) => {
      const user = findUser(state, wanted.participantId);
      // CHOICE: participants must be users of the caller's account (no cross-account chat modelled).
      if (!user || user.accountId !== who.accountId) {
        throw notFound('UserNotFound', `No user '${wanted.participantId}' in this account.`);
      }
      return {
        participantId: user.userId,
        type: wanted.type,
        accountId: user.accountId,
        status: 'ACCEPTED',
        createdOn: timestamp(),
        createdBy: who.principalId,
      };
    },
  };
}

export function registerConversationRoutes(app: FastifyInstance, chat: ChatContext): void {
  const { state, store, servicePath } = chat;
  const present = (conversation: ConversationRecord) => toConversationResource(conversation, servicePath);

  app.post('/conversations', async (request, reply) => {
    const who = chat.caller(request);
    // A client_credentials token names an application, not a person who could take part.
    if (!findUser(state, who.principalId)) throw forbidden('InsufficientPermissions', 'Only users can start conversations.');
    const wanted = readConversation(jsonObjectBody(request));
    // CHOICE: the creator always takes part, listed first, whether or not originalParticipants
    // names them (S-CHAT names both users, the creator included); duplicates count once.
    const participants = [chat.participant(who, { participantId: who.principalId, type: 'USER' })];
    for (const item of wanted.participants) {
      if (participants.some((known) => known.participantId === item.participantId)) continue;
      participants.push(chat.participant(who, item));
    }
    const now = chat.timestamp();
    const conversation = {
      conversationId: randomUUID(),
      accountId: who.accountId,
      name: wanted.name,
      visibility: wanted.visibility,
      languageCode: typeof who.languageCode === 'string' ? who.languageCode : 'en-US',
      stream: wanted.stream,
      hidden: wanted.hidden,
      generateSystemMessages: wanted.generateSystemMessages,
      createdOn: now,
      createdBy: who.principalId,
      modifiedOn: now,
      modifiedBy: who.principalId,
      participants,
      messages: [],
    };
    store.set(conversation.conversationId, conversation);
    const resource = present(conversation);
    publishChatEvent(state, who, conversation, {
      method: 'POST',
      subject: `/conversations/${conversation.conversationId}`,
      content: resource,
      correlationId: request.id,
    });
    // CHOICE: 201 Created (S-CHAT accepts any status up to 201 and reads conversationId from the body).
    return reply.code(201).send(resource);
  });

  app.get('/conversations', async (request) => {
    const who = chat.caller(request);
    const query = parseOData<ConversationRecord>(request.query, {
      allow: ['$top', '$skip', '$skiptoken', '$filter', '$orderby'],
      fields: CONVERSATION_FIELDS,
      key: (c) => c.conversationId,
    });
    // CHOICE: in creation order, oldest first (the store keeps insertion order), unless $orderby
    // says otherwise, so pages are stable between calls.
    const mine = [...store.values()].filter((conversation) => isParticipant(conversation, who));
    return pageOf(mine, query, `${servicePath}/conversations`, present);
  });

  app.get('/conversations/:conversationId', async (request) => {
    const { conversationId } = request.params as { conversationId: string };
    return present(conversationOf(store, chat.caller(request), conversationId));
  });

  app.delete('/conversations/:conversationId', async (request) => {
    const who = chat.caller(request);
    const { conversationId } = request.params as { conversationId: string };
    const conversation = conversationOf(store, who, conversationId);
    // CHOICE: the creator or an ACCOUNT_ADMIN taking part may delete; other participants get 403.
    if (conversation.createdBy !== who.principalId && !roleAtLeast(who.role, 'ACCOUNT_ADMIN')) {
      throw forbidden('InsufficientPermissions', 'Only the creator or an account admin may delete a conversation.');
    }
    // A body is neither needed nor read: S-CHAT sends none (only a Content-Type header).
    const resource = present(conversation);
    store.delete(conversationId);
    publishChatEvent(state, who, conversation, {
      method: 'DELETE',
      subject: `/conversations/${conversationId}`,
      content: resource,
      correlationId: request.id,
    });
    // CHOICE: 200 with the deleted conversation; S-CHAT parses a JSON body from the answer.
    return resource;
  });
}

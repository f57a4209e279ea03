// What happens inside a conversation: its participants (legacy `POST …/participants`, RN-APP
// [3P]) and its messages (S-CHAT `POST …/messages`; legacy `GET …/messages`, RN-APP).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { badRequest, conflict, notFound } from '../../platform/errors';
import { pageOf, parseOData, type ODataOption } from '../../platform/odata';
import { jsonObjectBody } from '../../platform/request-fields';
import { readMessage, readParticipant } from './body';
import type { ChatContext } from './conversation-routes';
import { newestFirst, toMessageResource, toParticipantResource, type ParticipantResource } from './presenter';
import { publishChatEvent } from './publish';
import { conversationOf, type MessageRecord } from './store';

type ConversationParams = { conversationId: string };
const LIST_OPTIONS: readonly ODataOption[] = ['$top', '$skip', '$skiptoken', '$filter', '$orderby'];
const PARTICIPANT_FIELDS = ['participantId', 'userId', 'type', 'accountId', 'status', 'createdOn', 'createdBy'];
const MESSAGE_FIELDS = ['messageId', 'conversationId', 'accountId', 'contentType', 'body', 'fallbackText', 'tag', 'createdOn', 'createdBy'];
type ParticipantParams = ConversationParams & { participantId: string };
type MessageParams = ConversationParams & { messageId: string };

export function registerMemberRoutes(app: FastifyInstance, chat: ChatContext): void {
  const { state, store, servicePath } = chat;
  const base = (conversationId: string) => `${servicePath}/conversations/${conversationId}`;

  app.post('/conversations/:conversationId/participants', async (request, reply) => {
    const who = chat.caller(request);
    const { conversationId } = request.params as ConversationParams;
    const conversation = conversationOf(store, who, conversationId);
    const body = jsonObjectBody(request);
    if (!body) throw badRequest('MissingParamInRequest', 'participantId is required.');
    const participant = chat.participant(who, readParticipant(body));
    // CHOICE: any participant may add people; adding someone already present is 409.
    if (conversation.participants.some((known) => known.participantId === participant.participantId)) {
      throw conflict('ParticipantAlreadyExists', `'${participant.participantId}' already takes part.`);
    }
    conversation.participants.push(participant);
    conversation.modifiedOn = participant.createdOn;
    conversation.modifiedBy = who.principalId;
    const resource = toParticipantResource(conversation, participant, servicePath);
    publishChatEvent(state, who, conversation, {
      method: 'POST',
      subject: `/conversations/${conversationId}/participants/${participant.participantId}`,
      content: { ...resource },
      correlationId: request.id,
    });
    return reply.code(201).send(resource);
  });

  app.get('/conversations/:conversationId/participants', async (request) => {
    const { conversationId } = request.params as ConversationParams;
    const conversation = conversationOf(store, chat.caller(request), conversationId);
    const query = parseOData<ParticipantResource>(request.query, {
      allow: LIST_OPTIONS,
      fields: PARTICIPANT_FIELDS,
      key: (participant) => participant.participantId,
    });
    // In the order they joined, the creator first, unless $orderby says otherwise.
    const items = conversation.participants.map((participant) => toParticipantResource(conversation, participant, servicePath));
    return pageOf(items, query, `${base(conversationId)}/participants`);
  });

  app.get('/conversations/:conversationId/participants/:participantId', async (request) => {
    const { conversationId, participantId } = request.params as ParticipantParams;
    const conversation = conversationOf(store, chat.caller(request), conversationId);
    const participant = conversation.participants.find((known) => known.participantId === participantId);
    if (!participant) throw notFound('ParticipantNotFound', `'${participantId}' does not take part.`);
    return toParticipantResource(conversation, participant, servicePath);
  });

  app.post('/conversations/:conversationId/messages', async (request, reply) => {
    const who = chat.caller(request);
    const { conversationId } = request.params as ConversationParams;
    const conversation = conversationOf(store, who, conversationId);
    const wanted = readMessage(jsonObjectBody(request));
    const message: MessageRecord = {
      messageId: randomUUID(),
      conversationId,
      accountId: conversation.accountId,
      ...wanted,
      createdOn: chat.timestamp(),
      createdBy: who.principalId,
    };
    if (message.fallbackText === undefined) delete message.fallbackText;
    if (message.tag === undefined) delete message.tag;
    conversation.messages.push(message);
    const resource = toMessageResource(message, servicePath);
    publishChatEvent(state, who, conversation, {
      method: 'POST',
      subject: `/conversations/${conversationId}/messages/${message.messageId}`,
      content: { ...resource },
      correlationId: request.id,
    });
    // CHOICE: 201 Created, like POST /conversations; S-CHAT accepts anything up to 201.
    return reply.code(201).send(resource);
  });

  app.get('/conversations/:conversationId/messages', async (request) => {
    const { conversationId } = request.params as ConversationParams;
    const conversation = conversationOf(store, chat.caller(request), conversationId);
    const query = parseOData<MessageRecord>(request.query, {
      allow: LIST_OPTIONS,
      fields: MESSAGE_FIELDS,
      key: (message) => message.messageId,
    });
    return pageOf(newestFirst(conversation), query, `${base(conversationId)}/messages`, (message) => toMessageResource(message, servicePath));
  });

  app.get('/conversations/:conversationId/messages/:messageId', async (request) => {
    const { conversationId, messageId } = request.params as MessageParams;
    const conversation = conversationOf(store, chat.caller(request), conversationId);
    const message = conversation.messages.find((known) => known.messageId === messageId);
    if (!message) throw notFound('MessageNotFound', `No message '${messageId}' in this conversation.`);
    return toMessageResource(message, servicePath);
  });
}

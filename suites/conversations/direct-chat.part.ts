// Scenario "Direct chat": Mitel's chat sample (S-CHAT; docs/sources.md) as a
// test. Two users of one account, each with their own token, read their ids from GET /token; the
// first starts a conversation naming both, they talk, the first deletes it, and after that it is
// gone for both of them (sandbox/README.md "Chat": 200 with the deleted conversation, then 404).
import { itWrites, useCollection, type UserKey } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Conversation } from '../../types/conversations/conversation';
import type { Message } from '../../types/conversations/message';
import type { MessageCollection } from '../../types/conversations/message-collection';
import type { ParticipantCollection } from '../../types/conversations/participant-collection';
import { participantIdOf, postMessage, sendConversation, userIdOf } from './support';
import { conversations } from './collection';

const api = useCollection(conversations);
const BOTH: UserKey[] = ['primary', 'second'];

/** S-CHAT's POST /conversations, sent by the first user with the collection's own body. */
async function startDirectChat(user1: string, user2: string): Promise<Conversation> {
  const res = await sendConversation(api, { vars: { userId: user1, participantId: user2 }, as: 'primary' });
  expect(res.status).toBe(201);
  expect(res.body).toMatchSchema('conversations/conversation');
  return res.body;
}

describe('Scenario: direct chat', () => {
  itWrites('lets two users start a conversation, exchange a message and lose it for both once deleted', async () => {
    const user1 = await userIdOf(api, 'primary');
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startDirectChat(user1, user2);

    for (const as of BOTH) {
      const participants = await api.send<ParticipantCollection>('GET Participants', { vars: { conversationId }, as });
      expect(participants.status).toBe(200);
      expect(participants.body).toMatchSchema('conversations/participant-collection');
      expect(participants.body._embedded.items.map(participantIdOf)).toEqual([user1, user2]);
    }

    const sent = await postMessage(api, conversationId, 'Hi from user 1', 'primary');
    const read = await api.send<MessageCollection>('GET Messages', { vars: { conversationId }, as: 'second' });
    expect(read.status).toBe(200);
    expect(read.body).toMatchSchema('conversations/message-collection');
    expect(read.body._embedded.items.map((m) => [m.messageId, m.body, m.createdBy])).toEqual([[sent.messageId, 'Hi from user 1', user1]]);

    const deleted = await api.send<Conversation>('DELETE Conversation', { vars: { conversationId }, as: 'primary' });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchSchema('conversations/conversation');
    expect(deleted.body.conversationId).toBe(conversationId);

    for (const as of BOTH) {
      for (const name of ['GET Conversation', 'GET Messages'] as const) {
        const gone = await api.send<PlatformError>(name, { vars: { conversationId }, as });
        expect(gone.status).toBe(404);
        expect(gone.body).toMatchSchema('_shared/error');
        expect({ as, name, error: gone.body.name }).toEqual({ as, name, error: 'ConversationNotFound' });
      }
    }
  });

  itWrites('lets the second user answer, and both read the two messages newest first', async () => {
    const user1 = await userIdOf(api, 'primary');
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startDirectChat(user1, user2);
    await postMessage(api, conversationId, 'Hi from user 1', 'primary');
    await postMessage(api, conversationId, 'Hi from user 2', 'second');

    for (const as of BOTH) {
      const read = await api.send<MessageCollection>('GET Messages', { vars: { conversationId }, as });
      expect(read.status).toBe(200);
      expect(read.body).toMatchSchema('conversations/message-collection');
      expect(read.body._embedded.items.map((m) => m.createdBy)).toEqual([user2, user1]);
    }
  });

  itWrites('shows either user the conversation with both participants and the newest message embedded', async () => {
    const user1 = await userIdOf(api, 'primary');
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startDirectChat(user1, user2);
    const sent = await postMessage(api, conversationId, 'Hi from user 1', 'primary');

    const seen = await api.send<Conversation>('GET Conversation', { vars: { conversationId }, as: 'second' });

    expect(seen.status).toBe(200);
    expect(seen.body).toMatchSchema('conversations/conversation');
    expect(seen.body._embedded?.participants?._embedded.items.map(participantIdOf)).toEqual([user1, user2]);
    expect(seen.body._embedded?.messages?._embedded.items.map((m: Message) => m.messageId)).toEqual([sent.messageId]);
  });

  itWrites('accepts the second user’s bare token, without "Bearer", as the sample sends it', async () => {
    const user1 = await userIdOf(api, 'primary');
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startDirectChat(user1, user2);

    const sent = await api.send<Message>('POST Message', {
      vars: { conversationId, messageBody: 'Hi from user 2' },
      headers: { authorization: '{{access_token2}}' },
    });

    expect(sent.status).toBe(201);
    expect(sent.body).toMatchSchema('conversations/message');
    expect(sent.body.createdBy).toBe(user2);
  });
});

// Scenario "OData paging": a client that follows `_links.next` with a small $top must meet every item
// exactly once. CloudLink collections are HAL pages whose `next` repeats $skip/$top/$filter (the
// legacy chat API's own example is a messages link, RN-APP); how big a page may be and in what
// order items come are undocumented (sandbox/README.md "Platform" and "Chat"), so each walk is
// checked against what the test itself created, not against page sizes or counts it cannot know.
import { type ApiResponse, itWrites, useCollection } from '../../harness';
import type { Conversation } from '../../types/conversations/conversation';
import type { ConversationCollection } from '../../types/conversations/conversation-collection';
import type { MessageCollection } from '../../types/conversations/message-collection';
import type { ParticipantCollection } from '../../types/conversations/participant-collection';
import { conversationName, participantIdOf, postMessage, startConversation, userIdOf } from './support';
import { conversations } from './collection';

const api = useCollection(conversations);

describe('Scenario: OData paging', () => {
  itWrites('walks the caller’s conversations two at a time to the end, none lost or repeated', async () => {
    // A name of its own keeps the walk to this test's conversations while other tests run.
    const name = 'OData paging walk';
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await startConversation(api, { name })).conversationId);

    const first = await api.send<ConversationCollection>('GET Conversations', { query: { $filter: `name eq '${conversationName(name)}'`, $top: '2' } });
    const pages = await api.walk('GET Conversations', first, { schema: 'conversations/conversation-collection', maxPages: 5 });

    const walked = pages.flat().map((c) => c.conversationId);
    expect(pages.map((items) => items.length)).toEqual([2, 2, 1]);
    expect(new Set(walked).size).toBe(walked.length);
    expect([...walked].sort()).toEqual([...created].sort());
  });

  itWrites('walks a conversation’s messages two at a time, newest first, none lost or repeated', async () => {
    const { conversationId } = await startConversation(api);
    const texts = ['message 1', 'message 2', 'message 3', 'message 4', 'message 5'];
    for (const text of texts) await postMessage(api, conversationId, text);

    const first = await api.send<MessageCollection>('GET Messages', { vars: { conversationId }, query: { $top: '2' } });
    const pages = await api.walk('GET Messages', first, { schema: 'conversations/message-collection', maxPages: 5 });

    expect(pages.map((items) => items.map((m) => m.body))).toEqual([['message 5', 'message 4'], ['message 3', 'message 2'], ['message 1']]);
  });

  itWrites('follows the next link of the messages embedded in a conversation to the oldest one', async () => {
    const { conversationId } = await startConversation(api);
    for (const text of ['message 1', 'message 2', 'message 3']) await postMessage(api, conversationId, text);
    const conversation = await api.send<Conversation>('GET Conversation', { vars: { conversationId } });
    expect(conversation.status).toBe(200);
    expect(conversation.body).toMatchSchema('conversations/conversation');
    const embedded = conversation.body._embedded?.messages;
    if (!embedded) throw new Error('GET Conversation embedded no messages.');

    const first: ApiResponse<MessageCollection> = { ...conversation, body: embedded };
    const pages = await api.walk('GET Messages', first, { schema: 'conversations/message-collection', maxPages: 5 });

    expect(pages.flat().map((m) => m.body)).toEqual(['message 3', 'message 2', 'message 1']);
  });

  itWrites('walks a conversation’s participants one at a time in the order they joined', async () => {
    const user1 = await userIdOf(api, 'primary');
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api, { participants: [user2] });

    const first = await api.send<ParticipantCollection>('GET Participants', { vars: { conversationId }, query: { $top: '1' } });
    const pages = await api.walk('GET Participants', first, { schema: 'conversations/participant-collection', maxPages: 3 });

    expect(pages.map((items) => items.map(participantIdOf))).toEqual([[user1], [user2]]);
  });
});

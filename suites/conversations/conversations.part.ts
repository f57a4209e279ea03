// Conversations themselves: start, list, read and delete (S-CHAT POST and DELETE, legacy GET list
// and read, RN-APP). Where no public source says how the service answers, the expectations are the
// sandbox's documented choices (sandbox/README.md "Chat"): 201 on create, the creator always a
// participant, 200 with the deleted conversation, 404 for what the caller cannot see.
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Conversation } from '../../types/conversations/conversation';
import type { ConversationCollection } from '../../types/conversations/conversation-collection';
import { conversationBody, conversationName, participantIdOf, sendConversation, startConversation, userIdOf } from './support';
import { conversations } from './collection';

const api = useCollection(conversations);

// Fixed, so replayed requests equal the recorded ones; no conversation has this id.
const UNKNOWN_ID = 'f3a9c2d1-7b4e-4c8a-9e6f-2d1b0a9c8e7f';

describe('POST Conversation', () => {
  itWrites('returns 201 with the conversation and the caller as its first participant', async () => {
    const user1 = await userIdOf(api, 'primary');
    const user2 = await userIdOf(api, 'second');

    const res = await sendConversation(api, { vars: { userId: user1, participantId: user2 } });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('conversations/conversation');
    expect(res.body.createdBy).toBe(user1);
    expect(res.body._embedded?.participants?._embedded.items.map(participantIdOf)).toEqual([user1, user2]);
  });

  itWrites('adds the creator even when originalParticipants leaves them out', async () => {
    const user1 = await userIdOf(api, 'primary');
    const user2 = await userIdOf(api, 'second');

    const res = await sendConversation(api, { json: conversationBody({ participants: [user2] }) });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('conversations/conversation');
    expect(res.body._embedded?.participants?._embedded.items.map(participantIdOf)).toEqual([user1, user2]);
  });

  itWrites('rejects originalParticipants that is not a list with 400 naming the field', async () => {
    const res = await sendConversation(api, { json: { ...conversationBody(), originalParticipants: 'everyone' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.message).toContain('originalParticipants');
  });

  itWrites('rejects a participant without participantId with 400 naming the field', async () => {
    const res = await sendConversation(api, { json: { ...conversationBody(), originalParticipants: [{ type: 'USER' }] } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.message).toContain('participantId');
  });

  itWrites('rejects a participant who is no user of the account with 404 UserNotFound', async () => {
    const res = await sendConversation(api, { json: conversationBody({ participants: [UNKNOWN_ID] }) });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('UserNotFound');
  });
});

describe('GET Conversations', () => {
  itWrites('lists the caller’s conversation, found with $filter on its name', async () => {
    const { conversationId } = await startConversation(api, { name: 'GET Conversations lists it' });

    const res = await api.send<ConversationCollection>('GET Conversations', {
      query: { $filter: `name eq '${conversationName('GET Conversations lists it')}' and stream eq false` },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/conversation-collection');
    expect(res.body._embedded.items.map((c) => c.conversationId)).toEqual([conversationId]);
  });

  itWrites('does not list a conversation to a user who takes no part in it', async () => {
    await startConversation(api, { name: 'GET Conversations hides it' });

    const res = await api.send<ConversationCollection>('GET Conversations', {
      query: { $filter: `name eq '${conversationName('GET Conversations hides it')}'` },
      as: 'second',
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/conversation-collection');
    expect(res.body.count).toBe(0);
  });

  itWrites('orders the list with $orderby', async () => {
    const first = await startConversation(api, { name: 'Orderby A' });
    const second = await startConversation(api, { name: 'Orderby B' });

    const res = await api.send<ConversationCollection>('GET Conversations', {
      query: { $filter: `name eq '${conversationName('Orderby A')}' or name eq '${conversationName('Orderby B')}'`, $orderby: 'name desc' },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/conversation-collection');
    expect(res.body._embedded.items.map((c) => c.conversationId)).toEqual([second.conversationId, first.conversationId]);
  });

  it('rejects a request without a token with 401', async () => {
    const res = await api.send<PlatformError>('GET Conversations', { as: 'none' });

    expect(res.status).toBe(401);
    expect(res.body).toMatchSchema('_shared/error');
  });

  it('rejects $top=0 with 400 UnsupportedQueryParameters', async () => {
    const res = await api.send<PlatformError>('GET Conversations', { query: { $top: '0' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('UnsupportedQueryParameters');
  });

  it('rejects a $filter on a field conversations do not have with 400 naming it', async () => {
    const res = await api.send<PlatformError>('GET Conversations', { query: { $filter: "colour eq 'blue'" } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.message).toContain('colour');
  });
});

describe('GET Conversation', () => {
  itWrites('returns 200 with the conversation the caller started', async () => {
    const started = await startConversation(api, { name: 'GET Conversation reads it' });

    const res = await api.send<Conversation>('GET Conversation', { vars: { conversationId: started.conversationId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/conversation');
    expect(res.body).toMatchObject({ conversationId: started.conversationId, name: conversationName('GET Conversation reads it') });
  });

  itWrites('answers 404 ConversationNotFound for an unknown id', async () => {
    const res = await api.send<PlatformError>('GET Conversation', { vars: { conversationId: UNKNOWN_ID } });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('ConversationNotFound');
  });
});

describe('DELETE Conversation', () => {
  itWrites('returns 200 with the deleted conversation, which is then 404', async () => {
    const { conversationId } = await startConversation(api);

    const res = await api.send<Conversation>('DELETE Conversation', { vars: { conversationId } });
    const after = await api.send<PlatformError>('GET Conversation', { vars: { conversationId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/conversation');
    expect(res.body.conversationId).toBe(conversationId);
    expect(after.status).toBe(404);
    expect(after.body).toMatchSchema('_shared/error');
  });

  itWrites('refuses a participant who neither started it nor is an admin with 403 InsufficientPermissions', async () => {
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api, { participants: [user2] });

    const res = await api.send<PlatformError>('DELETE Conversation', { vars: { conversationId }, as: 'second' });

    expect(res.status).toBe(403);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('InsufficientPermissions');
  });

  itWrites('answers 404 ConversationNotFound for an unknown id', async () => {
    const res = await api.send<PlatformError>('DELETE Conversation', { vars: { conversationId: UNKNOWN_ID } });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('ConversationNotFound');
  });
});

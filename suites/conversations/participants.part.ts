// Who takes part in a conversation: adding someone (legacy POST …/participants, RN-APP), listing
// and reading participants, and what a user who takes no part meets. The harness has tokens for two
// users only (primary, second), so "someone else" is always the second user kept out of a
// conversation the primary started alone. Statuses no public source gives are the sandbox's
// documented choices (sandbox/README.md "Chat"): 201, 409 on a repeat, and 404 ConversationNotFound
// for a non-participant, as if the conversation did not exist.
import { itWrites, type SendOptions, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Conversation } from '../../types/conversations/conversation';
import type { Participant } from '../../types/conversations/participant';
import type { ParticipantCollection } from '../../types/conversations/participant-collection';
import { participantIdOf, startConversation, userIdOf } from './support';
import { conversations } from './collection';

const api = useCollection(conversations);

// Fixed, so replayed requests equal the recorded ones; no user has this id.
const UNKNOWN_USER = '6b1d4e7a-2c9f-4a3b-8e5d-0f7c9a1b2d3e';

describe('POST Participant', () => {
  itWrites('returns 201 with the added user, who can then read the conversation', async () => {
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api);

    const res = await api.send<Participant>('POST Participant', { vars: { conversationId, participantId: user2 } });
    const seen = await api.send<Conversation>('GET Conversation', { vars: { conversationId }, as: 'second' });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('conversations/participant');
    expect(participantIdOf(res.body)).toBe(user2);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchSchema('conversations/conversation');
  });

  itWrites('answers 409 ParticipantAlreadyExists for someone already taking part', async () => {
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api, { participants: [user2] });

    const res = await api.send<PlatformError>('POST Participant', { vars: { conversationId, participantId: user2 } });

    expect(res.status).toBe(409);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('ParticipantAlreadyExists');
  });

  itWrites('answers 404 UserNotFound for an id that is no user of the account', async () => {
    const { conversationId } = await startConversation(api);

    const res = await api.send<PlatformError>('POST Participant', { vars: { conversationId, participantId: UNKNOWN_USER } });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('UserNotFound');
  });

  itWrites('rejects a body without participantId with 400 naming the field', async () => {
    const { conversationId } = await startConversation(api);

    const res = await api.send<PlatformError>('POST Participant', { vars: { conversationId }, json: { type: 'USER' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.message).toContain('participantId');
  });
});

describe('GET Participants', () => {
  itWrites('returns 200 with the participants in the order they joined, the creator first', async () => {
    const user1 = await userIdOf(api, 'primary');
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api, { participants: [user2] });

    const res = await api.send<ParticipantCollection>('GET Participants', { vars: { conversationId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/participant-collection');
    expect(res.body._embedded.items.map(participantIdOf)).toEqual([user1, user2]);
  });

  itWrites('pages with $top and links the next page', async () => {
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api, { participants: [user2] });

    const res = await api.send<ParticipantCollection>('GET Participants', { vars: { conversationId }, query: { $top: '1' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/participant-collection');
    expect(res.body.count).toBe(1);
    expect(res.body._links.next).toEqual(expect.any(String));
  });
});

describe('GET Participant', () => {
  itWrites('returns 200 with one participant', async () => {
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api, { participants: [user2] });

    const res = await api.send<Participant>('GET Participant', { vars: { conversationId, participantId: user2 } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/participant');
    expect(res.body).toMatchObject({ conversationId, status: 'ACCEPTED' });
  });

  itWrites('answers 404 ParticipantNotFound for a user who takes no part', async () => {
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api);

    const res = await api.send<PlatformError>('GET Participant', { vars: { conversationId, participantId: user2 } });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('ParticipantNotFound');
  });
});

describe('Non-participant access', () => {
  // Every conversation route, as the second user, on a conversation the primary started alone.
  const attempts: Array<
    [string, 'GET Conversation' | 'GET Participants' | 'GET Messages' | 'POST Message' | 'POST Participant' | 'DELETE Conversation', SendOptions]
  > = [
    ['reading it', 'GET Conversation', {}],
    ['listing its participants', 'GET Participants', {}],
    ['reading its messages', 'GET Messages', {}],
    ['posting a message to it', 'POST Message', { vars: { messageBody: 'Let me in' } }],
    ['adding themselves to it', 'POST Participant', {}],
    ['deleting it', 'DELETE Conversation', {}],
  ];

  itWrites.each(attempts)('is refused %s with 404 ConversationNotFound', async (_what, name, options) => {
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api);

    const res = await api.send<PlatformError>(name, {
      ...options,
      vars: { conversationId, participantId: user2, ...options.vars },
      as: 'second',
    });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('ConversationNotFound');
  });
});

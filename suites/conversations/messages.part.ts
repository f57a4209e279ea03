// Messages: posting (S-CHAT `{body, contentType}`; a `tag` as a WhatsApp bridge sends it, WA-BOT;
// action cards with a JSON-string body and fallbackText as a bot sends them, DF-BOT), listing and
// reading (legacy API, RN-APP). The list order is undocumented: the sandbox lists the newest
// message first, as Media lists conferences ("most recent first", MEDIA-SPEC), and the tests below
// pin that choice (sandbox/README.md "Chat").
import { itWrites, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Message } from '../../types/conversations/message';
import type { MessageCollection } from '../../types/conversations/message-collection';
import { postMessage, startConversation, userIdOf } from './support';
import { conversations } from './collection';

const api = useCollection(conversations);

const ACTION_CARD = 'application/vnd.mitel.action-card';
// Fixed, so replayed requests equal the recorded ones; no message has this id.
const UNKNOWN_ID = '9c4e2a7b-1d3f-4b6a-8c5e-7f0a2b4d6e8c';

describe('POST Message', () => {
  itWrites('returns 201 with the message, posted by the caller', async () => {
    const user1 = await userIdOf(api, 'primary');
    const { conversationId } = await startConversation(api);

    const res = await api.send<Message>('POST Message', { vars: { conversationId, messageBody: 'Hello World!' } });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('conversations/message');
    expect(res.body).toMatchObject({ conversationId, body: 'Hello World!', contentType: 'text/plain', createdBy: user1 });
  });

  itWrites('keeps the tag a sender attaches', async () => {
    const { conversationId } = await startConversation(api);

    const res = await api.send<Message>('POST Message', {
      vars: { conversationId },
      json: { body: 'Tagged', contentType: 'text/plain', tag: 'whatsapp' },
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('conversations/message');
    expect(res.body.tag).toBe('whatsapp');
  });

  itWrites('accepts an action card whose body is a JSON object in a string, with fallbackText', async () => {
    const { conversationId } = await startConversation(api);
    const card = JSON.stringify({ title: 'Pick one', actions: [{ type: 'postBack', title: 'Yes' }] });

    const res = await api.send<Message>('POST Message', {
      vars: { conversationId },
      json: { body: card, contentType: ACTION_CARD, fallbackText: 'Pick one: Yes' },
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('conversations/message');
    expect(res.body).toMatchObject({ body: card, contentType: ACTION_CARD, fallbackText: 'Pick one: Yes' });
  });

  itWrites.each([
    ['body is missing', { contentType: 'text/plain' }, 'body'],
    ['contentType is not one the service takes', { body: 'Hi', contentType: 'text/html' }, 'contentType'],
    ['an action card has no fallbackText', { body: '{"title":"Pick one"}', contentType: ACTION_CARD }, 'fallbackText'],
  ])('rejects a message whose %s with 400 naming the field', async (_why, json, field) => {
    const { conversationId } = await startConversation(api);

    const res = await api.send<PlatformError>('POST Message', { vars: { conversationId }, json });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.message).toContain(field);
  });

  itWrites('answers 404 ConversationNotFound for an unknown conversation', async () => {
    const res = await api.send<PlatformError>('POST Message', { vars: { conversationId: UNKNOWN_ID, messageBody: 'Anyone?' } });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('ConversationNotFound');
  });
});

describe('GET Messages', () => {
  itWrites('returns 200 with the messages newest first', async () => {
    const { conversationId } = await startConversation(api);
    for (const text of ['first', 'second', 'third']) await postMessage(api, conversationId, text);

    const res = await api.send<MessageCollection>('GET Messages', { vars: { conversationId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/message-collection');
    expect(res.body._embedded.items.map((m) => m.body)).toEqual(['third', 'second', 'first']);
  });

  itWrites('pages with $top: the first page holds the newest messages and links the next', async () => {
    const { conversationId } = await startConversation(api);
    for (const text of ['first', 'second', 'third']) await postMessage(api, conversationId, text);

    const res = await api.send<MessageCollection>('GET Messages', { vars: { conversationId }, query: { $top: '2' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/message-collection');
    expect(res.body._embedded.items.map((m) => m.body)).toEqual(['third', 'second']);
    expect(res.body._links.next).toEqual(expect.any(String));
  });

  itWrites('selects one sender’s messages with $filter on createdBy', async () => {
    const user2 = await userIdOf(api, 'second');
    const { conversationId } = await startConversation(api, { participants: [user2] });
    await postMessage(api, conversationId, 'from user 1', 'primary');
    await postMessage(api, conversationId, 'from user 2', 'second');

    const res = await api.send<MessageCollection>('GET Messages', {
      vars: { conversationId },
      query: { $filter: `createdBy eq '${user2}'` },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/message-collection');
    expect(res.body._embedded.items.map((m) => m.body)).toEqual(['from user 2']);
  });
});

describe('GET Message', () => {
  itWrites('returns 200 with one message', async () => {
    const { conversationId } = await startConversation(api);
    const sent = await postMessage(api, conversationId, 'Read me');

    const res = await api.send<Message>('GET Message', { vars: { conversationId, messageId: sent.messageId } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('conversations/message');
    expect(res.body).toMatchObject({ messageId: sent.messageId, body: 'Read me' });
  });

  itWrites('answers 404 MessageNotFound for an unknown id', async () => {
    const { conversationId } = await startConversation(api);

    const res = await api.send<PlatformError>('GET Message', { vars: { conversationId, messageId: UNKNOWN_ID } });

    expect(res.status).toBe(404);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('MessageNotFound');
  });
});

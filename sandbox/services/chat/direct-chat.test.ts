// Mitel's direct-chat sample (S-CHAT) end to end: two users of one account start a conversation,
// each sends a message with the bare token the sample sends, and the first deletes it.
import { login, testSandbox, type TestSandbox } from '../../test-support';

const CHAT = '/chat/2017-09-01';

let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await testSandbox();
});
afterEach(() => sandbox.close());

/** As S-CHAT sends it: JSON, the raw token as Authorization, no "Bearer". */
function sampleCall(method: string, path: string, token: string, body?: unknown) {
  return sandbox.send({
    method,
    url: `${CHAT}${path}`,
    headers: { 'content-type': 'application/json', authorization: token },
    payload: body === undefined ? undefined : JSON.stringify(body),
  });
}

describe('the S-CHAT direct chat', () => {
  it('lets two users talk, then deletes the conversation for both', async () => {
    const token1 = (await login(sandbox, 'primary')).access_token;
    const token2 = (await login(sandbox, 'second')).access_token;
    const [user1, user2] = [sandbox.user('primary'), sandbox.user('second')];

    const started = await sampleCall('POST', '/conversations', token1, {
      stream: false,
      hidden: true,
      generateSystemMessages: false,
      originalParticipants: [
        { type: 'USER', participantId: user1.userId },
        { type: 'USER', participantId: user2.userId },
      ],
    });
    expect(started.statusCode).toBe(201);
    const { conversationId } = started.json<{ conversationId: string }>();
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);

    const message1 = await sampleCall('POST', `/conversations/${conversationId}/messages`, token1, {
      body: `Hi from ${user1.username}`,
      contentType: 'text/plain',
    });
    const message2 = await sampleCall('POST', `/conversations/${conversationId}/messages`, token2, {
      body: `Hi from ${user2.username}`,
      contentType: 'text/plain',
    });
    expect([message1.statusCode, message2.statusCode]).toEqual([201, 201]);
    expect(message2.json()).toMatchObject({ conversationId, createdBy: user2.userId, body: `Hi from ${user2.username}` });

    // Each side reads what the other wrote, newest first.
    for (const token of [token1, token2]) {
      const list = await sampleCall('GET', `/conversations/${conversationId}/messages`, token);
      expect(list.json<{ _embedded: { items: Array<{ createdBy: string }> } }>()._embedded.items.map((m) => m.createdBy)).toEqual([user2.userId, user1.userId]);
    }

    // The sample deletes with a Content-Type but no body, and parses JSON from the answer.
    const deleted = await sampleCall('DELETE', `/conversations/${conversationId}`, token1);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ conversationId, accountId: user1.accountId });

    for (const token of [token1, token2]) {
      for (const path of [`/conversations/${conversationId}`, `/conversations/${conversationId}/messages`]) {
        const gone = await sampleCall('GET', path, token);
        expect({ path, status: gone.statusCode, name: gone.json().name }).toEqual({ path, status: 404, name: 'ConversationNotFound' });
      }
    }
    const late = await sampleCall('POST', `/conversations/${conversationId}/messages`, token2, { body: 'anyone?' });
    expect(late.statusCode).toBe(404);
  });

  it('shows the conversation to both users with its participants and newest message embedded', async () => {
    const token1 = (await login(sandbox, 'primary')).access_token;
    const token2 = (await login(sandbox, 'second')).access_token;
    const user2 = sandbox.user('second');
    const { conversationId } = (
      await sampleCall('POST', '/conversations', token1, {
        originalParticipants: [{ type: 'USER', participantId: user2.userId }],
      })
    ).json<{ conversationId: string }>();
    await sampleCall('POST', `/conversations/${conversationId}/messages`, token1, { body: 'one', contentType: 'text/plain' });
    await sampleCall('POST', `/conversations/${conversationId}/messages`, token1, { body: 'two', contentType: 'text/plain' });

    const seen = await sampleCall('GET', `/conversations/${conversationId}`, token2);
    expect(seen.statusCode).toBe(200);
    const body = seen.json<{
      _embedded: { participants: { count: number }; messages: { count: number; _links: { next?: string }; _embedded: { items: Array<{ body: string }> } } };
    }>();
    expect(body._embedded.participants.count).toBe(2);
    expect(body._embedded.messages._embedded.items.map((m) => m.body)).toEqual(['two']);
    expect(body._embedded.messages._links.next).toBe(`${CHAT}/conversations/${conversationId}/messages?$skip=1&$top=1`);
  });
});

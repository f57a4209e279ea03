// Messages: the resource POST answers, content types, paging newest first, and the events chat
// publishes for the notifications service.
import type { Publication } from '../../platform/events';
import { bearer, login, testSandbox, type TestSandbox } from '../../test-support';

const CHAT = '/chat/2017-09-01';

let sandbox: TestSandbox;
let token: string;
let conversationId: string;
beforeEach(async () => {
  sandbox = await testSandbox();
  token = (await login(sandbox, 'primary')).access_token;
  conversationId = (
    await post('/conversations', {
      originalParticipants: [{ type: 'USER', participantId: sandbox.user('second').userId }],
    })
  ).json<{ conversationId: string }>().conversationId;
});
afterEach(() => sandbox.close());

function post(path: string, body: unknown) {
  return sandbox.send({
    method: 'POST',
    url: `${CHAT}${path}`,
    headers: { ...bearer(token), 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}
const get = (path: string) => sandbox.send({ method: 'GET', url: `${CHAT}${path}`, headers: bearer(token) });
const messagesOf = () => `/conversations/${conversationId}/messages`;

describe('POST /conversations/{id}/messages', () => {
  it('answers 201 with the message resource, tag included', async () => {
    const response = await post(messagesOf(), { body: 'Hello World!', contentType: 'text/plain', tag: 'greeting' });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ messageId: string }>();
    expect(body).toMatchObject({
      conversationId,
      accountId: sandbox.user('primary').accountId,
      contentType: 'text/plain',
      body: 'Hello World!',
      tag: 'greeting',
      createdOn: '2025-01-15T12:00:00.000Z',
      createdBy: sandbox.user('primary').userId,
      _links: { self: `${CHAT}${messagesOf()}/${body.messageId}` },
    });
    expect((await get(`${messagesOf()}/${body.messageId}`)).json()).toEqual(body);
  });

  it('takes an action card with a JSON-string body and fallbackText, and refuses one without', async () => {
    const card = { body: JSON.stringify({ title: 'Order' }), contentType: 'application/vnd.mitel.action-card', fallbackText: 'Order' };
    expect((await post(messagesOf(), card)).statusCode).toBe(201);
    const noFallback = await post(messagesOf(), { ...card, fallbackText: undefined });
    const notJson = await post(messagesOf(), { ...card, body: 'not json' });
    expect([noFallback.statusCode, notJson.statusCode]).toEqual([400, 400]);
    expect(noFallback.json()).toMatchObject({ name: 'MissingParamInRequest', message: expect.stringContaining('fallbackText') });
  });

  it('answers 400 without a body, and for an unknown content type', async () => {
    const empty = await post(messagesOf(), {});
    const html = await post(messagesOf(), { body: '<b>x</b>', contentType: 'text/html' });
    expect([empty.statusCode, empty.json().name, html.statusCode]).toEqual([400, 'MissingParamInRequest', 400]);
  });
});

describe('GET /conversations/{id}/messages', () => {
  it('pages newest first, the next link re-encoding the query', async () => {
    for (const text of ['one', 'two', 'three']) await post(messagesOf(), { body: text, contentType: 'text/plain' });
    const first = (await get(`${messagesOf()}?$top=2`)).json<{ count: number; _links: { next?: string }; _embedded: { items: Array<{ body: string }> } }>();
    expect(first._embedded.items.map((m) => m.body)).toEqual(['three', 'two']);
    expect(first._links.next).toBe(`${CHAT}${messagesOf()}?$skip=2&$top=2`);
    const second = (await get((first._links.next ?? '').replace(CHAT, ''))).json<{
      _links: { next?: string };
      _embedded: { items: Array<{ body: string }> };
    }>();
    expect(second._embedded.items.map((m) => m.body)).toEqual(['one']);
    expect(second._links.next).toBeUndefined();
  });

  it('filters on message fields', async () => {
    await post(messagesOf(), { body: 'plain', contentType: 'text/plain' });
    await post(messagesOf(), { body: 'tagged', contentType: 'text/plain', tag: 'x' });
    const response = await get(`${messagesOf()}?$filter=${encodeURIComponent("tag eq 'x'")}`);
    expect(response.json<{ _embedded: { items: Array<{ body: string }> } }>()._embedded.items.map((m) => m.body)).toEqual(['tagged']);
    expect(response.json<{ _links: { self: string } }>()._links.self).toContain(`$filter=${encodeURIComponent("tag eq 'x'")}`);
  });
});

describe('chat events', () => {
  it('publishes creation, messages and deletion on platform-api-conversations for the participants', async () => {
    const seen: Publication[] = [];
    sandbox.state.events.subscribe((publication) => void seen.push(publication));
    const { messageId } = (await post(messagesOf(), { body: 'hi', contentType: 'text/plain' })).json<{ messageId: string }>();
    await sandbox.send({ method: 'DELETE', url: `${CHAT}/conversations/${conversationId}`, headers: bearer(token) });

    expect(seen.map((p) => [p.topic, p.method, p.subject])).toEqual([
      ['platform-api-conversations', 'POST', `/conversations/${conversationId}/messages/${messageId}`],
      ['platform-api-conversations', 'DELETE', `/conversations/${conversationId}`],
    ]);
    expect(seen[0]).toMatchObject({
      content: { messageId, body: 'hi' },
      publisher: { accountId: sandbox.user('primary').accountId, principalId: sandbox.user('primary').userId },
      principalFilter: [sandbox.user('primary').userId, sandbox.user('second').userId],
    });
    expect(seen[0]?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

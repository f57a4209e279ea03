// Conversations: what POST answers, what the list holds, and who may read, add to or delete one.
import { MAIN_ACCOUNT_ID } from '../../seed';
import { bearer, login, testSandbox, type TestSandbox } from '../../test-support';

const CHAT = '/chat/2017-09-01';

let sandbox: TestSandbox;
const tokens: Record<string, string> = {};
beforeEach(async () => {
  sandbox = await testSandbox();
  for (const key of ['primary', 'second', 'user'] as const) tokens[key] = (await login(sandbox, key)).access_token;
});
afterEach(() => sandbox.close());

function call(method: string, path: string, who: string, body?: unknown) {
  const headers: Record<string, string> = { ...bearer(tokens[who] ?? '') };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return sandbox.send({ method, url: `${CHAT}${path}`, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
}

async function startWith(creator: string, others: string[], extra: Record<string, unknown> = {}): Promise<string> {
  const response = await call('POST', '/conversations', creator, {
    ...extra,
    originalParticipants: others.map((key) => ({ type: 'USER', participantId: sandbox.user(key as 'second').userId })),
  });
  if (response.statusCode !== 201) throw new Error(`POST /conversations answered ${response.statusCode}: ${response.body}`);
  return response.json<{ conversationId: string }>().conversationId;
}

describe('POST /conversations', () => {
  it('answers 201 with the conversation resource, the creator taking part first', async () => {
    const response = await call('POST', '/conversations', 'primary', {
      name: 'Project',
      stream: false,
      hidden: true,
      originalParticipants: [{ type: 'USER', participantId: sandbox.user('second').userId }],
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{
      conversationId: string;
      _embedded: { participants: { _embedded: { items: Array<{ participantId: string; status: string }> } } };
    }>();
    expect(body).toMatchObject({
      accountId: MAIN_ACCOUNT_ID,
      name: 'Project',
      visibility: 'PRIVATE',
      stream: false,
      hidden: true,
      generateSystemMessages: false,
      createdBy: sandbox.user('primary').userId,
      _links: { self: `${CHAT}/conversations/${body.conversationId}` },
    });
    expect(body._embedded.participants._embedded.items.map((p) => [p.participantId, p.status])).toEqual([
      [sandbox.user('primary').userId, 'ACCEPTED'],
      [sandbox.user('second').userId, 'ACCEPTED'],
    ]);
  });

  it('answers 404 UserNotFound for a participant outside the account and 400 for wrong types', async () => {
    const stranger = await call('POST', '/conversations', 'primary', { originalParticipants: [{ type: 'USER', participantId: 'nobody' }] });
    const wrongType = await call('POST', '/conversations', 'primary', { stream: 'no' });
    const wrongKind = await call('POST', '/conversations', 'primary', { originalParticipants: [{ type: 'BOT', participantId: 'x' }] });
    expect([stranger.statusCode, wrongType.statusCode, wrongKind.statusCode]).toEqual([404, 400, 400]);
    expect([stranger.json().name, wrongType.json().name]).toEqual(['UserNotFound', 'InvalidRequest']);
  });

  it('answers 401 without a token', async () => {
    const response = await sandbox.send({ method: 'POST', url: `${CHAT}/conversations`, headers: { 'content-type': 'application/json' }, payload: '{}' });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /conversations', () => {
  it('lists only the caller’s conversations and filters with $filter', async () => {
    const direct = await startWith('primary', ['second']);
    const streamed = await startWith('primary', [], { stream: true });
    await startWith('user', []);

    const all = (await call('GET', '/conversations', 'primary')).json<{ count: number; _embedded: { items: Array<{ conversationId: string }> } }>();
    expect(all._embedded.items.map((c) => c.conversationId)).toEqual([direct, streamed]);
    const forSecond = (await call('GET', '/conversations', 'second')).json<{ _embedded: { items: Array<{ conversationId: string }> } }>();
    expect(forSecond._embedded.items.map((c) => c.conversationId)).toEqual([direct]);

    const filtered = await call('GET', `/conversations?$filter=${encodeURIComponent('stream eq false')}`, 'primary');
    expect(filtered.statusCode).toBe(200);
    expect(filtered.json<{ _embedded: { items: Array<{ conversationId: string }> } }>()._embedded.items.map((c) => c.conversationId)).toEqual([direct]);
  });

  it('pages with $top and $skip', async () => {
    for (let i = 0; i < 3; i += 1) await startWith('primary', []);
    const first = (await call('GET', '/conversations?$top=2', 'primary')).json<{ count: number; _links: { next?: string } }>();
    expect(first).toMatchObject({ count: 2, _links: { next: `${CHAT}/conversations?$skip=2&$top=2` } });
  });
});

describe('who may reach a conversation', () => {
  it('hides it from a user of the same account who does not take part (404)', async () => {
    const id = await startWith('primary', ['second']);
    for (const [method, path, body] of [
      ['GET', `/conversations/${id}`, undefined],
      ['GET', `/conversations/${id}/messages`, undefined],
      ['POST', `/conversations/${id}/messages`, { body: 'hi' }],
      ['DELETE', `/conversations/${id}`, undefined],
    ] as const) {
      const response = await call(method, path, 'user', body);
      expect({ method, path, status: response.statusCode }).toEqual({ method, path, status: 404 });
    }
  });

  it('lets a participant add someone, who can then read it; twice is 409', async () => {
    const id = await startWith('primary', ['second']);
    const added = await call('POST', `/conversations/${id}/participants`, 'second', { participantId: sandbox.user('user').userId, type: 'USER' });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ participantId: sandbox.user('user').userId, conversationId: id, status: 'ACCEPTED' });
    expect((await call('GET', `/conversations/${id}`, 'user')).statusCode).toBe(200);
    const participants = (await call('GET', `/conversations/${id}/participants`, 'user')).json<{ count: number }>();
    expect(participants.count).toBe(3);
    const again = await call('POST', `/conversations/${id}/participants`, 'primary', { participantId: sandbox.user('user').userId });
    expect([again.statusCode, again.json().name]).toEqual([409, 'ParticipantAlreadyExists']);
  });

  it('refuses deletion by a participant who is neither creator nor admin (403)', async () => {
    const id = await startWith('user', ['second']);
    const bySecond = await call('DELETE', `/conversations/${id}`, 'second');
    expect([bySecond.statusCode, bySecond.json().name]).toEqual([403, 'InsufficientPermissions']);
    expect((await call('DELETE', `/conversations/${id}`, 'user')).statusCode).toBe(200);
  });
});

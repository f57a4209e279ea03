// The websocket transport: who may open a subscription's socket, what arrives on it, and that
// deleting the subscription or closing the sandbox ends it.
import { WebSocket } from 'ws';
import type { Publication } from '../../platform/events';
import { MAIN_ACCOUNT_ID } from '../../seed';
import { bearer, login, testSandbox, type TestSandbox } from '../../test-support';

const NOTIFY = '/notifications/2017-09-01';
const CHAT = '/chat/2017-09-01';

let sandbox: TestSandbox;
let origin: string;
const tokens: Record<string, string> = {};
const opened: WebSocket[] = [];
beforeEach(async () => {
  sandbox = await testSandbox();
  const address = sandbox.app.server.address();
  origin = typeof address === 'object' && address ? `127.0.0.1:${address.port}` : '';
  for (const key of ['primary', 'second', 'user'] as const) tokens[key] = (await login(sandbox, key)).access_token;
});
afterEach(async () => {
  await sandbox.close();
  for (const ws of opened.splice(0)) ws.terminate();
});

async function subscribe(who: string, body: Record<string, unknown>): Promise<string> {
  const response = await sandbox.send({
    method: 'POST',
    url: `${NOTIFY}/subscriptions`,
    headers: { ...bearer(tokens[who] ?? ''), 'content-type': 'application/json' },
    payload: JSON.stringify({ transport: 'websocket', deviceId: 'harness-device', ...body }),
  });
  if (response.statusCode !== 201) throw new Error(`subscribe answered ${response.statusCode}: ${response.body}`);
  return response.json<{ subscriptionId: string }>().subscriptionId;
}

interface Socket {
  ws: WebSocket;
  frames: Array<Record<string, unknown>>;
  next(): Promise<Record<string, unknown>>;
}

/** Opens the socket; resolves with it once open, or rejects with the refused HTTP status. */
function connect(path: string, headers: Record<string, string> = {}): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://${origin}${path}`, { headers });
    opened.push(ws);
    const frames: Array<Record<string, unknown>> = [];
    const waiting: Array<(frame: Record<string, unknown>) => void> = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(String(data)) as Record<string, unknown>;
      const waiter = waiting.shift();
      if (waiter) waiter(frame);
      else frames.push(frame);
    });
    ws.on('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.on('error', reject);
    ws.on('open', () =>
      resolve({
        ws,
        frames,
        next: () =>
          new Promise((done) => {
            const frame = frames.shift();
            if (frame) done(frame);
            else waiting.push(done);
          }),
      }),
    );
  });
}

const socketPath = (subscriptionId: string) => `${NOTIFY}/subscriptions/${subscriptionId}/socket`;

function ringing(state: string): Publication {
  return {
    topic: 'platform-api-media',
    method: 'PUT',
    subject: '/2017-09-01/endpoints/200/calls/1',
    content: { state, endpointId: '200' },
    publisher: { accountId: MAIN_ACCOUNT_ID, principalId: sandbox.user('primary').userId },
  };
}

describe('the websocket transport', () => {
  it('pushes matching publications as JSON text frames (token as a query parameter)', async () => {
    const subscriptionId = await subscribe('primary', {
      topic: 'platform-api-media',
      subjectFilter: '/2017-09-01/endpoints/',
      publicationFilter: "$.publications[?(@.content.state == 'ringing')]",
    });
    const socket = await connect(`${socketPath(subscriptionId)}?access_token=${tokens.primary}`);
    sandbox.state.events.publish(ringing('connected'));
    sandbox.state.events.publish(ringing('ringing'));
    const frame = await socket.next();
    expect(frame).toMatchObject({ topic: 'platform-api-media', content: { state: 'ringing' }, subscription: { subscriptionId } });
    expect(socket.frames).toEqual([]);
  });

  it('carries a two-user chat to the other participant (bare token in the header)', async () => {
    const subscriptionId = await subscribe('second', { topic: 'platform-api-conversations', subjectFilter: '/conversations/', method: 'POST' });
    const socket = await connect(socketPath(subscriptionId), { authorization: tokens.second ?? '' });
    const post = (path: string, body: unknown) =>
      sandbox.send({
        method: 'POST',
        url: `${CHAT}${path}`,
        headers: { ...bearer(tokens.primary ?? ''), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    const { conversationId } = (
      await post('/conversations', {
        originalParticipants: [{ type: 'USER', participantId: sandbox.user('second').userId }],
      })
    ).json<{ conversationId: string }>();
    await post(`/conversations/${conversationId}/messages`, { body: 'hello', contentType: 'text/plain' });

    expect((await socket.next()).subject).toBe(`/conversations/${conversationId}`);
    expect(await socket.next()).toMatchObject({ method: 'POST', content: { body: 'hello' }, publisher: { principalId: sandbox.user('primary').userId } });
  });

  it('does not let a non-participant overhear a conversation', async () => {
    const subscriptionId = await subscribe('user', { topic: 'platform-api-conversations' });
    const socket = await connect(socketPath(subscriptionId), bearer(tokens.user ?? ''));
    await sandbox.send({
      method: 'POST',
      url: `${CHAT}/conversations`,
      headers: { ...bearer(tokens.primary ?? ''), 'content-type': 'application/json' },
      payload: '{}',
    });
    sandbox.state.events.publish({ ...ringing('x'), topic: 'platform-api-conversations', subject: '/conversations/marker' });
    expect((await socket.next()).subject).toBe('/conversations/marker');
  });

  it('refuses the upgrade without a token (401), for someone else’s subscription (404) and for a webhook one (400)', async () => {
    const mine = await subscribe('primary', { topic: 'platform-api-media' });
    const hook = await subscribe('primary', { topic: 'platform-api-media', transport: 'webhook', applicationId: 'a', deviceId: 'http://127.0.0.1:9/' });
    await expect(connect(socketPath(mine))).rejects.toThrow('HTTP 401');
    await expect(connect(socketPath(mine), bearer(tokens.second ?? ''))).rejects.toThrow('HTTP 404');
    await expect(connect(socketPath(hook), bearer(tokens.primary ?? ''))).rejects.toThrow('HTTP 400');
    await expect(connect(`${NOTIFY}/elsewhere`, bearer(tokens.primary ?? ''))).rejects.toThrow('HTTP 403');
  });

  it('answers a plain GET of the socket URL with 426 UpgradeRequired', async () => {
    const subscriptionId = await subscribe('primary', { topic: 'platform-api-media' });
    const response = await sandbox.send({ method: 'GET', url: socketPath(subscriptionId), headers: bearer(tokens.primary ?? '') });
    expect([response.statusCode, response.json().name, response.headers.upgrade]).toEqual([426, 'UpgradeRequired', 'websocket']);
  });

  it('closes the socket (1000) when the subscription is deleted', async () => {
    const subscriptionId = await subscribe('primary', { topic: 'platform-api-media' });
    const socket = await connect(socketPath(subscriptionId), bearer(tokens.primary ?? ''));
    const closed = new Promise<number>((resolve) => socket.ws.on('close', (code) => resolve(code)));
    await sandbox.send({ method: 'DELETE', url: `${NOTIFY}/subscriptions/${subscriptionId}`, headers: bearer(tokens.primary ?? '') });
    expect(await closed).toBe(1000);
  });

  it('lets the sandbox close promptly with sockets open', async () => {
    const subscriptionId = await subscribe('primary', { topic: 'platform-api-media' });
    const socket = await connect(socketPath(subscriptionId), bearer(tokens.primary ?? ''));
    const closed = new Promise<void>((resolve) => socket.ws.on('close', () => resolve()));
    const started = Date.now();
    await sandbox.close();
    await closed;
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

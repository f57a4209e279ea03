// Every fault kind, observed the way a client observes it: over HTTP from outside the sandbox
// (and, for webhooks, from the receiving end).
import { bearer, decodeJwt, login, postForm, type TestResponse } from '../test-support';
import { startReceiver, pause, type Receiver } from '../services/notifications/test-receiver';
import { MAIN_ACCOUNT_ID } from '../seed';
import { boardTest, timed, until, type BoardTest } from './test-support';

const AUTH = '/authentication/2017-09-01';
const MEDIA = '/media/2017-09-01';
const CHAT = '/chat/2017-09-01';

let t: BoardTest;
afterEach(() => t.close());

describe('latency', () => {
  beforeEach(async () => void (t = await boardTest()));

  it('delays requests in scope by the given milliseconds and leaves the others alone', async () => {
    await t.board.setFaults([{ kind: 'latency', ms: 400, service: 'media' }]);
    const slow = await timed(() => t.call('GET', `${MEDIA}/endpoints/2001`));
    const fast = await timed(() => t.call('GET', `${AUTH}/token`));
    expect([slow.result.statusCode, fast.result.statusCode]).toEqual([200, 200]);
    expect(slow.ms).toBeGreaterThanOrEqual(390);
    expect(fast.ms).toBeLessThan(400);
  });
});

describe('held answers', () => {
  /** Answers as they leave the hooks (the held one once released), seen by a hook added after the switchboard's. */
  let released: string[];
  beforeEach(async () => {
    released = [];
    t = await boardTest({
      setup: (app) =>
        app.addHook('onSend', (request, reply, payload, done) => {
          released.push(`${request.method} ${request.url} ${reply.statusCode}`);
          done(null, payload);
        }),
    });
  });

  const CREATE = { kind: 'hold-answer', service: 'chat', method: 'POST', path: '/conversations' } as const;
  const conversations = async () => (await t.board.inventory())['chat.conversations'] as number;
  const remaining = async () => (await t.board.get()).faults[0]?.remaining;
  const listed = async () =>
    (await t.call('GET', `${CHAT}/conversations`))
      .json<{ _embedded: { items: Array<{ conversationId: string }> } }>()
      ._embedded.items.map((item) => item.conversationId);

  it('makes the create at once and answers it only after ms; the create is visible meanwhile', async () => {
    const ms = 1500;
    await t.board.setFaults([{ ...CREATE, ms, next: 1 }]);
    const before = await conversations();
    let answered = false;
    const held = timed(() => t.call('POST', `${CHAT}/conversations`, { name: 'held' })).then((result) => {
      answered = true;
      return result;
    });

    await until('the fault is spent', async () => (await remaining()) === 0);
    await until('the conversation exists', async () => (await conversations()) === before + 1);
    const seenMeanwhile = await listed();
    expect(answered).toBe(false);

    const { result, ms: took } = await held;
    expect(result.statusCode).toBe(201);
    expect(seenMeanwhile).toContain(result.json<{ conversationId: string }>().conversationId);
    expect(took).toBeGreaterThanOrEqual(ms - 10);
  });

  it('holds only the next N; a client that gives up mid-hold leaves the sandbox serving', async () => {
    await t.board.setFaults([{ ...CREATE, ms: 600_000, next: 1 }]);
    const before = await conversations();
    const client = new AbortController();
    const abandoned = fetch(`${t.origin}${CHAT}/conversations`, {
      method: 'POST',
      headers: { ...bearer(t.token), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'lost' }),
      signal: client.signal,
    }).then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    await until('the conversation exists', async () => (await conversations()) === before + 1);
    expect(released).not.toContain(`POST ${CHAT}/conversations 201`);
    client.abort();
    expect(await abandoned).toBe('AbortError');
    // Released once the client has gone, not 600 s later; the write to the closed socket goes nowhere.
    await until('the held answer is released', async () => released.includes(`POST ${CHAT}/conversations 201`));

    const next = await t.call('POST', `${CHAT}/conversations`, { name: 'answered' });
    expect(next.statusCode).toBe(201);
    expect(await conversations()).toBe(before + 2);
    expect((await t.board.get()).faults).toEqual([{ ...CREATE, ms: 600_000, next: 1, remaining: 0 }]);
  });

  it('holds error answers the service gives, but does not count requests another fault answers', async () => {
    await t.board.setFaults([
      { kind: 'server-error', status: 503, next: 1 },
      { ...CREATE, ms: 200, next: 2 },
    ]);
    expect((await t.call('POST', `${CHAT}/conversations`, {})).statusCode).toBe(503);
    expect((await t.board.get()).faults[1]?.remaining).toBe(2);

    const refused = await timed(() => t.call('POST', `${CHAT}/conversations`, { stream: 'no' }));
    expect(refused.result.statusCode).toBe(400);
    expect(refused.ms).toBeGreaterThanOrEqual(190);
    expect((await t.board.get()).faults[1]?.remaining).toBe(1);
  });
});

describe('server errors', () => {
  beforeEach(async () => void (t = await boardTest()));

  it.each([
    [500, 'InternalServerError'],
    [502, 'BadGateway'],
    [503, 'ServiceUnavailable'],
    [504, 'GatewayTimeout'],
  ] as const)('answers %i with a {name, message} body and a correlation id', async (status, name) => {
    await t.board.setFaults([{ kind: 'server-error', status }]);
    const response = await t.call('GET', `${MEDIA}/endpoints/2001`);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toEqual({ name, message: expect.any(String) });
    expect(response.headers['x-mitel-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('takes a custom name and message', async () => {
    await t.board.setFaults([{ kind: 'server-error', status: 504, name: 'PbxTimeout', message: 'The PBX did not answer.' }]);
    expect((await t.call('GET', `${MEDIA}/endpoints/2001`)).json()).toEqual({ name: 'PbxTimeout', message: 'The PBX did not answer.' });
  });

  it('hits only the next N requests in scope, then reports itself spent', async () => {
    await t.board.setFaults([{ kind: 'server-error', status: 503, next: 2, method: 'GET', path: '/endpoints/{endpointId}' }]);
    const outOfScope = [
      await t.call('GET', `${MEDIA}/endpoints/2001/calls`),
      await t.call('PUT', `${MEDIA}/endpoints/2001`, { action: 'messageWaiting', enabled: false }),
    ];
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await t.call('GET', `${MEDIA}/endpoints/2001`)).statusCode);
    expect(outOfScope.map((response) => response.statusCode)).toEqual([200, 200]);
    expect(statuses).toEqual([503, 503, 200]);
    expect((await t.board.get()).faults).toEqual([expect.objectContaining({ kind: 'server-error', next: 2, remaining: 0 })]);
  });

  it('fails a seeded share of requests, the same ones on every run', async () => {
    const run = async () => {
      const local = await boardTest();
      try {
        await local.board.setFaults([{ kind: 'server-error', status: 500, share: 0.5 }], 42);
        const statuses: number[] = [];
        for (let i = 0; i < 20; i++) statuses.push((await local.call('GET', `${MEDIA}/endpoints/2001`)).statusCode);
        return statuses;
      } finally {
        await local.close();
      }
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });
});

describe('connection resets', () => {
  beforeEach(async () => void (t = await boardTest()));

  it('cuts the connection without an answer, then serves the next request', async () => {
    await t.board.setFaults([{ kind: 'reset', next: 1 }]);
    const failure = await t.call('GET', `${MEDIA}/endpoints/2001`).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    // Node's client error for the reset socket ("read ECONNRESET", or "socket hang up" when the
    // reset beats the first byte read).
    expect((failure as NodeJS.ErrnoException | undefined)?.code).toBe('ECONNRESET');
    expect((await t.call('GET', `${MEDIA}/endpoints/2001`)).statusCode).toBe(200);
  });
});

describe('429 storms', () => {
  beforeEach(async () => void (t = await boardTest()));

  it('answers 429 with Retry-After in seconds', async () => {
    await t.board.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 7, service: 'authentication' }]);
    const response = await postForm(t.sandbox, '/token', { grant_type: 'password', username: 'x', password: 'y' });
    expect(response.statusCode).toBe(429);
    expect(response.headers['retry-after']).toBe('7');
    expect(response.json()).toEqual({ message: 'Too Many Requests' });
  });

  it('answers 429 with Retry-After as an HTTP-date that far ahead, to the nearest second', async () => {
    await t.board.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 5, retryAfterFormat: 'http-date' }]);
    const response = await t.call('GET', `${MEDIA}/endpoints/2001`);
    const header = response.headers['retry-after'] ?? '';
    expect(header).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    const ahead = Date.parse(header) - Date.now();
    // Half a second either way, less the time the answer took to arrive.
    expect(ahead).toBeGreaterThan(4000);
    expect(ahead).toBeLessThanOrEqual(5500);
  });
});

describe('tokens expiring early', () => {
  beforeEach(async () => void (t = await boardTest()));

  const whoAmI = (token: string): Promise<TestResponse> => t.call('GET', `${AUTH}/token`, undefined, token);

  it('issues access tokens that die before expires_in says, for the next N logins only', async () => {
    await t.board.setFaults([{ kind: 'short-tokens', ttlSeconds: 5, next: 1 }]);
    const short = await login(t.sandbox, 'second');
    const normal = await login(t.sandbox, 'user');
    const claims = decodeJwt(short.access_token);
    expect(short.expires_in).toBe(3600);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(5);
    t.sandbox.advance(6);
    expect((await whoAmI(short.access_token)).json()).toEqual({ name: 'AuthenticationFailure', message: 'The access token has expired.' });
    expect((await whoAmI(normal.access_token)).statusCode).toBe(200);
  });

  it('announces the short lifetime in expires_in when asked to', async () => {
    await t.board.setFaults([{ kind: 'short-tokens', ttlSeconds: 30, announce: true }]);
    expect((await login(t.sandbox, 'second')).expires_in).toBe(30);
  });

  it('answers 401 expired for every current token; refreshed tokens work; reset revives the old ones', async () => {
    const before = await login(t.sandbox, 'second');
    expect((await whoAmI(before.access_token)).statusCode).toBe(200);

    await t.board.setFaults([{ kind: 'expire-tokens' }]);
    for (const token of [before.access_token, t.token]) {
      const refused = await whoAmI(token);
      expect([refused.statusCode, refused.json()]).toEqual([401, { name: 'AuthenticationFailure', message: 'The access token has expired.' }]);
    }
    const refreshed = await postForm(t.sandbox, '/token', { grant_type: 'refresh_token', refresh_token: before.refresh_token });
    expect(refreshed.statusCode).toBe(201);
    expect((await whoAmI(refreshed.json<{ access_token: string }>().access_token)).statusCode).toBe(200);

    await t.board.reset();
    expect((await whoAmI(before.access_token)).statusCode).toBe(200);
  });
});

describe('failing webhook receivers', () => {
  let receiver: Receiver;
  beforeEach(async () => {
    t = await boardTest({ webhook: { retryDelaysMs: [20, 40], timeoutMs: 1000 } });
    receiver = await startReceiver();
    const subscribed = await t.call('POST', '/notifications/2017-09-01/subscriptions', {
      applicationId: 'switchboard-tests',
      deviceId: receiver.url,
      transport: 'webhook',
      topic: 'platform-api-media',
    });
    if (subscribed.statusCode !== 201) throw new Error(`subscribe answered ${subscribed.statusCode}`);
  });
  afterEach(() => receiver.close());

  const publish = () =>
    t.sandbox.state.events.publish({
      topic: 'platform-api-media',
      method: 'PUT',
      subject: '/2017-09-01/endpoints/200/calls/9',
      content: { state: 'ringing' },
      publisher: { accountId: MAIN_ACCOUNT_ID, principalId: t.sandbox.user('primary').userId },
    });

  it('fails the next N attempts unanswered, so only the retry after them arrives', async () => {
    await t.board.setFaults([{ kind: 'webhook-failure', next: 2 }]);
    publish();
    await receiver.waitFor(1);
    await pause(100);
    expect(receiver.received).toHaveLength(1);
  });

  it('fails every attempt when no N is given: nothing arrives', async () => {
    await t.board.setFaults([{ kind: 'webhook-failure' }]);
    publish();
    await pause(200);
    expect(receiver.received).toHaveLength(0);
  });

  it('with deliver: true sends each failing attempt, so the receiver sees the retries of one publication', async () => {
    await t.board.setFaults([{ kind: 'webhook-failure', next: 2, deliver: true }]);
    publish();
    const received = await receiver.waitFor(3);
    await pause(100);
    expect(received).toHaveLength(3);
    expect(new Set(received.map((delivery) => delivery.body.publicationId)).size).toBe(1);
  });
});

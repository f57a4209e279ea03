// The switchboard route: invisible without the per-instance key, strict about what it accepts,
// exempt from its own faults; and the same configuration given at start-up and through the
// client helper the harness uses.
import { startSandbox, switchboardClient, SwitchboardRequestError, type RunningSandbox } from '../index';
import { boardTest, type BoardTest } from './test-support';
import { SERVICE_NAMES, SWITCHBOARD_KEY_HEADER } from './types';

let t: BoardTest;
beforeEach(async () => void (t = await boardTest()));
afterEach(() => t.close());

const raw = (method: string, path: string, headers: Record<string, string> = {}, body?: unknown) =>
  fetch(`${t.access.url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
const keyed = (): Record<string, string> => ({ [SWITCHBOARD_KEY_HEADER]: t.access.key });

describe('key protection', () => {
  it.each([
    ['no key', {}],
    ['a wrong key', { [SWITCHBOARD_KEY_HEADER]: 'f'.repeat(32) }],
    ['a key of another length', { [SWITCHBOARD_KEY_HEADER]: 'short' }],
    ['the key as a bearer token', { authorization: 'Bearer KEY' }],
  ])('answers 404 to every method with %s, and changes nothing', async (_what, headers: Record<string, string>) => {
    const withKey = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, value.replace('KEY', t.access.key)]));
    for (const [method, path] of [
      ['GET', ''],
      ['PUT', ''],
      ['DELETE', ''],
      ['GET', '/drifts'],
      ['GET', '/inventory'],
    ] as const) {
      const response = await raw(method, path, withKey, method === 'PUT' ? { faults: [{ kind: 'reset' }] } : undefined);
      expect({ method, path, status: response.status, body: await response.json() }).toEqual({ method, path, status: 404, body: { message: 'Not Found' } });
    }
    expect((await t.board.get()).faults).toEqual([]);
  });

  it('refuses before reading the body: a malformed body without the key is still 404', async () => {
    expect((await raw('PUT', '', {}, '{oops')).status).toBe(404);
    expect((await raw('PUT', '', keyed(), '{oops')).status).toBe(400);
  });

  it('is the only route its faults never touch, so a test can always switch them off', async () => {
    await t.board.setFaults([
      { kind: 'hold-answer', ms: 600_000 },
      { kind: 'server-error', status: 500 },
      { kind: 'reset', method: 'DELETE' },
    ]);
    expect((await t.call('GET', '/media/2017-09-01/endpoints/2001')).statusCode).toBe(500);
    expect((await t.board.get()).faults).toHaveLength(3);
    expect((await t.board.reset()).faults).toEqual([]);
    expect((await t.call('GET', '/media/2017-09-01/endpoints/2001')).statusCode).toBe(200);
  });
});

describe('PUT /__switchboard validation', () => {
  it.each([
    ['faults[0].status', { faults: [{ kind: 'server-error', status: 418 }] }],
    ['faults[0].ms', { faults: [{ kind: 'latency', ms: -1 }] }],
    ['faults[0].share', { faults: [{ kind: 'latency', ms: 10, share: 2 }] }],
    ['faults[0].ms', { faults: [{ kind: 'hold-answer', ms: 600_001 }] }],
    ['faults[0].next', { faults: [{ kind: 'hold-answer', ms: 10, next: 1.5 }] }],
    ['faults[0].status', { faults: [{ kind: 'hold-answer', ms: 10, status: 503 }] }],
    ['faults[0].next', { faults: [{ kind: 'reset', next: 0 }] }],
    ['faults[1].kind', { faults: [{ kind: 'reset' }, { kind: 'explode' }] }],
    ['faults[0].service', { faults: [{ kind: 'reset', service: 'billing' }] }],
    ['faults[0].service[1]', { faults: [{ kind: 'reset', service: ['media', 'billing'] }] }],
    ['faults[0].method', { faults: [{ kind: 'reset', method: 'GET /x' }] }],
    ['faults[0].path', { faults: [{ kind: 'reset', path: 'endpoints' }] }],
    ['faults[0].ttlSeconds', { faults: [{ kind: 'short-tokens' }] }],
    ['faults[0].announce', { faults: [{ kind: 'short-tokens', ttlSeconds: 5, announce: 'yes' }] }],
    ['faults[0].retryAfterFormat', { faults: [{ kind: 'rate-limit', retryAfterFormat: 'date' }] }],
    ['faults[0].colour', { faults: [{ kind: 'reset', colour: 'red' }] }],
    ['faults[0].service', { faults: [{ kind: 'webhook-failure', service: 'notifications' }] }],
    ['faults', { faults: { kind: 'reset' } }],
    ['drifts[1]', { drifts: ['media.call.state-enum', 'media.call.no-such-drift'] }],
    ['seed', { seed: -1 }],
    ['colour', { colour: 'red' }],
    ['body', ['not', 'an', 'object']],
  ])('answers 400 naming %s, and keeps the configuration in force', async (field, body) => {
    await t.board.setDrifts(['media.call.state-enum']);
    const response = await raw('PUT', '', keyed(), body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { name: string; message: string; field: string };
    expect(answer).toEqual({ name: 'InvalidSwitchboardSpec', message: expect.stringContaining(field), field });
    expect(await t.board.get()).toEqual({ faults: [], drifts: ['media.call.state-enum'] });
  });

  it('surfaces the 400 through the client helper with the field', async () => {
    const failure = await t.board.setFaults([{ kind: 'latency', ms: 'slow' as unknown as number }]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SwitchboardRequestError);
    expect(failure).toMatchObject({ status: 400, field: 'faults[0].ms' });
  });
});

describe('GET/PUT/DELETE /__switchboard', () => {
  it('replaces only what PUT names and shows it back', async () => {
    await t.board.setFaults([{ kind: 'latency', ms: 5, service: ['media', 'chat'], method: 'get' }], 7);
    const snapshot = await t.board.setDrifts(['chat.message.body-missing']);
    expect(snapshot).toEqual({
      faults: [{ kind: 'latency', ms: 5, service: ['media', 'chat'], method: 'GET' }],
      drifts: ['chat.message.body-missing'],
      seed: 7,
    });
    expect(await t.board.get()).toEqual(snapshot);
    expect(await t.board.reset()).toEqual({ faults: [], drifts: [] });
  });

  it('lists the drift catalogue: at least 25 unique ids across the five services', async () => {
    const drifts = await t.board.drifts();
    expect(drifts.length).toBeGreaterThanOrEqual(25);
    expect(new Set(drifts.map((drift) => drift.id)).size).toBe(drifts.length);
    expect([...new Set(drifts.map((drift) => drift.service))].sort()).toEqual([...SERVICE_NAMES].sort());
    for (const drift of drifts) {
      expect(drift.id).toMatch(new RegExp(`^${drift.service}\\.[a-z-]+\\.[a-z0-9-]+$`));
      expect(drift.description).not.toBe('');
      expect(drift.routes.length).toBeGreaterThan(0);
    }
    const response = await raw('GET', '/drifts', keyed());
    expect(((await response.json()) as { count: number }).count).toBe(drifts.length);
  });
});

describe('inventory', () => {
  it('reads what the sandbox holds, and changes with it', async () => {
    const before = await t.board.inventory();
    expect(before).toEqual(expect.objectContaining({ 'admin.users': expect.any(Number), 'media.activeCalls': 0 }));

    expect((await t.call('POST', '/media/2017-09-01/endpoints/2001/calls', { to: '2002' })).statusCode).toBe(200);

    expect((await t.board.inventory())['media.activeCalls']).toBeGreaterThan(0);
  });
});

describe('start-up configuration and the client helper', () => {
  let running: RunningSandbox | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  it('startSandbox takes faults and drifts and returns the keyed route', async () => {
    running = await startSandbox({
      switchboard: { faults: [{ kind: 'server-error', status: 502, path: '/token' }], drifts: ['media.endpoint.state-renamed'], seed: 3 },
    });
    expect(running.switchboard).toEqual({ url: `${running.origin}/__switchboard`, key: expect.stringMatching(/^[0-9a-f]{32}$/) });
    const board = switchboardClient(running.switchboard);
    expect(await board.get()).toEqual({
      faults: [{ kind: 'server-error', status: 502, path: '/token' }],
      drifts: ['media.endpoint.state-renamed'],
      seed: 3,
    });
    expect((await fetch(`${running.urls.auth_url}/token`, { method: 'POST' })).status).toBe(502);
    await board.setFaults([]);
    expect((await fetch(`${running.urls.auth_url}/token`, { method: 'POST' })).status).toBe(400);
    expect(await board.reset()).toEqual({ faults: [], drifts: [] });
  });

  it('gives every instance its own key', async () => {
    running = await startSandbox();
    const other = await startSandbox();
    try {
      expect(other.switchboard.key).not.toBe(running.switchboard.key);
      const failure = await switchboardClient({ url: running.switchboard.url, key: other.switchboard.key })
        .get()
        .catch((error: unknown) => error);
      expect(failure).toMatchObject({ status: 404 });
    } finally {
      await other.close();
    }
  });

  it('refuses a bad start-up configuration, naming the field', async () => {
    await expect(startSandbox({ switchboard: { faults: [{ kind: 'latency', ms: -5 }] } })).rejects.toThrow('faults[0].ms');
    await expect(startSandbox({ switchboard: { drifts: ['nope'] } })).rejects.toThrow('drifts[0]');
  });
});

// The Scrubber across runs: a replayed test scrubs its requests to exactly what was recorded and
// gets this run's values back. (What scrubbing costs is measured by `npm run bench`, in the harness's
// overhead per request, never asserted in a test. The shapes of placeholders are in
// scrubber.test.ts.)
import type { Exchange, RecordedRequest, RecordedResponse } from '../client/exchange';
import { sortKeys } from '../fixtures/fixture-file';
import { uuidPlaceholder } from './placeholders';
import { Scrubber } from './scrubber';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl${Buffer.from(JSON.stringify(claims)).length}`;
}

const ACCESS = jwt({ sub: 'alice', exp: 1_900_000_000 });
const REFRESH = jwt({ type: 'user', id: 'r-1', exp: 1_900_000_100 });

function response(body: unknown, status = 200, headers: Record<string, string> = { 'content-type': 'application/json' }): RecordedResponse {
  return { status, headers, body };
}

describe('Scrubber: record and replay stay in step', () => {
  // A test's traffic, parameterised by what differs between runs: the environment's secrets and
  // user, the tokens and ids the server mints, and a random idempotency key the test generates.
  interface Run {
    password: string;
    username: string;
    accountId: string;
    requestKey: string;
  }

  function requests(run: Run, token: (i: number) => string): Array<(i: number) => RecordedRequest> {
    return [
      () => ({
        method: 'POST',
        url: '{{auth_url}}/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: { grant_type: 'password', username: run.username, password: run.password, account_id: run.accountId },
        bodyType: 'form',
      }),
      (i) => ({ method: 'GET', url: `{{admin_url}}/accounts/${run.accountId}/users?$top=2`, headers: { authorization: `Bearer ${token(i)}` } }),
      (i) => ({
        method: 'POST',
        url: '{{chat_url}}/conversations',
        headers: { authorization: `Bearer ${token(i)}`, 'content-type': 'application/json' },
        body: { participants: [{ userId: token(-1) }], idempotencyKey: run.requestKey },
        bodyType: 'json',
      }),
      (i) => ({ method: 'GET', url: '{{admin_url}}/no/such/path', headers: { authorization: `Bearer ${token(i)}` } }),
    ];
  }

  it('scrubs the replayed requests to exactly the recorded forms and restores this run’s values', () => {
    // ---- record: real values, real server answers
    const rec: Run = {
      password: 'Rec0rd-Pa55!',
      username: 'alice@corp.example.org',
      accountId: '3f1c2a9e-1b2c-4d5e-8f90-123456789abc',
      requestKey: '0d6f7a1e-5a39-4c47-9b2e-3a7d51b0c001',
    };
    const minted = {
      access: ACCESS,
      refresh: REFRESH,
      user1: 'aa11aa11-1111-4111-8111-111111111111',
      user2: 'bb22bb22-2222-4222-8222-222222222222',
      conversation: 'cc33cc33-3333-4333-8333-333333333333',
    };
    const serverAnswers: RecordedResponse[] = [
      response({ access_token: minted.access, refresh_token: minted.refresh, token_type: 'bearer', expires_in: 3600 }, 201, {
        'content-type': 'application/json',
        'x-mitel-correlation-id': 'dd44dd44-4444-4444-8444-444444444401',
      }),
      response({
        count: 2,
        _embedded: {
          items: [
            { userId: minted.user2, email: rec.username, accountId: rec.accountId },
            { userId: minted.user1, email: 'bob@corp.example.org', accountId: rec.accountId },
          ],
        },
      }),
      response({ conversationId: minted.conversation, idempotencyKey: rec.requestKey, createdBy: minted.user2 }, 201),
      response({ message: `'${minted.access}' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer ${minted.access}'.` }, 403),
    ];
    const recorder = new Scrubber([
      { name: 'password', value: rec.password },
      { name: 'access_token', value: 'env-access-token-from-global-setup-1' },
    ]);
    const recordedRequests = requests(rec, (i) => (i < 0 ? minted.user1 : minted.access));
    const fixture: Exchange[] = recordedRequests.map((build, i) =>
      recorder.scrubExchange({ name: `request ${i}`, request: build(i), response: serverAnswers[i] as RecordedResponse }),
    );
    // What the fixture file holds: JSON, keys sorted (so a replayed answer's key order differs from the server's).
    const stored = JSON.parse(JSON.stringify(fixture.map((e) => sortKeys(e)))) as Exchange[];
    expect(JSON.stringify(stored)).not.toMatch(/Rec0rd|alice@|3f1c2a9e|aa11aa11|cc33cc33|eyJ/);

    // ---- replay: other secrets, another user, a fresh random key; answers come from the fixture
    const rep: Run = {
      password: 'replay-password',
      username: 'someone@else.example.net',
      accountId: '77777777-7777-4777-8777-777777777777',
      requestKey: '0d6f7a1e-5a39-4c47-9b2e-999999999999',
    };
    const player = new Scrubber([
      { name: 'password', value: rep.password },
      { name: 'access_token', value: 'replay-access_token' },
    ]);
    const seen: RecordedResponse[] = [];
    const token = (i: number) => {
      if (i < 0) return (seen[1]!.body as { _embedded: { items: Array<{ userId: string }> } })._embedded.items[1]!.userId;
      return (seen[0]!.body as { access_token: string }).access_token;
    };
    requests(rep, token).forEach((build, i) => {
      const wire = player.scrubRequest(build(i));
      expect(wire).toEqual(stored[i]!.request);
      seen.push(player.restoreResponse(stored[i]!.response));
    });

    // the test sees this run's values where the recording has their placeholders…
    const users = (seen[1]!.body as { _embedded: { items: Array<{ email: string; accountId: string }> } })._embedded.items;
    expect(users[0]).toMatchObject({ email: rep.username, accountId: rep.accountId });
    expect(seen[2]!.body).toMatchObject({ idempotencyKey: rep.requestKey });
    // …and the recording's own placeholders where the server minted something (the environment's
    // token, known from the start, holds number 1)
    expect(seen[0]!.body).toMatchObject({ access_token: 'redacted-access_token-2', refresh_token: 'redacted-refresh_token-1' });
    expect((seen[2]!.body as { conversationId: string }).conversationId).toMatch(UUID_V4);
    expect((seen[3]!.body as { message: string }).message).toContain("'Bearer redacted-access_token-2'");
  });

  it('gives a known value its placeholder up front, whichever side of an exchange meets it first', () => {
    const record = new Scrubber([{ name: 'accountId', value: 'acct-recorded-1234' }]);
    const recorded = record.scrubExchange({
      name: 'GET Token',
      request: { method: 'GET', url: 'https://x.invalid/token', headers: {} },
      response: { status: 200, headers: {}, body: { accountId: 'acct-recorded-1234', other: 'acct-other-5678' } },
    });
    const replay = new Scrubber([{ name: 'accountId', value: 'replay-accountId' }]);
    const restored = replay.restoreResponse(recorded.response);

    expect(restored.body).toMatchObject({ accountId: 'replay-accountId' });
    expect(replay.scrubRequest({ method: 'GET', url: 'https://x.invalid/accounts/replay-accountId', headers: {} }).url).toBe(
      record.scrubRequest({ method: 'GET', url: 'https://x.invalid/accounts/acct-recorded-1234', headers: {} }).url,
    );
  });

  it('adopts a placeholder it never handed out, so the next fresh value gets the next number', () => {
    const scrubber = new Scrubber();
    scrubber.scrub('11111111-1111-4111-8111-111111111111'); // #1
    const restored = scrubber.restoreResponse(response({ id: uuidPlaceholder(2), owner: uuidPlaceholder(1) }));
    expect(restored.body).toEqual({ id: uuidPlaceholder(2), owner: '11111111-1111-4111-8111-111111111111' });
    expect(scrubber.scrub('22222222-2222-4222-8222-222222222222')).toBe(uuidPlaceholder(3));
    // and sending the adopted placeholder back scrubs to itself
    expect(scrubber.scrub(uuidPlaceholder(2))).toBe(uuidPlaceholder(2));
  });

  it('counts past the highest number adopted, as the recording did when it handed that number out', () => {
    const scrubber = new Scrubber();
    scrubber.restoreResponse(response({ id: uuidPlaceholder(5), token: 'redacted-access_token-3' }));
    expect(scrubber.scrub('22222222-2222-4222-8222-222222222222')).toBe(uuidPlaceholder(6));
    expect(scrubber.scrub({ access_token: 'fresh-token-000001' })).toEqual({ access_token: 'redacted-access_token-4' });
  });

  it('restores its placeholders inside strings, in every form it replaced', () => {
    const scrubber = new Scrubber([{ name: 'access_token', value: 'replay-access_token' }]);
    scrubber.scrubRequest({ method: 'GET', url: '{{admin_url}}/x', headers: { authorization: 'Bearer replay-access_token' } });
    const restored = scrubber.restoreResponse(
      response({
        message: "'redacted-access_token-1' not valid in Authorization header: 'Bearer redacted-access_token-1'.",
        other: 'redacted-access_token-12',
      }),
    );
    expect(restored.body).toEqual({
      message: "'replay-access_token' not valid in Authorization header: 'Bearer replay-access_token'.",
      other: 'redacted-access_token-12',
    });
  });

  it('scrubs and restores field names long enough to hide a value, and leaves short ones alone', () => {
    const scrubber = new Scrubber();
    const uuid = '3f1c2a9e-1b2c-4d5e-8f90-123456789abc';
    const scrubbed = scrubber.scrub({ [uuid]: { role: 'admin' }, id: uuid, list: [{ [uuid]: 1 }] });
    expect(scrubbed).toEqual({ [uuidPlaceholder(1)]: { role: 'admin' }, id: uuidPlaceholder(1), list: [{ [uuidPlaceholder(1)]: 1 }] });
    expect(scrubber.restore(scrubbed)).toEqual({ [uuid]: { role: 'admin' }, id: uuid, list: [{ [uuid]: 1 }] });
  });

  it('scrubText masks for logs without registering anything (the numbering of the test is unaffected)', () => {
    const scrubber = new Scrubber([{ name: 'password', value: 'Rec0rd-Pa55!' }]);
    scrubber.scrub({ access_token: 'seen-token-12345' });
    const text = scrubber.scrubText(`Bearer seen-token-12345 / password Rec0rd-Pa55! / ${ACCESS} / 3f1c2a9e-1b2c-4d5e-8f90-123456789abc`);
    expect(text).toBe('Bearer redacted-access_token-1 / password redacted-password-1 / redacted-jwt / 00000000-0000-4000-8000-000000000000');
    expect(scrubber.scrub({ password: 'Rec0rd-Pa55!', id: '3f1c2a9e-1b2c-4d5e-8f90-123456789abc' })).toEqual({
      password: 'redacted-password-1',
      id: uuidPlaceholder(1),
    });
  });
});

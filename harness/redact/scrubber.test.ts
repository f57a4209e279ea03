import type { Exchange, RecordedResponse } from '../client/exchange';
import { Scrubber } from './scrubber';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;

function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl${Buffer.from(JSON.stringify(claims)).length}`;
}

const ACCESS = jwt({ sub: 'alice', exp: 1_900_000_000 });
const REFRESH = jwt({ type: 'user', id: 'r-1', exp: 1_900_000_100 });

function response(body: unknown, status = 200, headers: Record<string, string> = { 'content-type': 'application/json' }): RecordedResponse {
  return { status, headers, body };
}

describe('Scrubber: placeholders', () => {
  it('keeps the format of what it replaces: UUIDs stay v4 UUIDs, emails stay emails', () => {
    const scrubber = new Scrubber();
    const out = scrubber.scrub({
      accountId: '3f1c2a9e-1b2c-4d5e-8f90-123456789abc',
      ids: ['9b1c2a9e-1b2c-4d5e-8f90-0000000000aa', '3f1c2a9e-1b2c-4d5e-8f90-123456789abc'],
      email: 'Alice.Smith@mitel.com',
      note: 'cc bob@corp.example.org please',
    }) as { accountId: string; ids: string[]; email: string; note: string };

    expect(out.accountId).toBe('00000000-0000-4000-8000-000000000001');
    expect(out.ids).toEqual(['00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001']);
    for (const id of [out.accountId, ...out.ids]) expect(id).toMatch(UUID_V4);
    expect(out.email).toBe('user-1@example.com');
    expect(out.email).toMatch(EMAIL);
    expect(out.note).toBe('cc user-2@example.com please');
  });

  it('names credential placeholders after the field and numbers them per kind in order of first appearance', () => {
    const scrubber = new Scrubber();
    const out = scrubber.scrub({
      access_token: 'opaque-token-one-111',
      refresh_token: 'opaque-refresh-222',
      password: 'hunter2hunter2',
      nested: [{ access_token: 'opaque-token-two-333' }],
      sso: { accessToken: 'provider-token-444' },
    });
    expect(out).toEqual({
      access_token: 'redacted-access_token-1',
      refresh_token: 'redacted-refresh_token-1',
      password: 'redacted-password-1',
      nested: [{ access_token: 'redacted-access_token-2' }],
      sso: { accessToken: 'redacted-accesstoken-1' },
    });
  });

  it('gives a token the same placeholder as a Bearer header and as a body field, whichever comes first', () => {
    const received = new Scrubber().scrubExchange({
      name: 'POST Token',
      request: { method: 'POST', url: '{{auth_url}}/token', headers: {}, body: { grant_type: 'password' }, bodyType: 'form' },
      response: response({ access_token: ACCESS }, 201),
    });
    expect((received.response.body as { access_token: string }).access_token).toBe('redacted-access_token-1');

    const scrubber = new Scrubber();
    const sentFirst = scrubber.scrubRequest({ method: 'GET', url: '{{admin_url}}/accounts', headers: { authorization: `Bearer ${ACCESS}` } });
    const thenReceived = scrubber.scrubResponse(response({ token: ACCESS, echoed: `Bearer ${ACCESS}` }));
    expect(sentFirst.headers.authorization).toBe('Bearer redacted-access_token-1');
    expect(thenReceived.body).toEqual({ token: 'redacted-access_token-1', echoed: 'Bearer redacted-access_token-1' });
  });

  it('treats a bare Authorization token (as Mitel samples send it) as an access token', () => {
    const out = new Scrubber().scrubRequest({ method: 'GET', url: '{{admin_url}}/users', headers: { authorization: ACCESS } });
    expect(out.headers.authorization).toBe('redacted-access_token-1');
  });

  it('replaces a JWT under any other name, or inside text, as redacted-jwt-N', () => {
    const out = new Scrubber().scrub({ id_hint: ACCESS, message: `token ${REFRESH} expired` });
    expect(out).toEqual({ id_hint: 'redacted-jwt-1', message: 'token redacted-jwt-2 expired' });
  });

  it('keeps the shape of other identifiers: account numbers, phones, domains, login ids', () => {
    const out = new Scrubber().scrub({
      accountNumber: '327410625',
      account: { accountNumber: 858000055 },
      phone: '+1 (613) 555-0199',
      domain: '3f1c2a9e-1b2c-4d5e-8f90-123456789abc.us.dev.api.mitel.io',
      loginId: 'jdoe',
      role: 'jdoe',
    });
    expect(out).toEqual({
      accountNumber: '900000001',
      account: { accountNumber: 900000002 },
      phone: '+9 (000) 000-0003',
      domain: 'host-1.example.com',
      loginId: 'loginid-1',
      // a short identifier is replaced where its name says so, not wherever the same word occurs
      role: 'jdoe',
    });
  });

  it('scrubs URL path segments and query values through the same map, keeping the {{variable}} prefix', () => {
    const scrubber = new Scrubber();
    const body = scrubber.scrub({ accountId: '3f1c2a9e-1b2c-4d5e-8f90-123456789abc' });
    const out = scrubber.scrubRequest({
      method: 'GET',
      url: '{{admin_url}}/accounts/3f1c2a9e-1b2c-4d5e-8f90-123456789abc/users?$top=5&access_token=abc%2Bdef123&email=bob%40corp.example.org',
      headers: {},
    });
    expect(body).toEqual({ accountId: '00000000-0000-4000-8000-000000000001' });
    expect(out.url).toBe(
      '{{admin_url}}/accounts/00000000-0000-4000-8000-000000000001/users?$top=5&access_token=redacted-access_token-1&email=user-1%40example.com',
    );
  });

  it('scrubs cookies by value and keeps their names and attributes', () => {
    const out = new Scrubber().scrubResponse({
      status: 200,
      headers: { 'set-cookie': 'sid=abc123secret; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly, theme=dark; Path=/' },
    });
    expect(out.headers['set-cookie']).toBe('sid=redacted-cookie-1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT; HttpOnly, theme=redacted-cookie-2; Path=/');
  });

  it('is idempotent: scrubbing a scrubbed exchange changes nothing', () => {
    const scrubber = new Scrubber([{ name: 'password', value: 'Rec0rd-Pa55!' }]);
    const exchange: Exchange = {
      name: 'POST Token',
      request: {
        method: 'POST',
        url: '{{auth_url}}/token',
        headers: { authorization: `Bearer ${ACCESS}` },
        body: { password: 'Rec0rd-Pa55!', username: 'a@b.example.org' },
        bodyType: 'form',
      },
      response: response({ access_token: REFRESH, accountId: '3f1c2a9e-1b2c-4d5e-8f90-123456789abc' }, 201),
    };
    const once = scrubber.scrubExchange(exchange);
    expect(scrubber.scrubExchange(once)).toEqual(once);
  });

  it('starts every test’s numbering afresh from the known values, whatever an earlier test met', () => {
    const known = [
      { name: 'password', value: 'Rec0rd-Pa55!' },
      { name: 'accountId', value: '3f1c2a9e-1b2c-4d5e-8f90-123456789abc' },
    ];
    const first = new Scrubber(known);
    const firstToken = first.scrubResponse(response({ access_token: ACCESS, userId: 'aaaaaaaa-1b2c-4d5e-8f90-123456789abc' }));
    // A second test of the same environment meets other values in the same places.
    const second = new Scrubber(known);
    const secondToken = second.scrubResponse(response({ access_token: REFRESH, userId: 'bbbbbbbb-1b2c-4d5e-8f90-123456789abc' }));
    expect(secondToken.body).toEqual(firstToken.body);
    const seen = (scrubber: Scrubber) => scrubber.sensitiveValues().map((entry) => entry.value);
    expect(seen(second)).not.toContain(ACCESS);
    expect(seen(second)).not.toContain('aaaaaaaa-1b2c-4d5e-8f90-123456789abc');
    expect(seen(first)).not.toContain(REFRESH);
    // A value only an earlier test met is nothing to a later one, even where it shares the first
    // letters of a known value.
    const knownOpaque = [...known, { name: 'client_secret', value: 'opaque-known-secret' }];
    new Scrubber(knownOpaque).scrubResponse(response({ access_token: 'opaque-token-1234567890' }));
    const later = new Scrubber(knownOpaque).scrubResponse(response({ note: 'was opaque-token-1234567890 here' }));
    expect(later.body).toEqual({ note: 'was opaque-token-1234567890 here' });
    // Both still know the environment's values, and put the same placeholder on them.
    expect(second.scrubResponse(response({ note: 'Rec0rd-Pa55!' })).body).toEqual(first.scrubResponse(response({ note: 'Rec0rd-Pa55!' })).body);
  });
});

describe('Scrubber: secrets inside strings and in encoded forms', () => {
  it("replaces a token inside the API gateway's 403 message", () => {
    const scrubber = new Scrubber();
    const sent = scrubber.scrubRequest({ method: 'GET', url: '{{admin_url}}/nowhere', headers: { authorization: `Bearer ${ACCESS}` } });
    const got = scrubber.scrubResponse(
      response({ message: `'${ACCESS}' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer ${ACCESS}'.` }, 403),
    );
    expect(sent.headers.authorization).toBe('Bearer redacted-access_token-1');
    expect(got.body).toEqual({
      message: "'redacted-access_token-1' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer redacted-access_token-1'.",
    });
  });

  it('replaces an opaque (non-JWT) token it has seen inside longer strings too', () => {
    const scrubber = new Scrubber();
    scrubber.scrubRequest({ method: 'GET', url: '{{admin_url}}/x', headers: { authorization: 'Bearer replay-access_token' } });
    const got = scrubber.scrubResponse(
      response({ message: "'replay-access_token' not a valid key=value pair in Authorization header: 'Bearer replay-access_token'." }, 403),
    );
    expect(JSON.stringify(got)).not.toContain('replay-access_token');
    expect((got.body as { message: string }).message).toContain("'Bearer redacted-access_token-1'");
  });

  it('finds a known secret under an unexpected name, URL-encoded, form-encoded, JSON-escaped and base64-encoded', () => {
    const secret = 'p@ss w/"rd!2024';
    const scrubber = new Scrubber([{ name: 'password', value: secret }]);
    const out = scrubber.scrub({
      pwd: secret,
      url: `https://x.example.com/cb?p=${encodeURIComponent(secret)}`,
      form: `a=1&pw=${new URLSearchParams({ v: secret }).toString().slice(2)}`,
      json: JSON.stringify({ whatever: secret }),
      b64: Buffer.from(secret).toString('base64'),
      b64url: Buffer.from(secret).toString('base64url'),
    }) as Record<string, string>;

    const text = JSON.stringify(out);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(encodeURIComponent(secret));
    expect(text).not.toContain(Buffer.from(secret).toString('base64').replace(/=+$/, ''));
    expect(text).not.toContain(Buffer.from(secret).toString('base64url'));
    expect(out.pwd).toBe('redacted-password-1');
    expect(out.url).toBe('https://x.example.com/cb?p=redacted-password-1');
    expect(JSON.parse(out.json as string)).toEqual({ whatever: 'redacted-password-1' });
    expect(Buffer.from(out.b64 as string, 'base64').toString()).toBe('redacted-password-1');
  });

  it('scrubs credential name=value pairs and "name": "value" pairs inside text', () => {
    const out = new Scrubber().scrub({
      redirect: 'https://app.example.com/cb?code=4f9a1c77e2&state=xyz',
      log: 'sent {"client_secret":"s3cr3t-value-9","scope":"all"}',
    });
    expect(out).toEqual({
      redirect: 'https://app.example.com/cb?code=redacted-code-1&state=xyz',
      log: 'sent {"client_secret":"redacted-client_secret-1","scope":"all"}',
    });
  });

  it('templates base URLs in bodies (HAL links) and restores them to this run’s base URL', () => {
    const record = new Scrubber([], { baseUrls: { admin_url: 'http://127.0.0.1:41234/admin/2017-09-01' } });
    const scrubbed = record.scrubResponse(response({ _links: { self: { href: 'http://127.0.0.1:41234/admin/2017-09-01/accounts?$top=5' } } }));
    expect(scrubbed.body).toEqual({ _links: { self: { href: '{{admin_url}}/accounts?$top=5' } } });

    const replay = new Scrubber([], { baseUrls: { admin_url: 'http://replay.invalid/admin_url' } });
    expect(replay.restoreResponse(scrubbed).body).toEqual({ _links: { self: { href: 'http://replay.invalid/admin_url/accounts?$top=5' } } });
  });
});

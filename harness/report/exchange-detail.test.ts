import type { Exchange } from '../client/exchange';
import { Scrubber } from '../redact/scrubber';
import { BODY_EXCERPT_CHARS, exchangeDetail, terminalUrl } from './exchange-detail';

const ACCOUNT = '7c2b9d1e-4f3a-4b2c-9d8e-1a2b3c4d5e6f';
const TOKEN = 'opaque-token-0123456789';

function exchange(body: unknown = { accountId: ACCOUNT, name: 'Acme', refresh_token: 'rt-secret-value-1' }): Exchange {
  return {
    name: 'GET Account',
    request: { method: 'GET', url: `{{admin_url}}/accounts/${ACCOUNT}`, headers: { authorization: `Bearer ${TOKEN}`, 'x-switchboard-tag': 't' } },
    response: { status: 404, headers: { 'content-type': 'application/json', 'x-mitel-correlation-id': 'c-1', etag: 'x' }, body },
  };
}

function detail(policy: { shared: boolean; terminal: boolean }, raw = exchange()) {
  const scrubber = new Scrubber([
    { name: 'accountId', value: ACCOUNT },
    { name: 'access_token', value: TOKEN },
  ]);
  return exchangeDetail(raw, scrubber.scrubExchange(raw), scrubber, policy);
}

describe('exchangeDetail', () => {
  it("on a developer's machine keeps the account id and masks the secrets", () => {
    const d = detail({ shared: true, terminal: false });
    expect(d.url).toBe(`{{admin_url}}/accounts/${ACCOUNT}`);
    expect(d.requestHeaders).toEqual({ authorization: 'Bearer redacted-access_token-1' });
    expect(d.responseHeaders).toEqual({ 'content-type': 'application/json', 'x-mitel-correlation-id': 'c-1' });
    expect(d.responseBody).toContain(ACCOUNT);
    expect(d.responseBody).not.toContain('rt-secret-value-1');
  });

  it('in CI shows the placeholders of the reports', () => {
    const d = detail({ shared: true, terminal: true });
    expect(d.url).toBe('{{admin_url}}/accounts/redacted-accountid-1');
    expect(JSON.stringify(d)).not.toContain(ACCOUNT);
    expect(JSON.stringify(d)).not.toContain(TOKEN);
  });

  it('cuts a long body and counts what it cut', () => {
    const d = detail({ shared: true, terminal: false }, exchange('x'.repeat(BODY_EXCERPT_CHARS + 34)));
    expect(d.responseBody).toHaveLength(BODY_EXCERPT_CHARS);
    expect(d.responseBodyCut).toBe(34);
  });
});

describe('terminalUrl', () => {
  const scrubber = () =>
    new Scrubber([
      { name: 'accountId', value: ACCOUNT },
      { name: 'access_token', value: TOKEN },
    ]);

  it("on a developer's machine gives the one-line entry the account id, and no secret", () => {
    const s = scrubber();
    const raw = exchange();
    raw.request.url = `{{admin_url}}/accounts/${ACCOUNT}?token=${TOKEN}`;
    expect(terminalUrl(raw, s.scrubExchange(raw), s, { shared: true, terminal: false })).toBe(
      `{{admin_url}}/accounts/${ACCOUNT}?token=redacted-access_token-1`,
    );
  });

  it('adds nothing where the scrubbed URL is what the terminal shows: in CI, or with nothing to scrub', () => {
    const s = scrubber();
    const raw = exchange();
    expect(terminalUrl(raw, s.scrubExchange(raw), s, { shared: true, terminal: true })).toBeUndefined();
    const plain = { ...raw, request: { ...raw.request, url: '{{admin_url}}/accounts' } };
    expect(terminalUrl(plain, s.scrubExchange(plain), s, { shared: true, terminal: false })).toBeUndefined();
  });
});

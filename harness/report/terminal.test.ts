import type { ExchangeMetric } from './metrics';
import { colours, exchangeBlock, failureText, headline, useColour } from './terminal';

const metric: ExchangeMetric = {
  kind: 'exchange',
  file: 'suites/admin/account.test.ts',
  test: 'GET Account answers 200',
  name: 'GET Account',
  method: 'GET',
  url: '{{admin_url}}/accounts/redacted-accountid-1',
  status: 404,
  ms: 12.34,
  harnessMs: 0.2,
  detail: {
    url: '{{admin_url}}/accounts/acc-7',
    requestHeaders: { authorization: 'Bearer redacted-access_token-1' },
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: '{"name":"NotFound"',
    responseBodyCut: 120,
  },
};

describe('useColour', () => {
  it('colours a terminal, never with NO_COLOR, and when FORCE_COLOR asks even without one', () => {
    expect(useColour({}, true)).toBe(true);
    expect(useColour({}, false)).toBe(false);
    expect(useColour({ NO_COLOR: '1', FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColour({ FORCE_COLOR: '1' }, false)).toBe(true);
  });
});

describe('exchangeBlock', () => {
  it('shows the request, the status, the key headers and the body with what was cut', () => {
    expect(exchangeBlock(metric, colours(false))).toBe(
      [
        'GET Account: GET {{admin_url}}/accounts/acc-7 → 404 12.3 ms',
        '  request',
        '    authorization: Bearer redacted-access_token-1',
        '  response 404',
        '    content-type: application/json',
        '    {"name":"NotFound"… (120 more characters)',
      ].join('\n'),
    );
  });

  it('writes colour codes only when colour is on', () => {
    expect(exchangeBlock(metric, colours(true))).toContain('\u001b[31m404');
    expect(exchangeBlock(metric, colours(false))).not.toContain('\u001b[');
  });
});

describe('failure text', () => {
  it('picks out the schema pointer of a contract failure', () => {
    const text = failureText('  1. at /status: must be equal to one of the allowed values\n     schema: #/properties/status/enum', colours(true));
    expect(text).toContain('schema: \u001b[36m#/properties/status/enum');
  });

  it('sums a matcher failure up in one line with its Expected and Received', () => {
    const message = 'Error: expect(received).toBe(expected) // Object.is equality\n\nExpected: 201\nReceived: 400\n    at Object.<anonymous> (x.test.ts:1:1)';
    expect(headline(message)).toBe('expect(received).toBe(expected) // Object.is equality · Expected: 201 · Received: 400');
    const contract =
      'expect(received).toMatchSchema("admin/account")\n\nThe value does not match: 1 problem.\n  1. at (root): must have required property \'name\'';
    expect(headline(contract)).toBe('expect(received).toMatchSchema("admin/account") · 1. at (root): must have required property \'name\'');
    expect(headline('Error: "GET Token" got no answer after 30000 ms\n    at x')).toBe('"GET Token" got no answer after 30000 ms');
  });
});

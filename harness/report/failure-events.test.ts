import type { Circus } from '@jest/types';
import { Scrubber } from '../redact/scrubber';
import { maskFailures } from './failure-events';
import { exposeFailureMasker, identifierNoter } from './failure-masker';
import type { FailureTextMetric } from './metrics';

const ACCOUNT = '7c2b9d1e-4f3a-4b2c-9d8e-1a2b3c4d5e6f';
const TOKEN = 'opaque-token-0123456789';

function failingTest(errors: unknown[]): Circus.TestEntry {
  return { errors } as unknown as Circus.TestEntry;
}

function jestLikeError(): Error & { matcherResult: Record<string, unknown> } {
  const error = new Error(`expect(received).toEqual(expected)\nReceived: {"accountId": "${ACCOUNT}", "note": "Bearer ${TOKEN}"}`) as Error & {
    matcherResult: Record<string, unknown>;
  };
  error.matcherResult = { pass: false, message: error.message, actual: { accountId: ACCOUNT, nested: { token: TOKEN } }, expected: { accountId: 'other' } };
  return error;
}

function setUp(policy: { shared: boolean; terminal: boolean }) {
  const holder = {};
  const scrubber = new Scrubber([
    { name: 'accountId', value: ACCOUNT },
    { name: 'access_token', value: TOKEN },
  ]);
  exposeFailureMasker(scrubber, { file: 'suites/admin/account.test.ts', policy }, holder);
  const written: FailureTextMetric[] = [];
  return { holder, scrubber, written, write: (metric: FailureTextMetric) => void written.push(metric) };
}

describe('maskFailures', () => {
  it('rewrites a failed test’s errors for the reports, and keeps the identifiers for a local terminal', () => {
    const { holder, written, write } = setUp({ shared: true, terminal: false });
    const error = jestLikeError();
    maskFailures({ name: 'test_fn_failure', test: failingTest([error]) } as Circus.Event, undefined, holder, write);
    for (const text of [error.message, error.stack ?? '', String(error.matcherResult.message), JSON.stringify(error.matcherResult.actual)]) {
      expect(text).not.toContain(ACCOUNT);
      expect(text).not.toContain(TOKEN);
    }
    expect(error.message).toContain('"accountId": "redacted-accountid-1"');
    expect(error.matcherResult.actual).toEqual({ accountId: '«masked accountId»', nested: { token: '«masked token»' } });
    const message = written.find((m) => m.shared === error.message);
    expect(message?.terminal).toContain(ACCOUNT);
    expect(message?.terminal).not.toContain(TOKEN);
    expect(message?.file).toBe('suites/admin/account.test.ts');
  });

  it('masks the terminal’s copy too on CI, so nothing with an identifier is written', () => {
    const { holder, written, write } = setUp({ shared: true, terminal: true });
    const error = jestLikeError();
    maskFailures({ name: 'test_done', test: failingTest([error]) } as Circus.Event, undefined, holder, write);
    expect(error.message).not.toContain(ACCOUNT);
    expect(written).toEqual([]);
  });

  it('with mask_identifiers=false masks secrets only, in the reports as well', () => {
    const { holder, write } = setUp({ shared: false, terminal: false });
    const error = jestLikeError();
    maskFailures({ name: 'test_done', test: failingTest([error]) } as Circus.Event, undefined, holder, write);
    expect(error.message).toContain(ACCOUNT);
    expect(error.message).not.toContain(TOKEN);
  });

  it('masks a hook’s error, a thrown string, and an error’s cause; and masks each error once', () => {
    const { holder, write } = setUp({ shared: true, terminal: true });
    const hookError = new Error(`beforeAll: GET /accounts/${ACCOUNT} timed out`, { cause: new Error(`token ${TOKEN}`) });
    const thrown: unknown[] = [`account ${ACCOUNT}`, new Error('thrown')];
    const event = { name: 'hook_failure', error: hookError, test: failingTest([thrown]) } as unknown as Circus.Event;
    maskFailures(event, undefined, holder, write);
    maskFailures(event, undefined, holder, write);
    expect(hookError.message).toBe('beforeAll: GET /accounts/redacted-accountid-1 timed out');
    expect((hookError.cause as Error).message).toBe('token redacted-access_token-1');
    expect(thrown[0]).toBe('account redacted-accountid-1');
  });

  it('without a masker (a failure before any test began) falls back to the shapes of identifiers and secrets', () => {
    const error = new Error(`{"accountId": "acme-corp", "id": "${ACCOUNT}"} Bearer ${TOKEN}`);
    maskFailures({ name: 'test_done', test: failingTest([error]) } as Circus.Event, undefined, {}, () => undefined);
    expect(error.message).toBe('{"accountId": "«masked accountId»", "id": "«masked uuid»"} Bearer «masked token»');
  });

  it('tells the matcher it may print identifiers only once the environment masks the shared copies', () => {
    const { holder } = setUp({ shared: true, terminal: false });
    expect(identifierNoter(holder)).toBeUndefined();
    maskFailures({ name: 'test_start' } as Circus.Event, undefined, holder);
    expect(identifierNoter(holder)).toBeInstanceOf(Function);
    const ci = setUp({ shared: true, terminal: true });
    maskFailures({ name: 'test_start' } as Circus.Event, undefined, ci.holder);
    expect(identifierNoter(ci.holder)).toBeUndefined();
  });
});

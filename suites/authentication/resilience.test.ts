// The harness's promises for a night against a real account, shown on the embedded sandbox through
// its switchboard (sandbox/README.md, Switchboard): requests that may be repeated are sent again on
// 5xx, 429 and connection resets, with back-off and the 429's Retry-After honoured in both its
// forms (RFC 9110 §10.2.3); a POST that creates something is never repeated; a slow answer ends in
// an error naming the request. A test that needed a retry is reported flaky (harness/report/flaky.ts).
//
// Statuses are recorded, so replay repeats the same retries (without waiting). Resets and timeouts
// leave no answer to record and need the switchboard to happen at all: those tests run only live
// against the embedded sandbox, and are skipped — with this reason — in replay and on real accounts.
import { sandboxSwitchboard, useCollection, type FaultSpec } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Claims } from '../../types/authentication/claims';
import type { Application } from '../../types/authentication/application';
import { authentication } from './collection';

const api = useCollection(authentication);
const switchboard = sandboxSwitchboard();
const liveOnSandbox = switchboard ? it : it.skip;

/** Faults for the auth service only, switched off after the test whatever happens. */
async function inject(...faults: FaultSpec[]): Promise<void> {
  if (!switchboard) return;
  await switchboard.setFaults(faults.map((fault) => ({ service: 'authentication', ...fault }) as FaultSpec));
  api.cleanup('switch the faults off', () => switchboard.setFaults([]));
}

describe('Resilience: retries', () => {
  it('sends a GET again after a burst of 503s and 502s, and it passes (marked flaky)', async () => {
    await inject({ kind: 'server-error', status: 503, method: 'GET', next: 1 }, { kind: 'server-error', status: 502, method: 'GET', next: 1 });

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/claims');
    expect(api.retries()).toHaveLength(2);
    expect(api.retries()[0]).toMatch(/"GET Token" attempt 1 got status 50[23]/);
  });

  it('honours a 429 whose Retry-After is a number of seconds', async () => {
    await inject({ kind: 'rate-limit', retryAfterSeconds: 1, retryAfterFormat: 'seconds', method: 'GET', next: 1 });

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(api.retries()).toEqual([expect.stringMatching(/got status 429; sent again after (1000|0) ms$/)]);
    if (switchboard) expect(api.retries()[0]).toMatch(/after 1000 ms$/);
  });

  it('honours a 429 whose Retry-After is an HTTP date', async () => {
    await inject({ kind: 'rate-limit', retryAfterSeconds: 1, retryAfterFormat: 'http-date', method: 'GET', next: 1 });

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(api.retries()).toEqual([expect.stringMatching(/got status 429; sent again after \d+ ms$/)]);
    // An HTTP date has whole seconds, so "1 s from now" is up to 2 s away once rounded up.
    const waited = Number(/after (\d+) ms$/.exec(api.retries()[0] ?? '')?.[1]);
    expect(waited).toBeLessThanOrEqual(2000);
  });

  it('gives up after the configured attempts and answers the last status', async () => {
    await inject({ kind: 'server-error', status: 504, method: 'GET', next: 3 });

    const res = await api.send<PlatformError>('GET Token');

    expect(res.status).toBe(504);
    expect(res.body).toMatchSchema('_shared/error');
    expect(api.retries()).toHaveLength(2);
  });

  it('never sends a POST that creates something twice: a 503 on POST Application is answered as is', async () => {
    await inject({ kind: 'server-error', status: 503, method: 'POST', next: 1 });

    const res = await api.send<Application | PlatformError>('POST Application', {
      vars: { appName: 'harness-resilience-probe', appDescription: 'Must not be retried.' },
    });

    expect(res.status).toBe(503);
    expect(res.body).toMatchSchema('_shared/error');
    expect(api.retries()).toEqual([]);
  });

  liveOnSandbox('sends a GET again after the connection is reset', async () => {
    await inject({ kind: 'reset', method: 'GET', next: 1 });

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(api.retries()).toEqual([expect.stringMatching(/"GET Token" attempt 1 got no answer/)]);
  });

  liveOnSandbox('fails a request slower than its timeout with its name, URL and elapsed time', async () => {
    await inject({ kind: 'latency', ms: 400, method: 'GET', path: '/token' });

    await expect(api.send('GET Token', { timeoutMs: 100 })).rejects.toThrow(/^"GET Token" \(GET \{\{auth_url\}\}\/token\) got no answer after \d+ ms/);
    expect(api.retries()).toHaveLength(2);
  });
});

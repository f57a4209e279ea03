// The harness's promises for a night against a real account, shown on the embedded sandbox through
// its switchboard (sandbox/README.md, Switchboard): requests that may be repeated are sent again on
// 5xx, 429 and connection resets, with back-off and the 429's Retry-After honoured in both its
// forms (RFC 9110 §10.2.3); a POST that creates something is never repeated; a slow answer ends in
// an error naming the request. A test that needed a retry is reported flaky (harness/report/flaky.ts).
//
// Statuses are recorded, so replay repeats the same retries (without waiting). Resets and timeouts
// leave no answer to record and need the switchboard to happen at all: those tests run only live
// against a sandbox (itWithLiveFaults). On a real account there is no switchboard: every test that
// needs a fault is skipped there, with the reason in its name, so a nightly stays green.
//
// The switchboard is one per sandbox and other test files run beside this one, so every test that
// sets a fault lives in this file (jest runs a file's tests one after another), and faults are
// aimed at this file's requests with a tag wherever they must not touch the others.
//
// Scenario "Token lifecycle": access tokens that expire in the middle of a run are refreshed with
// no failed request. CloudLink access tokens live an hour (AUTH-SPEC) and a 401 is the only sign
// of expiry a client gets (AUTH-SPEC); the harness refreshes once per
// user however many requests hit the 401 together (single-flight), then replays each request.
//
// The test replaces both users' tokens with ones the platform rejects (401), on every target;
// replay plays back the recorded 401s and the one refresh per user.
import { type FaultSpec, itWithFaults, itWithLiveFaults, itWritesWithFaults, sandboxSwitchboard, useCollection, type UserKey } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Claims } from '../../types/authentication/claims';
import type { Application } from '../../types/authentication/application';
import { authentication } from './collection';

const api = useCollection(authentication);
const switchboard = sandboxSwitchboard();

/**
 * Faults aimed at this test's own requests: other test files use the same routes on the same
 * sandbox at the same time, so every fault is scoped to an x-switchboard-tag header that only this
 * test's requests (the harness's own token refresh included) carry. The retries they provoke are
 * what the test proves, not flakiness. Switched off after the test whatever happens.
 */
const TAG = 'resilience';

async function inject(...faults: FaultSpec[]): Promise<void> {
  api.addHeadersForTest({ 'x-switchboard-tag': TAG });
  api.expectRetries();
  if (!switchboard) return;
  await switchboard.setFaults(faults.map((fault) => ({ service: 'authentication', tag: TAG, ...fault }) as FaultSpec));
  api.cleanup('switch the faults off', () => switchboard.setFaults([]));
}

describe('Resilience: retries', () => {
  itWithFaults('sends a GET again after a burst of 503s and 502s, and it passes', async () => {
    await inject({ kind: 'server-error', status: 503, method: 'GET', next: 1 }, { kind: 'server-error', status: 502, method: 'GET', next: 1 });

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/claims');
    expect(api.retries()).toHaveLength(2);
    expect(api.retries()[0]).toMatch(/"GET Token" attempt 1 got status 50[23]/);
  });

  itWithFaults('honours a 429 whose Retry-After is a number of seconds', async () => {
    await inject({ kind: 'rate-limit', retryAfterSeconds: 1, retryAfterFormat: 'seconds', method: 'GET', next: 1 });

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(api.retries()).toEqual([expect.stringMatching(/got status 429; sent again after (1000|0) ms$/)]);
    if (switchboard) expect(api.retries()[0]).toMatch(/after 1000 ms$/);
  });

  itWithFaults('honours a 429 whose Retry-After is an HTTP date', async () => {
    await inject({ kind: 'rate-limit', retryAfterSeconds: 1, retryAfterFormat: 'http-date', method: 'GET', next: 1 });

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(api.retries()).toEqual([expect.stringMatching(/got status 429; sent again after \d+ ms$/)]);
    // An HTTP date has whole seconds, so "1 s from now" is 0.5–1.5 s away once rounded to the nearest
    // (sandbox/README.md): more than a first back-off waits (at most retry_base_ms, 250 ms unless an
    // environment says less), so the date was read. In replay the recorded date is past and the
    // retry is sent at once.
    const waited = Number(/after (\d+) ms$/.exec(api.retries()[0] ?? '')?.[1]);
    expect(waited).toBeLessThanOrEqual(2000);
    if (switchboard) expect(waited).toBeGreaterThanOrEqual(400);
  });

  itWithFaults('gives up after the configured attempts and answers the last status', async () => {
    await inject({ kind: 'server-error', status: 504, method: 'GET', next: 3 });

    const res = await api.send<PlatformError>('GET Token');

    expect(res.status).toBe(504);
    expect(res.body).toMatchSchema('_shared/error');
    expect(api.retries()).toHaveLength(2);
  });

  // Without the fault this POST would create a real application: never on a target without a switchboard.
  itWritesWithFaults('never sends a POST that creates something twice: a 503 on POST Application is answered as is', async () => {
    await inject({ kind: 'server-error', status: 503, method: 'POST', next: 1 });

    const res = await api.send<Application | PlatformError>('POST Application', {
      vars: { appName: 'harness-resilience-probe', appDescription: 'Must not be retried.' },
    });

    expect(res.status).toBe(503);
    expect(res.body).toMatchSchema('_shared/error');
    expect(api.retries()).toEqual([]);
  });

  itWithLiveFaults('sends a GET again after the connection is reset', async () => {
    await inject({ kind: 'reset', method: 'GET', next: 1 });

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(api.retries()).toEqual([expect.stringMatching(/"GET Token" attempt 1 got no answer/)]);
  });

  itWithLiveFaults('fails a request slower than its timeout with its name, URL and elapsed time', async () => {
    await inject({ kind: 'latency', ms: 400, method: 'GET', path: '/token' });

    await expect(api.send('GET Token', { timeoutMs: 100 })).rejects.toThrow(/^"GET Token" \(GET \{\{auth_url\}\}\/token\) got no answer after \d+ ms/);
    expect(api.retries()).toHaveLength(2);
  });
});

/**
 * Makes both users' access tokens unusable at once, as an hour passing would. Done in this worker
 * only: the switchboard's expire-tokens fault would expire every token on the sandbox, including
 * those of the test files running beside this one (its own tests are in sandbox/switchboard/).
 */
function expireEveryToken(): void {
  for (const user of ['primary', 'second'] as UserKey[]) api.replaceAccessToken(user, `expired-${user}-access-token`);
}

describe('Scenario: token lifecycle', () => {
  it('refreshes tokens that expire mid-run once per user, with every request answered', async () => {
    const warmUp = await api.send<Claims>('GET Token');
    expect(warmUp.status).toBe(200);
    const before = { primary: api.tokenRefreshes('primary'), second: api.tokenRefreshes('second') };

    expireEveryToken();
    // Concurrent within a user (that is what single-flight is about), one user after the other:
    // replay numbers the placeholders of new tokens in the order they appear, so that order must not
    // depend on which user's refresh the network happens to finish first.
    const answers = await Promise.all([api.send<Claims>('GET Token'), api.send<Claims>('GET Token'), api.send<Claims>('GET Token')]);
    answers.push(...(await Promise.all([api.send<Claims>('GET Token', { as: 'second' }), api.send<Claims>('GET Token', { as: 'second' })])));

    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.body).toMatchSchema('authentication/claims');
    }
    expect(api.tokenRefreshes('primary') - before.primary).toBe(1);
    expect(api.tokenRefreshes('second') - before.second).toBe(1);
  });

  it('keeps working on the refreshed token: later requests need no further refresh', async () => {
    expireEveryToken();
    expect((await api.send<Claims>('GET Token')).status).toBe(200);
    const afterFirst = api.tokenRefreshes('primary');

    const again = await api.send<Claims>('GET Token');

    expect(again.status).toBe(200);
    expect(again.body).toMatchSchema('authentication/claims');
    expect(api.tokenRefreshes('primary')).toBe(afterFirst);
  });
});

describe('Resilience: token trouble', () => {
  itWithFaults('ends a refresh that keeps failing with one clear error naming the user, after retrying the grant', async () => {
    // The harness's own POST Refresh Token carries the tag too, so the fault reaches it and no other file.
    await inject({ kind: 'server-error', status: 503, method: 'POST', path: '/token', next: 3 });
    api.replaceAccessToken('primary', 'revoked-primary-access-token');

    await expect(api.send('GET Token')).rejects.toThrow(/^Refreshing the access token of the primary user failed: POST Refresh Token answered 503/);
    expect(api.retries()).toEqual([
      expect.stringMatching(/^"POST Refresh Token" attempt 1 got status 503/),
      expect.stringMatching(/^"POST Refresh Token" attempt 2 got status 503/),
    ]);
  });

  // The second half of the scenario above: it needs the token the test before it revoked.
  itWithFaults('recovers on the next request once the platform answers again', async () => {
    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/claims');
  });
});

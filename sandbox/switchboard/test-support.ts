// Shared arrangements for the switchboard's tests: a test sandbox (movable clock, real loopback
// HTTP) together with a client for its keyed switchboard route, and JSON requests as a seeded user.
import { bearer, login, testSandbox, type TestResponse, type TestSandbox, type TestSandboxOptions } from '../test-support';
import { switchboardClient, type SwitchboardClient } from './client';
import { SWITCHBOARD_PATH, type SwitchboardAccess } from './types';

export interface BoardTest {
  sandbox: TestSandbox;
  origin: string;
  access: SwitchboardAccess;
  board: SwitchboardClient;
  /** The primary user's access token (an ACCOUNT_ADMIN), logged in before any fault was set. */
  token: string;
  /** `path` is the full path (service prefix included); `body` is sent as JSON. */
  call(method: string, path: string, body?: unknown, token?: string): Promise<TestResponse>;
  close(): Promise<void>;
}

export async function boardTest(options: TestSandboxOptions = {}): Promise<BoardTest> {
  const sandbox = await testSandbox(options);
  const address = sandbox.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('test sandbox has no TCP address');
  const origin = `http://127.0.0.1:${address.port}`;
  const access = { url: `${origin}${SWITCHBOARD_PATH}`, key: sandbox.state.switchboard.key };
  const token = (await login(sandbox, 'primary')).access_token;
  return {
    sandbox,
    origin,
    access,
    board: switchboardClient(access),
    token,
    call: (method, path, body, as = token) =>
      sandbox.send({
        method,
        url: path,
        headers: body === undefined ? bearer(as) : { ...bearer(as), 'content-type': 'application/json' },
        payload: body === undefined ? undefined : JSON.stringify(body),
      }),
    close: () => sandbox.close(),
  };
}

/** How long an async step took, in milliseconds. */
export async function timed<T>(step: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await step();
  return { result, ms: performance.now() - started };
}

/** Resolves once `check` holds, asking every 10 ms; fails after `timeoutMs` saying what it waited for. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

// Starts a sandbox on 127.0.0.1 (loopback only: it holds published credentials and must not be
// reachable from the network) and describes the running instance.
import { buildSandbox, SERVICE_PREFIXES } from './app';
import { describeCredentials } from './state';
import { SWITCHBOARD_PATH } from './switchboard/types';
import type { RunningSandbox, SandboxUrls, StartSandboxOptions } from './types';

export const SANDBOX_HOST = '127.0.0.1';

export function urlsFor(origin: string): SandboxUrls {
  return {
    auth_url: `${origin}${SERVICE_PREFIXES.auth_url}`,
    admin_url: `${origin}${SERVICE_PREFIXES.admin_url}`,
    media_url: `${origin}${SERVICE_PREFIXES.media_url}`,
    chat_url: `${origin}${SERVICE_PREFIXES.chat_url}`,
    notifications_url: `${origin}${SERVICE_PREFIXES.notifications_url}`,
  };
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { app, state } = buildSandbox(options);
  // Port 0 by default: fixed ports collide when test workers run in parallel.
  await app.listen({ host: SANDBOX_HOST, port: options.port ?? 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    await app.close();
    throw new Error('sandbox did not get a TCP address');
  }
  const origin = `http://${SANDBOX_HOST}:${address.port}`;
  let closing: Promise<void> | undefined;
  return {
    origin,
    urls: urlsFor(origin),
    credentials: describeCredentials(state),
    switchboard: { url: `${origin}${SWITCHBOARD_PATH}`, key: state.switchboard.key },
    inventory: () => Object.fromEntries([...state.inventory].map(([name, read]) => [name, read()])),
    // Idempotent: a teardown and a signal handler may both close it.
    close: () => (closing ??= app.close()),
  };
}

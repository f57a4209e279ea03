// For the harness's own unit tests that need a running sandbox and the primary user's token: the
// same start and password-grant login, written once.
import { startSandbox, type RunningSandbox } from '../../sandbox';

export interface SandboxWithToken {
  sandbox: RunningSandbox;
  token: string;
  /** fetch against one of the sandbox's APIs as the primary user, with a JSON body when given. */
  send(method: string, url: string, body?: unknown): Promise<Response>;
}

export async function sandboxWithToken(): Promise<SandboxWithToken> {
  const sandbox = await startSandbox();
  const primary = sandbox.credentials.users.find((user) => user.key === 'primary');
  const res = await fetch(`${sandbox.urls.auth_url}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: primary?.username, password: primary?.password }),
  });
  if (res.status !== 201) throw new Error(`The sandbox refused the primary user's login with ${res.status}.`);
  const token = ((await res.json()) as { access_token: string }).access_token;
  const send = (method: string, url: string, body?: unknown) =>
    fetch(url, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { sandbox, token, send };
}

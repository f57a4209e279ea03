// Shared arrangements for the admin service's tests: a sandbox with tokens for the seeded users,
// the other account's user and a global admin (the seed has none, so one is added here), JSON
// requests under the admin prefix, and what the service published on the event bus.
import type { Publication } from '../../platform/events';
import type { UserRecord } from '../../model';
import { MAIN_ACCOUNT_ID, OTHER_ACCOUNT_ID } from '../../seed';
import { bearer, login, postForm, testSandbox, type TestResponse, type TestSandbox } from '../../test-support';

export const ADMIN = '/admin/2017-09-01';
export const MAIN_USERS = `/accounts/${MAIN_ACCOUNT_ID}/users`;
export const OTHER_USERS = `/accounts/${OTHER_ACCOUNT_ID}/users`;

export type Who = 'primary' | 'second' | 'user' | 'partner' | 'other' | 'global';

/** The seed has no global admin. This one lives in the other account, so reaching the main one proves a global reach. */
const GLOBAL_ADMIN: UserRecord = {
  userId: '6c5b4a39-2817-4f06-9e5d-4c3b2a190807',
  uniqueUserId: '6c5b4a39-2817-4f06-9e5d-4c3b2a190807',
  principalId: '6c5b4a39-2817-4f06-9e5d-4c3b2a190807',
  accountId: OTHER_ACCOUNT_ID,
  email: 'gil.global@example.com',
  name: 'Gil Global',
  role: 'GLOBAL_ADMIN',
  password: 'Sandbox-Global-6!',
  languageCode: 'en-US',
  emailVerified: true,
  extensionVerified: false,
  mobileVerified: false,
  phoneVerified: false,
  active: true,
};

export interface AdminTest {
  sandbox: TestSandbox;
  events: Publication[];
  tokens: Record<Who, string>;
  /** A request as `who` (a Bearer token) under the admin prefix; `body` is sent as JSON. */
  call(method: string, path: string, who: Who | { token: string }, body?: unknown): Promise<TestResponse>;
  /** Creates a user in the main account as the primary admin; fails the test unless 201. */
  createUser(fields?: Record<string, unknown>): Promise<AdminUser>;
  /** The password grant for any username; the raw answer. */
  signIn(username: string, password: string, accountId?: string): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface AdminUser {
  userId: string;
  accountId: string;
  email: string;
  name: string;
  role: string;
  _links: { self: string };
  [field: string]: unknown;
}

export interface Collection<T = Record<string, unknown>> {
  count: number;
  _links: { self: string; next?: string };
  _embedded: { items: T[] };
}

let serial = 0;

/** A fresh, valid user body; every call a different email so tests never collide. */
export function newUserBody(fields: Record<string, unknown> = {}): Record<string, unknown> {
  serial += 1;
  return { name: `Test User ${serial}`, email: `test.user.${serial}@example.com`, password: 'Created-Pass-1', ...fields };
}

export async function adminTest(): Promise<AdminTest> {
  const sandbox = await testSandbox();
  sandbox.state.users.push({ ...GLOBAL_ADMIN });
  const tokens = {} as Record<Who, string>;
  for (const key of ['primary', 'second', 'user', 'partner'] as const) tokens[key] = (await login(sandbox, key)).access_token;
  const signIn = (username: string, password: string, accountId?: string) =>
    postForm(sandbox, '/token', { grant_type: 'password', username, password, ...(accountId ? { account_id: accountId } : {}) });
  tokens.other = (await signIn('uma.user@example.com', 'Sandbox-Other-5!', OTHER_ACCOUNT_ID)).json<{ access_token: string }>().access_token;
  tokens.global = (await signIn(GLOBAL_ADMIN.email, GLOBAL_ADMIN.password)).json<{ access_token: string }>().access_token;
  const events: Publication[] = [];
  sandbox.state.events.subscribe((publication) => events.push(publication));

  const call: AdminTest['call'] = (method, path, who, body) => {
    const headers: Record<string, string> = { ...bearer(typeof who === 'string' ? tokens[who] : who.token) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return sandbox.send({ method, url: `${ADMIN}${path}`, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
  };
  return {
    sandbox,
    events,
    tokens,
    call,
    signIn,
    createUser: async (fields) => {
      const response = await call('POST', MAIN_USERS, 'primary', newUserBody(fields));
      if (response.statusCode !== 201) throw new Error(`POST users answered ${response.statusCode}: ${response.body}`);
      return response.json<AdminUser>();
    },
    close: () => sandbox.close(),
  };
}

/** Follows `_links.next` from `path` to the end, returning every page; links resolve against the origin. */
export async function walk<T>(admin: AdminTest, path: string, who: Who = 'primary'): Promise<Array<Collection<T>>> {
  const pages: Array<Collection<T>> = [];
  let url: string | undefined = `${ADMIN}${path}`;
  while (url !== undefined) {
    const response = await admin.sandbox.send({ method: 'GET', url, headers: bearer(admin.tokens[who]) });
    if (response.statusCode !== 200) throw new Error(`GET ${url} answered ${response.statusCode}: ${response.body}`);
    const page: Collection<T> = response.json<Collection<T>>();
    pages.push(page);
    url = page._links.next;
    if (pages.length > 50) throw new Error('more than 50 pages: the next links loop');
  }
  return pages;
}

// Shared arrangements for the sandbox's own tests: a sandbox on a hand-moved clock, requests in
// the shapes CloudLink clients send (form, JSON), and a way to read a JWT's claims.
//
// Requests go over real loopback HTTP rather than fastify's app.inject: inject loads
// light-my-request, whose `cookie` dependency is ESM-only, and jest on Node 20 cannot require
// ESM. A listening instance costs a few milliseconds and tests the real HTTP path as well.
import type { FastifyInstance } from 'fastify';
import { buildSandbox } from './app';
import { loopbackRequest } from './loopback-request';
import { describeCredentials, type SandboxState } from './state';
import type { SandboxOptions, SandboxUser } from './types';

export const AUTH = '/authentication/2017-09-01';

export interface TestRequest {
  method: string;
  url: string;
  headers?: Record<string, string>;
  payload?: string;
}

export interface TestResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

export interface TestSandbox {
  app: FastifyInstance;
  state: SandboxState;
  /** Moves the sandbox clock forward. */
  advance(seconds: number): void;
  user(key: SandboxUser['key']): SandboxUser;
  send(request: TestRequest): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestSandboxOptions extends SandboxOptions {
  /** Runs before the instance listens, e.g. to add a route a test needs. */
  setup?: (app: FastifyInstance) => void;
}

export async function testSandbox(options: TestSandboxOptions = {}): Promise<TestSandbox> {
  let nowMs = Date.UTC(2025, 0, 15, 12, 0, 0);
  const { setup, ...sandboxOptions } = options;
  const { app, state } = buildSandbox({ now: () => nowMs, ...sandboxOptions });
  setup?.(app);
  const origin = await app.listen({ host: '127.0.0.1', port: 0 });
  const users = describeCredentials(state).users;
  return {
    app,
    state,
    advance: (seconds) => void (nowMs += seconds * 1000),
    user: (key) => {
      const found = users.find((candidate) => candidate.key === key);
      if (!found) throw new Error(`no seeded user '${key}'`);
      return found;
    },
    send: async (request) => {
      const response = await loopbackRequest(`${origin}${request.url}`, { method: request.method, headers: request.headers, body: request.payload });
      return {
        statusCode: response.status,
        headers: response.headers,
        body: response.body,
        json: <T>() => JSON.parse(response.body) as T,
      };
    },
    close: () => app.close(),
  };
}

export function postForm(sandbox: TestSandbox, path: string, fields: Record<string, string>, headers: Record<string, string> = {}): Promise<TestResponse> {
  return sandbox.send({
    method: 'POST',
    url: `${AUTH}${path}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams(fields).toString(),
  });
}

export function postJson(sandbox: TestSandbox, path: string, body: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
  return sandbox.send({
    method: 'POST',
    url: `${AUTH}${path}`,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(body),
  });
}

export interface TokenBody {
  token_type: string;
  expires_in: number;
  access_token: string;
  refresh_token: string;
  scope: string;
}

/** Logs a seeded user in with the password grant; fails the test when that does not give 201. */
export async function login(sandbox: TestSandbox, key: SandboxUser['key'], extra: Record<string, string> = {}): Promise<TokenBody> {
  const user = sandbox.user(key);
  const response = await postForm(sandbox, '/token', {
    grant_type: 'password',
    username: user.username,
    password: user.password,
    account_id: user.accountId,
    ...extra,
  });
  if (response.statusCode !== 201) throw new Error(`login as ${key} answered ${response.statusCode}: ${response.body}`);
  return response.json<TokenBody>();
}

export function decodeJwt(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (payload === undefined) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

// Shared arrangements for the media service's tests: a sandbox with tokens for the seeded users
// (and the other account's), JSON requests under the media prefix, and the publications the
// service put on the event bus.
import type { Publication } from '../../platform/events';
import { OTHER_ACCOUNT_ID } from '../../seed';
import { bearer, login, postForm, testSandbox, type TestResponse, type TestSandbox } from '../../test-support';

export const MEDIA = '/media/2017-09-01';

export type Who = 'primary' | 'second' | 'user' | 'partner' | 'other';

export interface MediaTest {
  sandbox: TestSandbox;
  events: Publication[];
  /** A request as `who` (a Bearer token); `body` is sent as JSON. */
  call(method: string, path: string, who: Who, body?: unknown): Promise<TestResponse>;
  /** Places a call as `who` and returns the caller's leg; fails the test unless it answers 200. */
  dial(from: string, to: string, who?: Who, extra?: Record<string, unknown>): Promise<Leg>;
  /** Runs an action on a leg and returns the answer; `expected` status checked (200 by default). */
  act(leg: Leg | string, body: Record<string, unknown>, who?: Who, expected?: number): Promise<Leg>;
  /** The current state of a leg, by callId. */
  leg(callId: string, who?: Who): Promise<Leg>;
  close(): Promise<void>;
}

export interface Leg {
  callId: string;
  endpointId: string;
  state: string;
  cause: string;
  direction: string;
  from: string;
  to: string;
  _links: { self: string };
  [field: string]: unknown;
}

/** `endpoints/2001/calls/5` → `/endpoints/2001/calls/5`, the route under the prefix. */
export const routeOf = (callId: string) => `/${callId}`;

export async function mediaTest(): Promise<MediaTest> {
  const sandbox = await testSandbox();
  const tokens: Record<string, string> = {};
  for (const key of ['primary', 'second', 'user', 'partner'] as const) tokens[key] = (await login(sandbox, key)).access_token;
  const other = await postForm(sandbox, '/token', {
    grant_type: 'password',
    username: 'uma.user@example.com',
    password: 'Sandbox-Other-5!',
    account_id: OTHER_ACCOUNT_ID,
  });
  tokens.other = other.json<{ access_token: string }>().access_token;
  const events: Publication[] = [];
  sandbox.state.events.subscribe((publication) => events.push(publication));

  const call = (method: string, path: string, who: Who, body?: unknown) => {
    const headers: Record<string, string> = { ...bearer(tokens[who] ?? '') };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return sandbox.send({ method, url: `${MEDIA}${path}`, headers, payload: body === undefined ? undefined : JSON.stringify(body) });
  };
  const expectStatus = (response: TestResponse, status: number, what: string) => {
    if (response.statusCode !== status) throw new Error(`${what} answered ${response.statusCode}: ${response.body}`);
    return response.json<Leg>();
  };
  return {
    sandbox,
    events,
    call,
    dial: async (from, to, who = 'primary', extra = {}) =>
      expectStatus(await call('POST', `/endpoints/${from}/calls`, who, { to, ...extra }), 200, `dial ${from}→${to}`),
    act: async (leg, body, who = 'primary', expected = 200) => {
      const callId = typeof leg === 'string' ? leg : leg.callId;
      return expectStatus(await call('PUT', routeOf(callId), who, body), expected, `${String(body.action)} on ${callId}`);
    },
    leg: async (callId, who = 'primary') => expectStatus(await call('GET', routeOf(callId), who), 200, `GET ${callId}`),
    close: () => sandbox.close(),
  };
}

/** The active legs of an endpoint, by GET /endpoints/{id}/calls. */
export async function activeLegs(media: MediaTest, endpointId: string, who: Who = 'primary'): Promise<Leg[]> {
  const response = await media.call('GET', `/endpoints/${endpointId}/calls`, who);
  return response.json<{ _embedded: { items: Leg[] } }>()._embedded.items;
}

/** The one active leg of an endpoint; fails unless there is exactly one. */
export async function onlyLeg(media: MediaTest, endpointId: string): Promise<Leg> {
  const legs = await activeLegs(media, endpointId);
  if (legs.length !== 1 || !legs[0]) throw new Error(`endpoint ${endpointId} has ${legs.length} active legs`);
  return legs[0];
}

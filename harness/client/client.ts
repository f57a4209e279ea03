// The one HTTP client suites use. `send("POST Token")` resolves the named request, adds auth and
// x-mitel-app, and sends it; the mode decides where the answer comes from:
//   live    real HTTP to the environment's URLs;
//   record  the same, then the scrubbed exchange is kept for the fixture file;
//   replay  the request is scrubbed and answered by nock from the fixture; nothing leaves the process.
// A 401 on an authenticated request refreshes that user's token once (single-flight) and replays
// the request once. Every exchange goes to the report, scrubbed.
import { performance } from 'node:perf_hooks';
import { tokenFrom, TokenAcquisitionError } from '../auth/acquire';
import { tokenRequests } from '../auth/token-requests';
import { TokenRefreshError } from '../auth/token-store';
import type { UserKey } from '../auth/users';
import { isReplayMiss, templateVariable, toUrlTemplate } from '../fixtures';
import { labelTest } from '../report/allure';
import { writeMetric } from '../report/metrics';
import { session, type TestState } from '../session';
import { buildRequest, type RequestOverrides } from './build-request';
import { linkToTemplate } from './links';
import { isRetrySafe, RETRYABLE_STATUSES, retryDelayMs, retryPolicy } from './retry';
import { isReadOnly, onlyReads, ReadOnlyError } from '../read-only';
import type { RecordedRequest } from './exchange';
import { keepExchange } from './keep-exchange';
import type { Collection, NamedRequest, RequestAuth } from './named-request';
import { sendHttp, TransportError } from './transport';

export interface SendOptions extends RequestOverrides {
  /** Send as another configured user, or without auth; defaults to the request's own `auth`. */
  as?: RequestAuth;
  /** This request's timeout in ms; default the environment's `request_timeout_ms`, else 30 s. */
  timeoutMs?: number;
}

export interface ApiResponse<Body = unknown> {
  status: number;
  headers: Record<string, string>;
  body: Body;
  /** Time on the wire, in ms. */
  ms: number;
}

/** The part of a HAL collection page that paging needs. */
export interface HalPage<Item> {
  _links: { next?: string };
  _embedded: { items: Item[] };
}

export interface CollectionClient<Names extends string> {
  readonly collection: Collection<Names>;
  send<Body = unknown>(name: Names, options?: SendOptions): Promise<ApiResponse<Body>>;
  /**
   * Sends a named request to a HAL link the API answered with (`_links.next`, `_links.self`): the
   * request's method, auth and headers, the link's path and query. Links are paths relative to the
   * API's host (`/2017-09-01/calls?$skip=100`), so they are turned back into `{{media_url}}/…`.
   */
  follow<Body = unknown>(name: Names, link: string, options?: SendOptions): Promise<ApiResponse<Body>>;
  /**
   * Follows `_links.next` from `first` to the last page, each page answered 200 and valid against
   * `schema`, and returns every page's items (the OData paging scenario). Fails rather than loop
   * when the links never end. `count` is not compared with the items: whether it is the page's
   * size or the total is undocumented (shared/reference/cloudlink-api.md §9.9).
   */
  walk<Item>(name: Names, first: ApiResponse<HalPage<Item>>, options: { schema: string; maxPages?: number }): Promise<Item[][]>;
  /** Registers work that undoes what the test created; it runs after the test, newest first, even when the test fails. */
  cleanup(label: string, run: () => Promise<unknown>): void;
  /**
   * Registers a named request that undoes what the test created ("DELETE User" with its id): sent
   * after the test like a cleanup, 2xx or 404 (already gone) counting as done. Against a real
   * account it is written to the undo ledger first, so a run killed halfway has it sent at the
   * start of the next one (harness/cleanup).
   */
  undo(label: string, name: Names, options?: SendOptions): void;
  /** Replaces a user's access token, to prove that a rejected token is refreshed and the request replayed. */
  replaceAccessToken(user: UserKey, token: string): void;
  /**
   * Adds headers to every request the running test sends from now on, the harness's own token
   * refreshes included — e.g. the switchboard tag that aims a sandbox fault at this test alone.
   */
  addHeadersForTest(headers: Record<string, string>): void;
  /** How many times the user's token was refreshed in this test file so far (the single-flight proof). */
  tokenRefreshes(user: UserKey): number;
  /** The requests of the running test that were sent again, and why (a test with any is reported flaky). */
  retries(): readonly string[];
  /** The running test provokes retries on purpose (it proves them): they do not make it flaky. */
  expectRetries(): void;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function useCollection<Names extends string>(collection: Collection<Names>): CollectionClient<Names> {
  session.setRefresher((user, refreshToken) => refreshAs(user, refreshToken));
  const client: CollectionClient<Names> = {
    collection,
    send: (name, options) => sendNamed(collection, collection.requests[name], options),
    follow(name, link, options) {
      const named = collection.requests[name];
      return sendNamed(collection, named, { ...options, url: linkToTemplate(templateVariable(named.url), link, named.name) });
    },
    async walk(name, first, { schema, maxPages = 50 }) {
      const pages: Array<(typeof first.body._embedded)['items']> = [];
      let page = first;
      for (;;) {
        expect(page.status).toBe(200);
        expect(page.body).toMatchSchema(schema);
        pages.push(page.body._embedded.items);
        const next = page.body._links.next;
        if (!next) return pages;
        if (pages.length >= maxPages) throw new Error(`${name} still linked a next page after ${pages.length} pages.`);
        page = await client.follow(name, next);
      }
    },
    cleanup(label, run) {
      currentTest(`registering cleanup "${label}"`).cleanups.push({ label, run });
    },
    undo(label, name, options = {}) {
      const test = currentTest(`registering undo "${label}"`);
      const stored = { vars: options.vars, json: options.json, query: options.query, as: options.as };
      const id = session.ledger()?.add({ api: collection.api, request: name, options: stored, label, test: test.name });
      test.cleanups.push({
        label,
        run: async () => {
          const res = await sendNamed(collection, collection.requests[name], options);
          if ((res.status < 200 || res.status >= 300) && res.status !== 404) throw new Error(`${name} answered ${res.status} while undoing ${label}.`);
          if (id) session.ledger()?.done(id);
        },
      });
    },
    replaceAccessToken(user, token) {
      session.tokens.replaceAccessToken(user, token);
    },
    addHeadersForTest(headers) {
      Object.assign(currentTest('adding headers').headers, headers);
    },
    tokenRefreshes(user) {
      return session.tokens.refreshCount(user);
    },
    retries() {
      return [...currentTest('reading retries').retries];
    },
    expectRetries() {
      currentTest('expecting retries').retriesExpected = true;
    },
  };
  return client;
}

async function sendNamed<Body>(collection: Collection, named: NamedRequest, options: SendOptions = {}): Promise<ApiResponse<Body>> {
  const test = currentTest(`sending "${named.name}"`);
  if (!test.labelled) {
    test.labelled = true;
    await labelTest(collection.name, named.name);
  }
  if (!onlyReads(named) && isReadOnly()) throw new ReadOnlyError(named.name, named.method);
  return (await withRetries(named, () => sendAuthenticated(named, options))) as ApiResponse<Body>;
}

/**
 * Sends again what may be sent again (harness/client/retry.ts): on a reset or timeout, on 429 and
 * on 502/503/504, up to the policy's attempts, waiting what the answer asks or a jittered back-off.
 */
async function withRetries(named: NamedRequest, attemptOnce: () => Promise<ApiResponse>): Promise<ApiResponse> {
  const test = currentTest(`sending "${named.name}"`);
  const policy = retryPolicy(session.env.values);
  const retrySafe = isRetrySafe(named);
  for (let attempt = 1; ; attempt++) {
    let response: ApiResponse | undefined;
    let failure: TransportError | undefined;
    try {
      response = await attemptOnce();
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      failure = error;
    }
    const retryable = failure !== undefined || RETRYABLE_STATUSES.has((response as ApiResponse).status);
    if (!retryable || !retrySafe || attempt >= policy.attempts) {
      if (failure) throw failure;
      return response as ApiResponse;
    }
    // Replay answers at once: waiting would only slow the run down.
    const delay = session.env.mode === 'replay' ? 0 : retryDelayMs(policy, attempt, response?.headers['retry-after']);
    const reason = failure ? `no answer (${failure.code ?? 'error'})` : `status ${(response as ApiResponse).status}`;
    test.retries.push(`"${named.name}" attempt ${attempt} got ${reason}; sent again after ${delay} ms`);
    writeMetric({ kind: 'retry', file: relativeFile(), test: test.name, name: named.name, attempt, reason, delayMs: delay });
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** One attempt: adds the user's token; a 401 refreshes it once (single-flight) and the request is sent again once. */
async function sendAuthenticated(named: NamedRequest, options: SendOptions): Promise<ApiResponse> {
  const user = options.as ?? named.auth ?? 'primary';
  const explicitAuth = Object.keys(options.headers ?? {}).some((h) => h.toLowerCase() === 'authorization');
  const useToken = user !== 'none' && !explicitAuth;
  const token = useToken ? await session.tokens.accessToken(user) : undefined;

  const response = await exchange(named.name, buildRequest(named, session.env, options, token), options.timeoutMs);
  if (response.status !== 401 || !useToken || token === undefined) return response;
  const fresh = await session.tokens.refresh(user, token);
  return exchange(named.name, buildRequest(named, session.env, options, fresh), options.timeoutMs);
}

/** Sends one request in the current mode, and reports (and in record mode keeps) the scrubbed exchange. */
async function exchange(name: string, built: RecordedRequest, timeout = timeoutMs()): Promise<ApiResponse> {
  const started = performance.now();
  const test = currentTest(`sending "${name}"`);
  const request = Object.keys(test.headers).length ? { ...built, headers: { ...built.headers, ...test.headers } } : built;
  const mode = session.env.mode;
  const wire = mode === 'replay' ? test.scrubber.scrubRequest(request) : request;

  const wireStarted = performance.now();
  let response;
  try {
    response = await sendHttp(wire, { timeoutMs: timeout });
  } catch (error) {
    const cause = error instanceof TransportError ? error.cause : error;
    if (mode === 'replay' && isReplayMiss(cause) && session.file?.player) throw session.file.player.explainMiss(wire);
    // The request's name, its URL as a template and the time it took: enough to find it, nothing secret.
    const elapsed = Math.round(performance.now() - wireStarted);
    const code = error instanceof TransportError ? error.code : undefined;
    const reason = test.scrubber.scrubText((cause as Error).message ?? String(cause));
    const failure = new TransportError(
      `"${name}" (${request.method} ${toUrlTemplate(request.url, session.baseUrls())}) got no answer after ${elapsed} ms: ${reason}`,
      code,
      cause,
    );
    writeMetric({ kind: 'transport-failure', file: relativeFile(), test: test.name, name, message: failure.message });
    throw failure;
  }
  const wireMs = performance.now() - wireStarted;
  if (mode === 'replay') response = test.scrubber.restoreResponse(response);
  const contentType = response.headers['content-type'] ?? '';
  // Every CloudLink JSON answer is application/json (AUTH-SPEC, MEDIA-SPEC `produces`); another JSON
  // type is a contract change that parsing alone would hide. setup-suite fails the test with it.
  if (/json/i.test(contentType) && !/^application\/json\s*(;|$)/i.test(contentType)) {
    test.contractProblems.push(`"${name}" answered ${response.status} with Content-Type ${contentType}, not application/json`);
  }

  const scrubbed = await keepExchange(test, { name, request: { ...request, url: toUrlTemplate(request.url, session.baseUrls()) }, response }, wireMs);
  writeMetric({
    kind: 'exchange',
    file: relativeFile(),
    test: test.name,
    name,
    method: request.method,
    url: scrubbed.request.url,
    status: response.status,
    ms: wireMs,
    harnessMs: performance.now() - started - wireMs,
  });
  return { ...response, body: response.body, ms: wireMs };
}

/** The refresh-token grant, sent through `exchange` so it is recorded, replayed and reported like any request. */
async function refreshAs(user: UserKey, refreshToken: string) {
  const named: NamedRequest = { name: 'POST Refresh Token', ...tokenRequests['POST Refresh Token'] };
  const response = await withRetries(named, () => exchange(named.name, buildRequest(named, session.env, { vars: { refresh_token: refreshToken } })));
  if (response.status !== 201) {
    const body = response.body as { name?: string; message?: string } | undefined;
    throw new TokenRefreshError(user, `POST Refresh Token answered ${response.status}${body?.name ? ` ${body.name}` : ''}${body?.message ? ` (${body.message})` : ''}`);
  }
  try {
    return tokenFrom(response, user);
  } catch (error) {
    throw new TokenRefreshError(user, (error as TokenAcquisitionError).message);
  }
}

function currentTest(action: string): TestState {
  if (!session.test) {
    throw new Error(
      `Cannot ${action} outside a test: fixtures are recorded per test, so send requests from a test or a beforeEach/afterEach hook, not from beforeAll/afterAll or module scope.`,
    );
  }
  return session.test;
}

function timeoutMs(): number {
  const configured = Number(session.env.values.request_timeout_ms);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

function relativeFile(): string {
  return session.file ? session.file.testPath.slice(process.cwd().length + 1) : '';
}

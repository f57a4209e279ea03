// The client suites use: `api.send("POST Token")` takes the named request from the collection and
// hands it to the send pipeline (harness/pipeline: read-only guard → contract → retry → auth →
// report → replay | transport) with the running test's context. The mode decides where the answer
// comes from: live and record put it on the wire, replay answers from the fixtures in-process.
// Besides sending, the client registers what a test must undo, and reads the test's retries.
import { templateVariable } from '../fixtures/url-template';
import { sendFromTest, type SendOptions } from '../pipeline';
import { labelTest } from '../report/allure';
import { session, type TestState } from '../session';
import type { UserKey } from '../auth/users';
import { performUndo, type StoredOptions, type UndoAction } from '../cleanup/undo';
import type { RecordedRequest } from './exchange';
import { leftoverSearch, unfindableCreate } from './leftover-search';
import { linkToTemplate } from './links';
import type { Collection, NamedRequest } from './named-request';

export type { SendOptions };

export interface UndoOptions extends SendOptions {
  /** Statuses that also mean "nothing left to undo", besides 404 (ending a call that already ended answers 409). */
  alreadyDone?: number[];
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
   * size or the total is undocumented (the sandbox's choice: sandbox/README.md "Platform").
   */
  walk<Item>(name: Names, first: ApiResponse<HalPage<Item>>, options: { schema: string; maxPages?: number; as?: SendOptions['as'] }): Promise<Item[][]>;
  /**
   * Registers work to do after the test, newest first, even when it fails. Only for what is not a
   * request to the API under test (switching the sandbox's faults off): it cannot be written to the
   * ledger, so a killed run would leave it undone. What a test created on the API is undone with undo.
   */
  cleanup(label: string, run: () => Promise<unknown>): void;
  /**
   * Registers a named request that undoes what the test created ("DELETE User" with its id): sent
   * after the test like a cleanup, 2xx or 404 (already gone) counting as done. Against a real
   * account it is written to the undo ledger first, so a run killed halfway has it sent at the
   * start of the next one (harness/cleanup).
   */
  undo(label: string, name: Names, options?: UndoOptions): void;
  /**
   * For what the test cannot name in advance (the legs a transfer created): after the test, sends
   * `list` and then `each` once per listed item, with variables taken from the item (see
   * harness/cleanup/undo.ts). Ledgered like undo, so a killed run's next sweep sends it too.
   */
  undoEach(label: string, list: Names, options: UndoOptions, each: { request: Names; vars: Record<string, string>; fixed?: Record<string, string> }): void;
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

/** Collection names by api, as this file uses them: a test is filed under its own file's collection (suites/<api>/). */
const collectionNames = new Map<string, string>();

export function useCollection<Names extends string>(collection: Collection<Names>): CollectionClient<Names> {
  collectionNames.set(collection.api, collection.name);
  const client: CollectionClient<Names> = {
    collection,
    send: (name, options) => sendNamed(collection, requestNamed(collection, name), options),
    follow(name, link, options) {
      const named = requestNamed(collection, name);
      return sendNamed(collection, named, { ...options, url: linkToTemplate(templateVariable(named.url), link, named.name) });
    },
    async walk(name, first, { schema, maxPages = 50, as }) {
      const pages: Array<(typeof first.body._embedded)['items']> = [];
      let page = first;
      for (;;) {
        expect(page.status).toBe(200);
        expect(page.body).toMatchSchema(schema);
        pages.push(page.body._embedded.items);
        const next = page.body._links.next;
        if (!next) return pages;
        if (pages.length >= maxPages) throw new Error(`${name} still linked a next page after ${pages.length} pages.`);
        page = await client.follow(name, next, { as });
      }
    },
    cleanup(label, run) {
      currentTest(`registering cleanup "${label}"`).cleanups.push({ label, run });
    },
    undo(label, name, options = {}) {
      const { alreadyDone, ...sendOptions } = options;
      registerUndo(collection, label, { request: name, options: sendOptions, alreadyDone });
    },
    undoEach(label, list, options, each) {
      const { alreadyDone, ...sendOptions } = options;
      registerUndo(collection, label, { request: list, options: sendOptions, alreadyDone, each });
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

/**
 * Writes the undo to the ledger first (against a real account), then registers it to run after the
 * test, newest first, even when the test fails; done in the ledger once it ran.
 */
function registerUndo(collection: Collection, label: string, action: UndoAction & { options: SendOptions }): void {
  const test = currentTest(`registering undo "${label}"`);
  const id = session.ledger()?.add({ api: collection.api, label, test: test.name, ...action, options: stored(action.options) });
  // The test has written down what undoes what it made: the searches for leftovers are no longer needed.
  for (const intent of test.intents.splice(0)) session.ledger()?.done(intent);
  test.cleanups.push({
    label,
    run: async () => {
      try {
        await performUndo(action, collection.requests, (named, options) => sendNamed(collection, named, options));
      } catch (error) {
        throw new Error(`${(error as Error).message} while undoing ${label}.`, { cause: error });
      }
      if (id) session.ledger()?.done(id);
    },
  });
}

/**
 * Only what the ledger may hold: the options that say which thing to undo. Headers stay out — an
 * explicit Authorization is a secret — so the next run's sweep sends as the request's own user.
 */
function stored(options: SendOptions): StoredOptions {
  return { vars: options.vars, json: options.json, query: options.query, as: options.as };
}

async function sendNamed<Body>(collection: Collection, named: NamedRequest, options: SendOptions = {}): Promise<ApiResponse<Body>> {
  const test = currentTest(`sending "${named.name}"`);
  if (!test.labelled) {
    test.labelled = true;
    // Filed by its file's collection and its describe, not by whatever it happens to send first.
    await labelTest(collectionNames.get(session.file?.api ?? '') ?? collection.name, named.name);
  }
  const ledger = session.ledger();
  const search = ledger && leftoverSearch(named, { ledger, api: collection.api, test, as: options.as, vars: options.vars });
  let built: RecordedRequest | undefined;
  const onBuilt = named.leftovers
    ? (request: RecordedRequest) => {
        built ??= request;
        search?.(request);
      }
    : undefined;
  const { status, headers, body, ms } = await sendFromTest({ named, options, onBuilt }, session.sendContext());
  const unfindable = status < 300 ? unfindableCreate(named, built) : undefined;
  if (unfindable) test.unfindable.push(unfindable);
  return { status, headers, body: body as Body, ms };
}

/** The named request, or an error naming the collection and its requests (a typo in a test written without types). */
function requestNamed<Names extends string>(collection: Collection<Names>, name: Names): NamedRequest {
  const named = collection.requests[name];
  if (!named) throw new Error(`The ${collection.name} collection has no request "${name}"; it has: ${Object.keys(collection.requests).join(', ')}.`);
  return named;
}

function currentTest(action: string): TestState {
  if (!session.test) {
    throw new Error(
      `Cannot ${action} outside a test: fixtures are recorded per test, so send requests from a test or a beforeEach/afterEach hook, not from beforeAll/afterAll or module scope.`,
    );
  }
  return session.test;
}

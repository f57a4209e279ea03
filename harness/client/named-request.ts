// A named request is one entry of a collection, as a Postman user knows it ("POST Token"): the
// request template, the schema expected for each status and examples of sending it. Suites pick
// requests by name; tools/conformance sends every example to a fresh embedded sandbox.
import type { ThenSearch } from '../cleanup/undo';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type RequestBody =
  { mode: 'json'; json: unknown } | { mode: 'urlencoded'; form: Record<string, string> } | { mode: 'raw'; raw: string; contentType: string };

/** Which configured user's token a request carries; `none` sends no Authorization header. */
export type RequestAuth = 'primary' | 'second' | 'none';

export interface NamedRequest {
  name: string;
  description?: string;
  method: HttpMethod;
  /** URL template with Postman `{{variables}}`, e.g. "{{auth_url}}/token". */
  url: string;
  headers?: Record<string, string>;
  body?: RequestBody;
  /** Defaults to `primary`. */
  auth?: RequestAuth;
  /** A POST that may be sent twice with no harm (a token grant, a query): retried like a GET. */
  safe?: boolean;
  /** Expected JSON Schema per status, by schema id ("authentication/token" = schemas/authentication/token.schema.json). */
  responses: Record<number, string>;
  /**
   * For a request that creates something: how a later run finds and removes what it made when the
   * run was killed after the platform made it but before the test could write its undo down —
   * `list` filtered on the body's `match` field (OData `eq`), then `undo` once per item found.
   */
  leftovers?: Leftovers;
  /**
   * Sends of this request and the status a fresh sandbox answers each with, written like
   * `responses`: `{ 201: { captures: { userId: 'userId' } }, 400: { json: { name: 'No Email' } } }`.
   * tools/conformance sends each and wants a success and an error at least.
   */
  examples?: Record<number, RequestExample>;
}

/**
 * Where a create's leftovers are listed and how each is undone. `vars` take the undo's variables
 * from each listed item (`callId#last`, as in cleanup's undo); `fixed` are the same for every item.
 */
export interface Leftovers extends Omit<ThenSearch, 'from'> {
  /** Variables of the create's own send that the list's URL needs too (the endpoint of a call). */
  listVars?: string[];
  fixed?: Record<string, string>;
  /** Statuses of the undo that also mean nothing was left, besides 404 (ending an ended call: 409). */
  alreadyDone?: number[];
  /** What undoing each item leaves in turn (a recorded call's recording). */
  then?: ThenSearch;
}

/** Who sends an example: one of the sandbox's seeded users (`user` and `partner` exist only there), or nobody. */
export type ExampleSender = RequestAuth | 'user' | 'partner';

/**
 * One send of a named request, which a fresh sandbox (sandbox/seed.ts) must answer with the
 * status it is filed under. Its {{variables}} come from `vars`, then what its setup captured, then the collection's
 * `exampleVars`, then the sandbox's environment (the *_url, username, accountId, client_id… of
 * `npm run sandbox -- --environment-out`), the seeded users' ids — primaryUserId, secondUserId,
 * thirdUserId (the seed's plain "user") — and noSuchId, an id nothing in the sandbox has.
 */
export interface RequestExample {
  /** Values of the request's {{variables}}; a value may hold {{…}} itself. */
  vars?: Record<string, string>;
  query?: Record<string, string>;
  /** Replaces the JSON body. */
  json?: unknown;
  /** Merged over the form body. */
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Replaces the request's `auth`. */
  as?: ExampleSender;
  /**
   * What must exist first, in order: requests of the same collection, each sent as its own success
   * example (setup and all; the lowest 2xx), `vars` merged over that example's. A setup is written once, by
   * the request that needs it: "GET Group Member" names "POST Group Member", which names "POST Group".
   */
  setup?: Array<string | { request: string; vars?: Record<string, string> }>;
  /**
   * Variables this answer gives to whatever runs after it: name → field of the body, a dotted path
   * (`_embedded.items.0.recordingId`); `#last` keeps a value's last path segment, `#encoded`
   * percent-encodes it (`callId#last`, as in cleanup's undo).
   */
  captures?: Record<string, string>;
}

export interface Collection<Names extends string = string> {
  /** The Postman collection name ("Authentication"). */
  name: string;
  /** The folder under suites/ and schemas/ ("authentication"). */
  api: string;
  description?: string;
  /** Values every example of the collection starts from (names, emails, ids of the seed), as Postman's collection variables. */
  exampleVars?: Record<string, string>;
  requests: Record<Names, NamedRequest>;
}

/** Keeps each request's key equal to its name, so "POST Token" is typed and found the same way everywhere. */
export function defineCollection<Names extends string>(
  collection: Omit<Collection<Names>, 'requests'> & { requests: { [N in Names]: Omit<NamedRequest, 'name'> } },
): Collection<Names> {
  const requests = {} as Record<Names, NamedRequest>;
  for (const name of Object.keys(collection.requests) as Names[]) {
    requests[name] = { name, ...collection.requests[name] };
  }
  return { ...collection, requests };
}

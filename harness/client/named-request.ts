// A named request is one entry of a collection, as a Postman user knows it ("POST Token"): the
// request template plus the schema expected for each status. Suites pick requests by name.

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
  leftovers?: { list: string; match: string; undo: string; vars: Record<string, string> };
}

export interface Collection<Names extends string = string> {
  /** The Postman collection name ("Authentication"). */
  name: string;
  /** The folder under suites/ and schemas/ ("authentication"). */
  api: string;
  description?: string;
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

// The contract of an imported request, when no saved example gives one. Every answer a suite
// receives is checked against a declared status and its schema (harness/pipeline/contract.ts), so a
// request must declare what it may answer. A Postman request to a route the harness's own
// collections already send (same method, same URL once the ids are set aside: `POST
// {{admin_url}}/accounts/{{accountIdGUID}}/users` is "POST User") takes that request's declared
// statuses and schemas. Any other gets the generic CloudLink object (`_shared/resource`) for the
// status its scripts expect, or the usual success of its method, and the report says so.
import path from 'node:path';
import { ownCollections } from '../../../harness/collections';
import type { HttpMethod, NamedRequest } from '../../../harness/client/named-request';

export interface KnownRoute {
  /** The harness request it matches: "Admin › POST User". */
  from: string;
  responses: Record<number, string>;
}

export const GENERIC_SCHEMA = '_shared/resource';

const REPO = path.resolve(__dirname, '..', '..', '..');

/** The routes of this repository's collections, by `METHOD shape`. */
export function knownRoutes(rootDir: string = REPO): Map<string, KnownRoute> {
  const routes = new Map<string, KnownRoute>();
  // The harness's own: an earlier import's requests know no more than their Postman scripts did.
  for (const collection of ownCollections(rootDir)) {
    for (const request of Object.values(collection.requests) as NamedRequest[]) {
      const key = routeKey(request.method, request.url);
      if (!routes.has(key)) routes.set(key, { from: `${collection.name} › ${request.name}`, responses: { ...request.responses } });
    }
  }
  return routes;
}

/** `{{auth_url}}/applications/{{applicationId}}?x=1` → `GET {{auth_url}}/applications/{}`: base URLs kept, ids set aside. */
export function routeKey(method: string, url: string): string {
  const pathOnly = url.split(/[?#]/)[0] as string;
  return `${method} ${pathOnly.replace(/\{\{([^{}]+)\}\}/g, (whole, name: string) => (name.trim().endsWith('_url') ? whole : '{}')).replace(/\/+$/, '')}`;
}

/** The statuses a request with no known contract declares, with the generic schema. */
export function genericResponses(method: HttpMethod, expected: readonly number[]): Record<number, string> {
  const statuses = expected.length > 0 ? expected : method === 'POST' ? [201, 200] : [200];
  return Object.fromEntries(statuses.map((status) => [status, GENERIC_SCHEMA]));
}

// HAL collections with OData paging, the shape every CloudLink list answers with:
// `{ count, _links: { self, next? }, _embedded: { items } }` (MEDIA-SPEC callCollection; AUTH-SPEC
// *Collection), `next` re-encoding $skip/$top/$filter (RN-APP [3P] legacy example).
import { badRequest } from './errors';

/** CHOICE: page size when $top is absent, and the largest $top honoured (undocumented, §9.9). */
export const DEFAULT_TOP = 100;
export const MAX_TOP = 100;

export interface ODataQuery {
  top: number;
  skip: number;
  filter?: string;
}

export interface HalCollection<T> {
  count: number;
  _links: { self: string; next?: string };
  _embedded: { items: T[] };
}

function unsupported(message: string): Error {
  // AUTH-SPEC GET /apps: 400 UnsupportedQueryParameters for OData it does not understand.
  return badRequest('UnsupportedQueryParameters', message);
}

function nonNegativeInteger(name: string, raw: unknown): number {
  if (typeof raw !== 'string' || !/^\d+$/.test(raw)) throw unsupported(`${name} must be a non-negative integer.`);
  return Number(raw);
}

/**
 * Reads $top, $skip and (when the route supports it) $filter. Any other "$" parameter is refused;
 * parameters without "$" are not OData and are left to the route.
 */
export function parseODataQuery(query: unknown, options: { filter: boolean }): ODataQuery {
  const params = (query ?? {}) as Record<string, unknown>;
  const supported = new Set(['$top', '$skip', ...(options.filter ? ['$filter'] : [])]);
  const refused = Object.keys(params).filter((key) => key.startsWith('$') && !supported.has(key));
  if (refused.length > 0) throw unsupported(`Unsupported query parameter(s): ${refused.join(', ')}.`);

  // CHOICE: $top=0 is refused (a page of nothing is always a client bug); above MAX_TOP it is capped.
  const top = params.$top === undefined ? DEFAULT_TOP : nonNegativeInteger('$top', params.$top);
  if (top === 0) throw unsupported('$top must be at least 1.');
  const skip = params.$skip === undefined ? 0 : nonNegativeInteger('$skip', params.$skip);
  const filter = typeof params.$filter === 'string' ? params.$filter : undefined;
  if (params.$filter !== undefined && filter === undefined) throw unsupported('$filter must be given once.');
  return { top: Math.min(top, MAX_TOP), skip, filter };
}

function pageLink(path: string, query: ODataQuery, skip: number): string {
  const parts = [`$skip=${skip}`, `$top=${query.top}`];
  if (query.filter !== undefined) parts.push(`$filter=${encodeURIComponent(query.filter)}`);
  return `${path}?${parts.join('&')}`;
}

/**
 * One page of `all`. CHOICE: `count` is the number of items on this page (the reference lists
 * "page size or total" as unknown, §9.9). `path` is the collection's path including the service
 * prefix, so a link resolved against the service's origin reaches the same resource.
 */
export function halPage<T>(all: readonly T[], query: ODataQuery, path: string): HalCollection<T> {
  const items = all.slice(query.skip, query.skip + query.top);
  const nextSkip = query.skip + items.length;
  const links: HalCollection<T>['_links'] = { self: pageLink(path, query, query.skip) };
  if (items.length > 0 && nextSkip < all.length) links.next = pageLink(path, query, nextSkip);
  return { count: items.length, _links: links, _embedded: { items } };
}

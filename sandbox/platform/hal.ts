// HAL collections, the shape every CloudLink list answers with:
// `{ count, _links: { self, next? }, _embedded: { items } }` (MEDIA-SPEC callCollection; AUTH-SPEC
// *Collection), `next` re-encoding $skip/$top/$filter (RN-APP [3P] legacy example).
// New routes page through platform/odata.ts (parseOData + pageOf); halPage stays for embedded
// sub-collections and parseODataQuery for routes that read $filter themselves.
import { badRequest } from './errors';
import { DEFAULT_TOP, MAX_TOP, checkFilterLength, parseOData } from './odata';

export { DEFAULT_TOP, MAX_TOP };

/** Plain paging: what halPage needs. */
export interface PageQuery {
  top: number;
  skip: number;
  filter?: string;
}
/** @deprecated the earlier name of PageQuery; platform/odata.ts has the full ODataQuery. */
export type ODataQuery = PageQuery;

export interface HalCollection<T> {
  count: number;
  _links: { self: string; next?: string };
  _embedded: { items: T[] };
}

/**
 * Reads $top, $skip and (when the route supports it) the raw $filter text, which the route
 * interprets itself. Any other "$" parameter is 400 UnsupportedQueryParameters (AUTH-SPEC GET
 * /apps); parameters without "$" are not OData and are left to the route. $top/$skip follow
 * parseOData exactly (default and cap 100, $top=0 refused).
 */
export function parseODataQuery(query: unknown, options: { filter: boolean }): PageQuery {
  const params = { ...((typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>) };
  const filter = options.filter ? params.$filter : undefined;
  if (options.filter) delete params.$filter;
  const paging = parseOData(params, { allow: ['$top', '$skip'] });
  if (filter !== undefined && typeof filter !== 'string') throw badRequest('UnsupportedQueryParameters', '$filter must be given once.');
  // The route matches the text itself, but the same bound applies on every list.
  if (filter !== undefined) checkFilterLength(filter);
  return { top: paging.top, skip: paging.skip, filter };
}

function pageLink(path: string, query: PageQuery, skip: number): string {
  const parts = [`$skip=${skip}`, `$top=${query.top}`];
  if (query.filter !== undefined) parts.push(`$filter=${encodeURIComponent(query.filter)}`);
  return `${path}?${parts.join('&')}`;
}

/**
 * One page of `all`. CHOICE: `count` is the number of items on this page (whether CloudLink's
 * is the page size or the total is undocumented). `path` is the collection's path including the
 * service prefix, so a link resolved against the service's origin reaches the same resource.
 */
export function halPage<T>(all: readonly T[], query: PageQuery, path: string): HalCollection<T> {
  const items = all.slice(query.skip, query.skip + query.top);
  const nextSkip = query.skip + items.length;
  const links: HalCollection<T>['_links'] = { self: pageLink(path, query, query.skip) };
  if (items.length > 0 && nextSkip < all.length) links.next = pageLink(path, query, nextSkip);
  return { count: items.length, _links: links, _embedded: { items } };
}

// OData query options for every sandbox list (MEDIA-SPEC, AUTH-SPEC): parse them once per request,
// refusing what the route does not support, then page the route's items into the HAL collection
// CloudLink answers with. Stable API — Admin, Media, Chat and Notifications import it:
//
//   parseOData<T>(query, { allow, fields?, expand?, key? }): ODataQuery<T>
//       query  = request.query; allow = the options the route supports, from
//                '$top' '$skip' '$skiptoken' '$filter' '$orderby' '$expand';
//       fields = what $filter/$orderby may name: { name: (item) => value } or a list of property
//                names (paths `a/b` read nested objects); omitted = any property path of the item;
//       expand = the values $expand may list; key = the item's unique id (makes $skiptoken resume
//                after the last item seen even when the list changed between pages).
//   pageOf(items, q, path, show?): HalCollection<R>   filter → order → page → show;
//       `{count, _links:{self, next?}, _embedded:{items}}`, links re-encoding the whole query.
//   applyOData(items, q): T[]                          filter + order, every page (bulk actions).
//   compileFilter / compileOrderBy (odata-filter.ts), invalidQuery, unsupportedQuery,
//   checkFilterLength, MAX_FILTER_LENGTH, MAX_FILTER_DEPTH, DEFAULT_TOP, MAX_TOP, ODATA_OPTIONS, types ODataOption, ODataOptions, ODataQuery, FieldMap.
//
// Errors, all 400 `{name, message}` naming the culprit: an option the route lacks, a bad
// $top/$skip, an unknown field, function or $expand value → UnsupportedQueryParameters (AUTH-SPEC
// GET /apps); a $filter/$orderby/$skiptoken that does not parse, a $filter longer or deeper than
// the sandbox reads, a repeated option, or $skip with $skiptoken → InvalidQuery (CHOICE: name
// undocumented).
//
// $skiptoken (CHOICE, format undocumented): opaque to clients. Today it is base64url JSON
// `{"s": <offset of the next item>, "a": <key of the last item served>, "f": <hash of $filter and
// $orderby>}`; the next page starts after item `a` when it is still listed (so an insert or delete
// between requests neither repeats nor skips an item), else at offset `s`. A token replayed with
// another $filter/$orderby is refused. Links use $skiptoken when the request did, or when the
// route allows $skiptoken but not $skip; otherwise `$skip` (RN-APP re-encodes $skip/$top/$filter).
import { createHash } from 'node:crypto';
import type { HalCollection } from './hal';
import {
  MAX_FILTER_DEPTH,
  MAX_FILTER_LENGTH,
  checkFilterLength,
  compileFilter,
  compileOrderBy,
  invalidQuery,
  unsupportedQuery,
  type Comparator,
  type FieldResolver,
  type Predicate,
} from './odata-filter';

export { MAX_FILTER_DEPTH, MAX_FILTER_LENGTH, checkFilterLength, compileFilter, compileOrderBy, invalidQuery, unsupportedQuery };
export type { Comparator, FieldResolver, HalCollection, Predicate };

/** CHOICE: page size when $top is absent, and the largest $top honoured (undocumented). */
export const DEFAULT_TOP = 100;
export const MAX_TOP = 100;

/** MEDIA-SPEC `parameters` (also `$search`, which no sandbox route supports). No `$select` anywhere. */
export const ODATA_OPTIONS = ['$top', '$skip', '$skiptoken', '$filter', '$orderby', '$expand'] as const;
export type ODataOption = (typeof ODATA_OPTIONS)[number];

export type FieldMap<T> = Readonly<Record<string, (item: T) => unknown>> | readonly string[];

export interface ODataOptions<T> {
  allow: readonly ODataOption[];
  fields?: FieldMap<T>;
  expand?: readonly string[];
  key?: (item: T) => string;
}

export interface ODataQuery<T> {
  readonly top: number;
  /** The $skip asked for (0 when absent or when paging by $skiptoken). */
  readonly skip: number;
  /** $skiptoken as received. */
  readonly skipToken?: string;
  readonly filter?: string;
  readonly orderby?: string;
  /** The $expand values asked for; test with `q.expand.includes('media')`. */
  readonly expand: readonly string[];
  /** The route's own, non-OData parameters, kept so page links re-encode the whole query. */
  readonly extra: ReadonlyArray<readonly [string, string]>;
  readonly matches: Predicate<T>;
  readonly compare?: Comparator<T>;
  readonly paging: 'skip' | 'skiptoken';
  readonly key?: (item: T) => string;
  /** @internal the decoded $skiptoken and the hash that binds tokens to this $filter/$orderby. */
  readonly resume?: { skip: number; after?: string };
  readonly fingerprint: string;
}

function single(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidQuery(`${name} is given more than once.`);
  return value;
}

function count(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  // The legacy 400 name for bad numbers, kept from the first paging helper (README, AUTH-SPEC).
  if (!/^\d+$/.test(raw)) throw unsupportedQuery(`${name} must be a non-negative integer.`);
  return Number(raw);
}

function resolverFor<T>(fields: FieldMap<T> | undefined): FieldResolver<T> {
  const byPath = (path: string) => {
    const segments = path.split('/');
    return (item: T) =>
      segments.reduce<unknown>(
        (value, segment) =>
          typeof value === 'object' && value !== null && Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[segment] : undefined,
        item,
      );
  };
  if (fields === undefined) return byPath;
  const known = Array.isArray(fields) ? fields : Object.keys(fields);
  return (path, use) => {
    if (!known.includes(path)) throw unsupportedQuery(`${use}: unknown field '${path}'; this list knows ${known.join(', ')}.`);
    return Array.isArray(fields) ? byPath(path) : ((fields as Record<string, (item: T) => unknown>)[path] as (item: T) => unknown);
  };
}

function expandOf(raw: string | undefined, allowed: readonly string[]): string[] {
  if (raw === undefined) return [];
  const values = raw.split(',').map((value) => value.trim());
  for (const value of values) {
    if (value.includes('(')) throw unsupportedQuery(`$expand: nested options ('${value}') are not supported.`);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) throw invalidQuery(`$expand: '${value}' is not a property name.`);
    if (!allowed.includes(value)) {
      throw unsupportedQuery(`$expand: '${value}' is not supported here${allowed.length ? `; supported: ${allowed.join(', ')}` : ''}.`);
    }
  }
  return [...new Set(values)];
}

function decodeToken(token: string, fingerprint: string): { skip: number; after?: string } {
  const refused = invalidQuery(`$skiptoken '${token}' is not a token this list issued.`);
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw refused;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw refused;
  }
  const { s, a, f } = (decoded ?? {}) as Record<string, unknown>;
  if (!Number.isSafeInteger(s) || (s as number) < 0 || (a !== undefined && typeof a !== 'string') || typeof f !== 'string') throw refused;
  if (f !== fingerprint) throw invalidQuery('$skiptoken was issued for another $filter or $orderby.');
  return a === undefined ? { skip: s as number } : { skip: s as number, after: a };
}

function encodeToken(skip: number, after: string | undefined, fingerprint: string): string {
  return Buffer.from(JSON.stringify({ s: skip, a: after, f: fingerprint })).toString('base64url');
}

/** Reads and checks the request's OData options; see the top of this file. */
export function parseOData<T>(query: unknown, options: ODataOptions<T>): ODataQuery<T> {
  const params = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const allowed = new Set<string>(options.allow);
  const refused = Object.keys(params).filter((name) => name.startsWith('$') && !allowed.has(name));
  if (refused.length > 0) throw unsupportedQuery(`Unsupported query parameter(s): ${refused.join(', ')}.`);
  const raw = Object.fromEntries(ODATA_OPTIONS.map((name) => [name, single(params, name)])) as Record<ODataOption, string | undefined>;

  // CHOICE: $top=0 is refused (a page of nothing is always a client bug); above MAX_TOP it is capped.
  const top = count('$top', raw.$top, DEFAULT_TOP);
  if (top === 0) throw unsupportedQuery('$top must be at least 1.');
  const skip = count('$skip', raw.$skip, 0);
  if (raw.$skip !== undefined && raw.$skiptoken !== undefined) throw invalidQuery('Use $skip or $skiptoken, not both.');

  // CHOICE: the whole expression may come in double quotes, as MEDIA-SPEC's own example sends it.
  const filter = raw.$filter === undefined ? undefined : (/^\s*"(.*)"\s*$/s.exec(raw.$filter)?.[1] ?? raw.$filter);
  const orderby = raw.$orderby;
  if (orderby !== undefined && orderby.trim() === '') throw invalidQuery('$orderby is empty.');
  const resolve = resolverFor(options.fields);
  const matches: Predicate<T> = filter === undefined ? () => true : compileFilter(filter, resolve);
  const compare = orderby === undefined ? undefined : compileOrderBy(orderby, resolve);
  const expand = expandOf(raw.$expand, options.expand ?? []);
  const fingerprint = createHash('sha256')
    .update(`${filter ?? ''}\n${orderby ?? ''}`)
    .digest('base64url')
    .slice(0, 10);
  const resume = raw.$skiptoken === undefined ? undefined : decodeToken(raw.$skiptoken, fingerprint);

  const extra: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(params)) {
    if (name.startsWith('$')) continue;
    for (const one of Array.isArray(value) ? value : [value]) if (typeof one === 'string') extra.push([name, one]);
  }
  const paging = raw.$skiptoken !== undefined || (!allowed.has('$skip') && allowed.has('$skiptoken')) ? 'skiptoken' : 'skip';
  return {
    top: Math.min(top, MAX_TOP),
    skip,
    skipToken: raw.$skiptoken,
    filter,
    orderby,
    expand,
    extra,
    matches,
    compare,
    paging,
    key: options.key,
    resume,
    fingerprint,
  };
}

/** The items the query selects, in its order (ties keep the route's order), unpaged. */
export function applyOData<T>(items: readonly T[], q: ODataQuery<T>): T[] {
  const kept = items.filter((item) => q.matches(item));
  return q.compare ? kept.sort(q.compare) : kept;
}

function linkTo<T>(path: string, q: ODataQuery<T>, at: { skip: number } | { token?: string }): string {
  const parts: string[] = [];
  if ('skip' in at) parts.push(`$skip=${at.skip}`);
  else if (at.token !== undefined) parts.push(`$skiptoken=${at.token}`);
  parts.push(`$top=${q.top}`);
  if (q.filter !== undefined) parts.push(`$filter=${encodeURIComponent(q.filter)}`);
  if (q.orderby !== undefined) parts.push(`$orderby=${encodeURIComponent(q.orderby)}`);
  if (q.expand.length > 0) parts.push(`$expand=${encodeURIComponent(q.expand.join(','))}`);
  for (const [name, value] of q.extra) parts.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
  return `${path}?${parts.join('&')}`;
}

/**
 * One page of `items` (in the route's default order) as a HAL collection. CHOICE: `count` is the
 * number of items on this page (page size or total is undocumented). `path` includes the service
 * prefix, so links resolve against the sandbox origin. `show` turns a record into the resource shown.
 */
export function pageOf<T>(items: readonly T[], q: ODataQuery<T>, path: string): HalCollection<T>;
export function pageOf<T, R>(items: readonly T[], q: ODataQuery<T>, path: string, show: (item: T) => R): HalCollection<R>;
export function pageOf<T, R>(items: readonly T[], q: ODataQuery<T>, path: string, show?: (item: T) => R): HalCollection<T | R> {
  const all = applyOData(items, q);
  let start = q.skip;
  if (q.resume) {
    const { after, skip } = q.resume;
    const found = after !== undefined && q.key ? all.findIndex((item) => q.key?.(item) === after) : -1;
    start = found >= 0 ? found + 1 : skip;
  }
  const page = all.slice(start, start + q.top);
  const end = start + page.length;
  const self = linkTo(path, q, q.paging === 'skip' ? { skip: q.skip } : { token: q.skipToken });
  const links: HalCollection<T>['_links'] = { self };
  const last = page[page.length - 1];
  if (last !== undefined && end < all.length) {
    links.next = linkTo(path, q, q.paging === 'skip' ? { skip: end } : { token: encodeToken(end, q.key?.(last), q.fingerprint) });
  }
  return { count: page.length, _links: links, _embedded: { items: show ? page.map(show) : page } };
}

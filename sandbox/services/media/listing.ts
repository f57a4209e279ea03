// One page of a Media list (recordings, conferences, participants). $filter and $orderby name the
// fields of the resource as the client sees it (MEDIA-SPEC lists OData on every collection), so
// items are presented first and then filtered, ordered and paged.
import { pageOf, parseOData, type HalCollection } from '../../platform/odata';

export function listPage<T, R>(query: unknown, items: readonly T[], path: string, show: (item: T) => R): HalCollection<R> {
  return pageOf(items.map(show), parseOData<R>(query, { allow: ['$top', '$skip', '$filter', '$orderby'] }), path);
}

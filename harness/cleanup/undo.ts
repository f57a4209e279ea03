// How an undo is carried out, the same way after a test and in the next run's sweep: one named
// request ("DELETE User" with its id), or — for what a test cannot name in advance, such as the
// legs a transfer created — a list request and one named request per listed item. Both are plain
// data, so either can be written to the ledger before the test goes on.
import type { NamedRequest } from '../client/named-request';
import type { SendOptions } from '../pipeline/types';

/** The options an undo may carry into the ledger: JSON-safe values only. */
export type StoredOptions = Pick<SendOptions, 'vars' | 'json' | 'query' | 'as'>;

export interface UndoAction {
  request: string;
  options: StoredOptions;
  /** Statuses that also mean "nothing left to undo", besides 404 (ending a call that already ended answers 409). */
  alreadyDone?: number[];
  /**
   * Send `request` (a list), then `each.request` once per item of its HAL `_embedded.items`, with
   * variables taken from the item: `{ callId: 'callId#last' }` is the last path segment of the
   * item's `callId`; a plain name is the field as it is.
   */
  each?: { request: string; vars: Record<string, string>; fixed?: Record<string, string>; then?: ThenSearch };
}

/**
 * What undoing an item may itself leave, found through a field the item and the leftovers share:
 * ending a recorded call leaves a recording whose callId is the call's. `list` is filtered on
 * `match` (OData `eq`) with the item's value, then `undo` is sent once per item found.
 */
export interface ThenSearch {
  list: string;
  match: string;
  /** The item's field holding the value, when it is not called `match` too (a conference's `id`). */
  from?: string;
  undo: string;
  vars: Record<string, string>;
}

type Sender = (named: NamedRequest, options: SendOptions) => Promise<{ status: number; body?: unknown }>;

export async function performUndo(action: UndoAction, requests: Record<string, NamedRequest>, send: Sender): Promise<void> {
  const named = requestOf(requests, action.request);
  const done = (status: number) => (status >= 200 && status < 300) || status === 404 || (action.alreadyDone ?? []).includes(status);
  const first = await send(named, action.options);
  if (!done(first.status)) throw new Error(`${action.request} answered ${first.status}`);
  if (!action.each || first.status === 404) return;

  const each = requestOf(requests, action.each.request);
  const items = ((first.body as { _embedded?: { items?: unknown[] } } | undefined)?._embedded?.items ?? []) as Array<Record<string, unknown>>;
  for (const item of items) {
    const fromItem = Object.fromEntries(Object.entries(action.each.vars).map(([name, field]) => [name, fieldOf(item, field)]));
    const vars = { ...action.each.fixed, ...fromItem };
    const answer = await send(each, { vars, as: action.options.as });
    if (!done(answer.status)) throw new Error(`${action.each.request} answered ${answer.status} for ${JSON.stringify(vars)}`);
    const then = action.each.then;
    if (then) await performUndo(thenAction(then, String(item[then.from ?? then.match] ?? '')), requests, send);
  }
}

/**
 * Sent as the requests' own user (the account admin by default), not as the item's: what undoing
 * an item leaves may need more rights than its maker had — a USER may not delete the recording of
 * his own call (MEDIA-SPEC: deleting a recording needs "privileged access").
 */
function thenAction(then: ThenSearch, value: string): UndoAction {
  return { request: then.list, options: { query: { $filter: eqFilter(then.match, value) } }, each: { request: then.undo, vars: then.vars } };
}

/** `field eq 'value'`, the value quoted as OData quotes it (a quote doubled). */
export function eqFilter(field: string, value: string): string {
  return `${field} eq '${value.replace(/'/g, "''")}'`;
}

function fieldOf(item: Record<string, unknown>, spec: string): string {
  const [field = '', transform] = spec.split('#');
  return transformField(String(item[field] ?? ''), transform);
}

/**
 * A field's value after the transform its spec names ("callId#last"): `#last` keeps what follows the
 * last `/` (a call's id in its URL), `#encoded` URL-encodes it. Undo specs and example captures share it.
 */
export function transformField(value: string, transform: string | undefined): string {
  switch (transform) {
    case undefined:
      return value;
    case 'last':
      return value.slice(value.lastIndexOf('/') + 1);
    case 'encoded':
      return encodeURIComponent(value);
    default:
      throw new Error(`unknown field transform "#${transform}"; known are #last and #encoded`);
  }
}

function requestOf(requests: Record<string, NamedRequest>, name: string): NamedRequest {
  const named = requests[name];
  if (!named) throw new Error(`the collection has no request "${name}" any more`);
  return named;
}

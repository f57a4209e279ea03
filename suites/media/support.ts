// What the Media suites share: placing a call that is ended after the test even when the test
// fails, reading an endpoint's live legs, creating conferences that are deleted after the test,
// and walking a HAL collection by its _links.next.
//
// Each part places its calls from endpoints no other part lists or watches: call-control 200–202
// (its cleanups end every live call there), call-paths and call-records 203, endpoints 204 (and
// 2001 as a caller), paging 2003, recordings and permissions 2002 (and 2001 as a caller). The parts
// run one after another, but a part's calls can outlive it by a moment and the notifications suite
// rings 200–209 beside them, so no part counts on another's endpoints being quiet. Numbers that are no extension of the account
// (5550100…) are outside lines: the call is answered at once and has no far leg (sandbox/README.md).
import { eqFilter, type ApiResponse, type CollectionClient, type SendOptions } from '../../harness';
import type { Call } from '../../types/media/call';
import type { CallCollection } from '../../types/media/call-collection';
import type { Conference } from '../../types/media/conference';
import type { MediaRequest } from './collection';

export type MediaApi = CollectionClient<MediaRequest>;

/** `endpoints/200/calls/335` → `200`. */
export const endpointOf = (leg: Pick<Call, 'callId' | 'endpointId'>): string => leg.endpointId ?? leg.callId.split('/')[1] ?? '';

/**
 * `endpoints/200/calls/335` → `335`: the {callId} of /endpoints/{endpointId}/calls/{callId}, the
 * last segment of the leg's _links.self (S-NOTIF, `/2017-09-01/endpoints/2001/calls/33656066`).
 */
export const callNumber = (leg: Pick<Call, 'callId'>): string => leg.callId.slice(leg.callId.lastIndexOf('/') + 1);

/** The path variables of "GET Endpoint Call" and "PUT Call Action" for a leg. */
export const legVars = (leg: Pick<Call, 'callId' | 'endpointId'>): Record<string, string> => ({
  endpointId: endpointOf(leg),
  callId: callNumber(leg),
});

/** Ends a leg (and with it a two-party call); a leg that already completed answers 409, which is fine here. */
export function endLeg(api: MediaApi, leg: Pick<Call, 'callId' | 'endpointId'>): Promise<ApiResponse> {
  return api.send('PUT Call Action', { vars: { ...legVars(leg), action: 'end' } });
}

/** POST Make Call from `from` to `to`; checks the 200 and the schema and ends the call after the test. */
export async function makeCall(
  api: MediaApi,
  from: string,
  to: string,
  options: { body?: Record<string, unknown>; as?: SendOptions['as'] } = {},
): Promise<Call> {
  const res = await api.send<Call>('POST Make Call', { vars: { endpointId: from }, json: { to, ...options.body }, as: options.as });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/call');
  const { callId } = res.body;
  if (options.body?.record === true) deleteRecordingsAfter(api, callId);
  // A leg that already completed answers 409: nothing left to end.
  api.undo(`end call ${callId}`, 'PUT Call Action', { vars: { ...legVars(res.body), action: 'end' }, alreadyDone: [409] });
  return res.body;
}

/**
 * Deletes the recordings of a call or conference after the test (a recording's callId is the call
 * "or conference" it was made of, MEDIA-SPEC). Registered before the undo that ends the call: undos
 * run newest first, and ending a recorded call is what leaves its recording — also when a killed
 * run's undos are sent by the next run's sweep, before the test could delete the recording itself.
 * As the primary user, an account admin, whoever made the call: a USER may not delete a recording.
 */
function deleteRecordingsAfter(api: MediaApi, callId: string): void {
  api.undoEach(
    `delete the recordings of ${callId}`,
    'GET Recordings',
    { query: { $filter: eqFilter('callId', callId) } },
    { request: 'DELETE Recording', vars: { recordingId: 'recordingId' } },
  );
}

/** After the test, ends every live leg of these endpoints, in order: transfers move calls to legs the test never made. */
export function hangUpAfterTest(api: MediaApi, endpointIds: string[]): void {
  // Undos run newest first: registered last to first, they end the endpoints' calls first to last.
  for (const endpointId of [...endpointIds].reverse()) {
    api.undoEach(
      `end live calls on ${endpointId}`,
      'GET Endpoint Calls',
      { vars: { endpointId }, alreadyDone: [409] },
      {
        request: 'PUT Call Action',
        vars: { callId: 'callId#last' },
        fixed: { endpointId, action: 'end' },
      },
    );
  }
}

/** The live legs of an endpoint (GET Endpoint Calls), checked against the schema. */
export async function liveLegs(api: MediaApi, endpointId: string, as?: SendOptions['as']): Promise<Call[]> {
  const res = await api.send<CallCollection>('GET Endpoint Calls', { vars: { endpointId }, as });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/call-collection');
  return res.body._embedded.items;
}

/** The one live leg of an endpoint; fails the test when there is not exactly one. */
export async function onlyLiveLeg(api: MediaApi, endpointId: string): Promise<Call> {
  const legs = await liveLegs(api, endpointId);
  expect(legs).toHaveLength(1);
  return legs[0] as Call;
}

/** The current state of a leg (GET Endpoint Call), checked against the schema. */
export async function currentLeg(api: MediaApi, leg: Pick<Call, 'callId' | 'endpointId'>): Promise<Call> {
  const res = await api.send<Call>('GET Endpoint Call', { vars: legVars(leg) });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/call');
  return res.body;
}

interface Page<Item> {
  _links: { next?: string };
  _embedded: { items: Item[] };
}

/**
 * Follows `_links.next` from `first` to the last page, checking every page against `schema`, and
 * returns the ids of every item in page order. Stops with an error after `maxPages`, so a list
 * that keeps linking a next page fails instead of hanging.
 */
export async function walkPages<Item>(
  api: MediaApi,
  name: MediaRequest,
  first: ApiResponse<Page<Item>>,
  schema: string,
  idOf: (item: Item) => string,
  maxPages = 25,
): Promise<{ ids: string[]; pages: number }> {
  const pages = await api.walk(name, first, { schema, maxPages });
  return { ids: pages.flat().map(idOf), pages: pages.length };
}

/**
 * The principal of a configured user. The Media API has no who-am-I, but a conference's createdBy is
 * the principal that created it (MEDIA-SPEC `conference`): the user creates one, deleted after the test.
 */
export async function principalOf(api: MediaApi, as: SendOptions['as']): Promise<string> {
  const res = await api.send<Conference>('POST Conference', { vars: { conferenceName: 'harness principal probe' }, as });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/conference');
  api.undo(`delete conference ${res.body.id}`, 'DELETE Conference', { vars: { conferenceId: res.body.id }, as });
  return res.body.createdBy;
}

/**
 * POST Conference with this body; checks the 200 and the schema and deletes the conference after
 * the test, with the recordings it leaves when the test means to record it.
 */
export async function createConference(api: MediaApi, body: Record<string, unknown>, options: { recorded?: boolean } = {}): Promise<Conference> {
  const res = await api.send<Conference>('POST Conference', { json: body });
  expect(res.status).toBe(200);
  expect(res.body).toMatchSchema('media/conference');
  if (options.recorded) deleteRecordingsAfter(api, res.body.id);
  api.undo(`delete conference ${res.body.id}`, 'DELETE Conference', { vars: { conferenceId: res.body.id } });
  return res.body;
}

// Scenario "OData paging": every Media list pages with $skip/$top and links the next page in
// `_links.next`, repeating its other options (MEDIA-SPEC
// `parameters`, info text `/2017-09-01/calls?$top=5`). Each list is walked with a small $top to its
// last page and compared with one large page: no item lost, none repeated, same order. There is no
// endpoint list to page (MEDIA-SPEC has only /endpoints/{endpointId}); an endpoint's calls are.
// The lists are narrowed with $filter to what the test made, so tests running beside it in other
// files cannot move items between pages. Calls are placed from extension 2003.
import { itWrites, type SendOptions, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Call } from '../../types/media/call';
import type { ConferenceCollection } from '../../types/media/conference-collection';
import type { Recording } from '../../types/media/recording';
import type { RecordingCollection } from '../../types/media/recording-collection';
import { media, type MediaRequest } from './collection';
import { createConference, endLeg, makeCall, principalOf, walkPages, type MediaApi } from './support';

const api: MediaApi = useCollection(media);

/**
 * Walks `name` page by page and checks the walk against one page holding the whole list. Pages
 * hold a tenth of the list: lists such as call records only grow on a long-lived account, and a
 * fixed page size would make every night's walk longer than the last.
 */
async function expectLosslessPaging<Item>(
  name: MediaRequest,
  schema: string,
  options: Pick<SendOptions, 'vars' | 'query'>,
  idOf: (item: Item) => string,
  minPageSize = 1,
): Promise<string[]> {
  type Page = { _links: { next?: string }; _embedded: { items: Item[] } };
  const whole = await api.send<Page>(name, options);
  expect(whole.status).toBe(200);
  expect(whole.body).toMatchSchema(schema);
  expect(whole.body._links.next).toBeUndefined();
  const top = String(Math.max(minPageSize, Math.ceil(whole.body._embedded.items.length / 10)));
  const first = await api.send<Page>(name, { ...options, query: { ...options.query, $top: top } });

  const walked = await walkPages(api, name, first, schema, idOf);

  const expected = whole.body._embedded.items.map(idOf);
  expect(walked.pages).toBeGreaterThan(1);
  expect(new Set(walked.ids).size).toBe(walked.ids.length);
  expect(walked.ids).toEqual(expected);
  return walked.ids;
}

/** Calls from 2003 to outside numbers; `end` leaves them as call records. */
async function callsFrom2003(count: number, options: { end?: boolean; record?: boolean } = {}): Promise<Call[]> {
  const legs: Call[] = [];
  for (let n = 0; n < count; n++) {
    const leg = await makeCall(api, '2003', `555011${n}`, { body: options.record ? { record: true } : {} });
    if (options.end) {
      const ended = await endLeg(api, leg);
      expect(ended.status).toBe(200);
      expect(ended.body).toMatchSchema('media/call');
    }
    legs.push(leg);
  }
  return legs;
}

const callId = (leg: Call) => leg.callId;

/**
 * Calls and their records are history: on a long-lived account they only grow, past the one page
 * (100 items) the whole-list read may hold. A walk covers the calls made since this test's first.
 */
const since = (legs: Call[]): string => `createdOn ge '${legs[0]?.createdOn ?? ''}'`;

describe('Scenario: OData paging', () => {
  itWrites('walks GET Endpoint Calls to its last page with $top=1, losing and repeating no live call', async () => {
    const legs = await callsFrom2003(3);

    const ids = await expectLosslessPaging('GET Endpoint Calls', 'media/call-collection', { vars: { endpointId: '2003' } }, callId);

    expect([...ids].sort()).toEqual(legs.map(callId).sort());
  });

  itWrites('walks GET Calls narrowed by $filter, the next links repeating the filter', async () => {
    const legs = await callsFrom2003(3);

    const $filter = `endpointId eq '2003' and ${since(legs)}`;
    const ids = await expectLosslessPaging<Call>('GET Calls', 'media/call-collection', { query: { $filter } }, callId, 2);

    expect(ids).toEqual(expect.arrayContaining(legs.map(callId)));
  });

  itWrites('walks GET Call Records filtered with contains(principal, …) as Mitel’s media sample does', async () => {
    const legs = await callsFrom2003(2, { end: true });
    const principal = legs[0]?.fromPrincipalId;
    if (!principal) throw new Error('POST Make Call answered a leg without fromPrincipalId.');

    const ids = await expectLosslessPaging<Call>(
      'GET Call Records',
      'media/call-record-collection',
      { query: { $filter: `contains(principal, '${principal}') and ${since(legs)}` } },
      callId,
    );

    expect(ids).toEqual(expect.arrayContaining(legs.map(callId)));
  });

  itWrites('walks GET Conferences filtered by name, and $orderby sorts them', async () => {
    for (const n of [2, 3, 1]) await createConference(api, { name: `media paging ${n}` });
    const query = { $filter: "contains(name, 'media paging')" };

    await expectLosslessPaging<{ id: string }>('GET Conferences', 'media/conference-collection', { query }, (item) => item.id);

    const ordered = await api.send<ConferenceCollection>('GET Conferences', { query: { ...query, $orderby: 'name desc' } });
    expect(ordered.status).toBe(200);
    expect(ordered.body).toMatchSchema('media/conference-collection');
    expect(ordered.body._embedded.items.map((item) => item.name)).toEqual(['media paging 3', 'media paging 2', 'media paging 1']);
  });

  itWrites('walks GET Participants of a conference', async () => {
    const invitee = await principalOf(api, 'second');
    const conference = await createConference(api, { name: 'media paging participants', participants: [{ participantId: invitee }] });

    const ids = await expectLosslessPaging<{ participantId: string }>(
      'GET Participants',
      'media/conference-participant-collection',
      { vars: { conferenceId: conference.id } },
      (item) => item.participantId,
    );

    expect(ids).toEqual([conference.createdBy, invitee]);
  });

  itWrites('walks GET Recordings filtered to this test’s calls', async () => {
    const legs = await callsFrom2003(2, { end: true, record: true });
    const query = { $filter: "startswith(callId, 'endpoints/2003/')" };
    const listed = await api.send<RecordingCollection>('GET Recordings', { query });
    expect(listed.status).toBe(200);
    expect(listed.body).toMatchSchema('media/recording-collection');
    for (const made of listed.body._embedded.items) {
      api.undo(`delete recording ${made.recordingId}`, 'DELETE Recording', { vars: { recordingId: made.recordingId } });
    }

    const ids = await expectLosslessPaging<Recording>('GET Recordings', 'media/recording-collection', { query }, (item) => item.callId);

    expect(ids).toEqual(expect.arrayContaining(legs.map(callId)));
  });

  it('rejects an OData option the list does not take ($orderby on GET Call Records) with 400 UnsupportedQueryParameters', async () => {
    const res = await api.send<PlatformError>('GET Call Records', { query: { $orderby: 'endTime desc' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('UnsupportedQueryParameters');
  });

  it('rejects $top=0 with 400', async () => {
    const res = await api.send<PlatformError>('GET Calls', { query: { $top: '0' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
  });

  it('rejects a $filter on a field the list does not have with 400', async () => {
    const res = await api.send<PlatformError>('GET Calls', { query: { $filter: "colour eq 'blue'" } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

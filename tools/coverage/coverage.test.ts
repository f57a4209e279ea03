// The coverage map's logic on hand-made collections and usage: how a named request is matched to
// a documented operation, what counts as tested and recorded, and the totals.
import { coverageRows, coverageTotals, requestsFor, templateOf, totalsLine, type RequestInfo, type Usage } from '.';
import { DOCUMENTED_OPERATIONS, type DocumentedOperation } from './operations';
import { renderCoverageMarkdown } from './render';

const request = (api: string, name: string, method: string, url: string, responses: Record<number, string> = { 200: 'x/y' }): RequestInfo => ({
  api,
  name,
  method,
  url,
  responses,
});

const getEndpoint = request('media', 'GET Endpoint', 'GET', '{{media_url}}/endpoints/{{endpointId}}');
const getCalls = request('media', 'GET Endpoint Calls', 'GET', '{{media_url}}/endpoints/{{endpointId}}/calls?$top=2');
const records = request('media', 'GET Call Records', 'GET', '{{media_url}}/calls/records');
const byPath = request('media', 'GET Call By Path', 'GET', '{{media_url}}/calls/{{callPath}}', { 404: '_shared/error' });
const chatParticipants = request('conversations', 'GET Participants', 'GET', '{{chat_url}}/conversations/{{conversationId}}/participants');
const REQUESTS = [getEndpoint, getCalls, records, byPath, chatParticipants];

const op = (method: DocumentedOperation['method'], path: string, extra: Partial<DocumentedOperation> = {}): DocumentedOperation => ({
  api: 'media',
  method,
  path,
  id: `${method} ${path}`,
  summary: 's',
  source: 'MEDIA-SPEC',
  ...extra,
});

const usage = (mentioned: string[], recorded: Record<string, number[]> = {}): Usage => ({
  mentioned: new Set(mentioned),
  recorded: new Map(Object.entries(recorded).map(([key, statuses]) => [key, new Set(statuses)])),
});

describe('templateOf', () => {
  it('keeps the URL variable and turns {{var}} and {name} segments into {}, dropping the query', () => {
    expect(templateOf('{{media_url}}/endpoints/{{endpointId}}/calls?$top=2')).toEqual({ variable: 'media_url', template: '/endpoints/{}/calls' });
    expect(templateOf('/endpoints/{endpointId}/calls')).toEqual({ variable: undefined, template: '/endpoints/{}/calls' });
  });
});

describe('requestsFor', () => {
  it('matches method, service and path template, and never a parameter to a literal segment', () => {
    expect(requestsFor(op('GET', '/endpoints/{endpointId}'), REQUESTS)).toEqual([getEndpoint]);
    expect(requestsFor(op('GET', '/calls/records'), REQUESTS)).toEqual([records]);
    expect(requestsFor(op('PUT', '/endpoints/{endpointId}'), REQUESTS)).toEqual([]);
  });

  it('keeps services apart: Chat’s participants are not Media’s', () => {
    expect(requestsFor(op('GET', '/conversations/{conversationId}/participants'), REQUESTS)).toEqual([]);
    expect(requestsFor({ ...op('GET', '/conversations/{conversationId}/participants'), api: 'conversations' }, REQUESTS)).toEqual([chatParticipants]);
  });

  it('takes the named requests an operation lists at another path', () => {
    expect(requestsFor(op('GET', '/calls/{callId}', { requests: ['GET Call By Path'] }), REQUESTS)).toEqual([byPath]);
  });
});

describe('coverageRows and coverageTotals', () => {
  const operations = [
    op('GET', '/endpoints/{endpointId}'),
    op('GET', '/endpoints/{endpointId}/calls'),
    op('GET', '/calls/records'),
    op('GET', '/conferences/content', { reason: 'Not served.' }),
    op('GET', '/users/{userId}/attendances'),
  ];

  it('marks a test by a mention in the suite or a recording, the fixture by recordings, and collects their statuses', () => {
    const rows = coverageRows(operations, REQUESTS, usage(['media GET Endpoint Calls'], { 'media_url GET Endpoint': [404, 200, 200] }));

    expect(rows.map((row) => [row.path, row.requests, row.test, row.fixture, row.schema, row.statuses, row.covered])).toEqual([
      ['/endpoints/{endpointId}', ['GET Endpoint'], true, true, true, [200, 404], true],
      ['/endpoints/{endpointId}/calls', ['GET Endpoint Calls'], true, false, true, [], true],
      ['/calls/records', ['GET Call Records'], false, false, true, [], false],
      ['/conferences/content', [], false, false, false, [], false],
      ['/users/{userId}/attendances', [], false, false, false, [], false],
    ]);
  });

  it('counts covered, explained and open operations, and the named requests no operation names', () => {
    const rows = coverageRows(operations, REQUESTS, usage(['media GET Endpoint Calls', 'media GET Endpoint']));
    const totals = coverageTotals(rows, REQUESTS);

    expect(totals).toEqual({
      operations: 5,
      covered: 2,
      explained: 1,
      open: 2,
      undocumentedRequests: ['media: GET Call By Path', 'conversations: GET Participants'],
    });
    expect(totalsLine(totals)).toBe(
      '5 documented operations: 2 covered by a named request and a test (40%), 1 not covered with a written reason, 2 open; 60% covered or explained.',
    );
    expect(renderCoverageMarkdown(rows, totals, '2026-12-01T00:00:00.000Z')).toContain(
      '| `GET /users/{userId}/attendances` | GET /users/{userId}/attendances | MEDIA-SPEC | — | — | — | — | — | **open: no reason given** |',
    );
  });
});

describe('DOCUMENTED_OPERATIONS', () => {
  it('lists each operation once, with a source, and the 48 + 29 operations of the two published specs', () => {
    const keys = DOCUMENTED_OPERATIONS.map((operation) => `${operation.api} ${operation.method} ${operation.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(DOCUMENTED_OPERATIONS.every((operation) => operation.source !== '')).toBe(true);
    expect(DOCUMENTED_OPERATIONS.filter((operation) => operation.source === 'AUTH-SPEC')).toHaveLength(48);
    expect(DOCUMENTED_OPERATIONS.filter((operation) => operation.source === 'MEDIA-SPEC')).toHaveLength(29);
  });
});

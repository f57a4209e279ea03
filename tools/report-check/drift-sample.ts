// A drift report as a night against a changed CloudLink would write it: the report check renders
// it to drift.html, attaches it to the known run's Allure results the way the nightly's merge does,
// and reads both in the browser. Values are made up; the shape is tools/drift's.
import type { DriftReport } from '../drift';

export const SAMPLE_DRIFT: DriftReport = {
  environment: 'production',
  generatedAt: '2026-01-05T02:41:07.000Z',
  liveSuccess: false,
  exchanges: 212,
  findings: [
    {
      kind: 'field-added', severity: 'additive', file: 'suites/admin/users.test.ts', test: 'GET Users returns 200 with the account’s users',
      request: 'GET Users', url: '{{admin_url}}/accounts/{{accountId}}/users', path: '_embedded.items[].locale', live: 'string',
    },
    {
      kind: 'enum-changed', severity: 'breaking', file: 'suites/media/call-control.test.ts', test: 'Scenario: call control on premise endpoints answers a call',
      request: 'GET Call', url: '{{media_url}}/endpoints/{{endpointId}}/calls/{{callId}}', path: 'state', live: 'must be equal to one of the allowed values',
    },
    {
      kind: 'field-added', severity: 'additive', file: 'suites/media/call-control.test.ts', test: 'Scenario: call control on premise endpoints answers a call',
      request: 'GET Call', url: '{{media_url}}/endpoints/{{endpointId}}/calls/{{callId}}', path: 'recording', live: 'object',
    },
    {
      kind: 'status-changed', severity: 'breaking', file: 'suites/media/endpoints.test.ts', test: 'GET Endpoint answers 404 for an unknown endpoint',
      request: 'GET Endpoint', url: '{{media_url}}/endpoints/{{endpointId}}', recorded: 404, live: 400,
    },
  ],
};

/** What the check expects to read first: the API with breaking drift, its worst request, a breaking row. */
export const SAMPLE_DRIFT_ORDER = { apis: ['media', 'admin'], firstRequest: 'GET Call', firstSeverity: 'breaking' } as const;

export const SAMPLE_DRIFT_BREAKING = SAMPLE_DRIFT.findings.filter((finding) => finding.severity === 'breaking').length;

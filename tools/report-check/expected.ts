// What the known run holds, by name: the fixture suite's cases, the real tests the check leans on,
// and a drift report as a night against a changed CloudLink would write it (rendered to drift.html
// and attached to the Allure results the way the nightly's merge does). Kept apart from the suite
// file, which only jest may load. The drift values are made up; the shape is tools/drift's.
import type { DriftReport } from '../drift';

/** tools/report-check/fixture-suite/report-cases.suite.ts */
export const CASES = {
  passing: 'returns 200 with the caller’s claims',
  failing: 'fails on purpose: an accountId answered as a number breaks the claims schema',
  skipped: 'is skipped on purpose, so the report shows a skipped test',
  flaky: 'passes only after a 503 was retried, so the report marks it flaky',
} as const;

/** Real tests of the known run (tools/report-check/jest.config.ts), with where the report files them. */
export const REAL = {
  exchange: { path: ['Authentication', 'POST Token'], title: 'returns 201 with a bearer token for the environment user' },
  // Filed by its describe, the scenario, though the first request it sends is POST Subscription.
  webhook: {
    path: ['Notifications', 'Scenario: incoming-call notification'],
    title: 'delivers a call ringing on 200 to a webhook filtered for ringing on 200–209, and nothing for 2002',
  },
} as const;

export const COLLECTIONS = ['Authentication', 'Admin', 'Media', 'Conversations', 'Notifications'] as const;

export const SAMPLE_DRIFT: DriftReport = {
  environment: 'production',
  generatedAt: '2026-01-05T02:41:07.000Z',
  liveSuccess: false,
  exchanges: 212,
  findings: [
    {
      kind: 'field-added',
      severity: 'additive',
      file: 'suites/admin/admin.test.ts',
      test: 'GET Users returns 200 with the account’s users',
      request: 'GET Users',
      url: '{{admin_url}}/accounts/{{accountId}}/users',
      path: '_embedded.items[].locale',
      live: 'string',
    },
    {
      kind: 'enum-changed',
      severity: 'breaking',
      file: 'suites/media/media.test.ts',
      test: 'Scenario: call control on premise endpoints answers a call',
      request: 'GET Call',
      url: '{{media_url}}/endpoints/{{endpointId}}/calls/{{callId}}',
      path: 'state',
      live: 'must be equal to one of the allowed values',
    },
    {
      kind: 'field-added',
      severity: 'additive',
      file: 'suites/media/media.test.ts',
      test: 'Scenario: call control on premise endpoints answers a call',
      request: 'GET Call',
      url: '{{media_url}}/endpoints/{{endpointId}}/calls/{{callId}}',
      path: 'recording',
      live: 'object',
    },
    {
      kind: 'status-changed',
      severity: 'breaking',
      file: 'suites/media/media.test.ts',
      test: 'GET Endpoint answers 404 for an unknown endpoint',
      request: 'GET Endpoint',
      url: '{{media_url}}/endpoints/{{endpointId}}',
      recorded: 404,
      live: 400,
    },
  ],
};

/** What the check expects to read first: the API with breaking drift, its worst request, a breaking row. */
export const SAMPLE_DRIFT_ORDER = { apis: ['media', 'admin'], firstRequest: 'GET Call', firstSeverity: 'breaking' } as const;

export const SAMPLE_DRIFT_BREAKING = SAMPLE_DRIFT.findings.filter((finding) => finding.severity === 'breaking').length;

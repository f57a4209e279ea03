// The tests of the known run the report check looks for by name: the fixture suite's own cases
// and the real tests it leans on. Kept apart from the suite file, which only jest may load.

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
  webhook: { path: ['Notifications', 'POST Subscription'], title: 'delivers a call ringing on 200 to a webhook filtered for ringing on 200–209, and nothing for 2002' },
} as const;

export const COLLECTIONS = ['Authentication', 'Admin', 'Media', 'Conversations', 'Notifications'] as const;

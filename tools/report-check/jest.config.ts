/** @jest-config-loader esbuild-register */
// The known run behind `npm run test:report`: the project's own "suites" jest project (same
// environment, global setup and teardown, Allure writer), with its test files swapped for the
// fixture suite beside this file and one real test file per collection. tools/run's runSuites is
// pointed at this folder, so the report comes out of the same CLI path as `npm start`'s.
import path from 'node:path';
import type { Config } from 'jest';
import base from '../../jest.config';

/** The real suites in the known run: small, quick, one per collection; incoming-call brings a webhook exchange. */
export const REAL_SUITES = [
  'suites/authentication/token.test.ts',
  'suites/admin/contacts.test.ts',
  'suites/media/recordings.test.ts',
  'suites/conversations/paging.test.ts',
  'suites/notifications/incoming-call.test.ts',
];

const suites = base.projects?.find((project) => typeof project === 'object' && project.displayName === 'suites');
if (!suites || typeof suites !== 'object') throw new Error('jest.config.ts has no "suites" project for the report check to reuse.');

const rootDir = path.resolve(__dirname, '../..');

const config: Config = {
  rootDir,
  projects: [
    {
      ...suites,
      rootDir,
      // Not *.test.ts: the unit project collects tools/**/*.test.ts, and these must run only here.
      testMatch: ['<rootDir>/tools/report-check/fixture-suite/*.suite.ts', ...REAL_SUITES.map((file) => `<rootDir>/${file}`)],
    },
  ],
};

export default config;

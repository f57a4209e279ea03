/** @jest-config-loader esbuild-register */
// The known run behind `npm run test:report`: the project's own "suites" jest project (same
// environment, global setup and teardown, Allure writer), with its test files swapped for the
// fixture suite beside this file and one real part per collection. tools/run's runSuites is
// pointed at this folder, so the report comes out of the same CLI path as `npm start`'s.
import path from 'node:path';
import type { Config } from 'jest';
import base from '../../jest.config';

/**
 * The real tests in the known run: one small, quick part per collection (suites/<api>/*.part.ts),
 * each run as a test file of its own, which a live run allows (only replay reads the collection
 * file's fixture); incoming-call brings a webhook exchange.
 */
export const REAL_SUITES = [
  'suites/authentication/token.part.ts',
  'suites/admin/contacts.part.ts',
  'suites/media/recordings.part.ts',
  'suites/conversations/paging.part.ts',
  'suites/notifications/incoming-call.part.ts',
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

/** @jest-config-loader esbuild-register */
// Three projects: "unit" (the harness's, sandbox's, tools' and scripts' own tests, in process),
// "e2e" (the proofs that start other processes: the scripts as a user runs them, Newman on the
// exports, an imported suite run by jest, the type generator on copies of schemas/;
// `npm run test:e2e`, its own CI job) and "suites" (the
// collections). The mode of a suites run (replay, live, record) comes from CLOUDLINK_MODE, which
// the harness CLI sets; see tools/run. Type-checking is done by `tsc --noEmit`, not here.
import type { Config } from 'jest';

// @swc/jest, loaded only on a transform cache miss (harness/jest/swc-transform.js says why). Source
// maps apart from the code (jest keeps them beside its cache and maps stack traces with them):
// @swc/jest's default inlines each map as base64, which tripled the text V8 compiles for every
// module, again for every test file (measured: module compilation 1.3 s → 0.9 s of a replay run).
const transform: Config['transform'] = {
  '^.+\\.ts$': ['<rootDir>/harness/jest/swc-transform.js', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, sourceMaps: true }],
};

const UNIT_FOLDERS = ['harness', 'sandbox', 'scripts', 'tools'];

// jest walks every file under the root to build its module map, and stats each again on every
// run; reports/ holds tens of thousands of results and rehearsal logs after a few runs and never a
// module (measured: a quarter of a second of each run's start).
const modulePathIgnorePatterns = ['<rootDir>/reports/'];

// jest's runtime, with a code cache and a source cache per worker for the modules every test file
// loads again (harness/jest/code-cache.js and source-cache.js say why; measured: about 15 % and
// 10 % less CPU for a replay run).
const runtime = '<rootDir>/harness/jest/runtime.js';

/** The harness's, sandbox's, tools' and scripts' own tests: unit and e2e differ only in their files. */
const ownTests = {
  runtime,
  testEnvironment: '<rootDir>/harness/jest/unit-environment.ts',
  transform,
  modulePathIgnorePatterns,
  setupFilesAfterEnv: ['<rootDir>/harness/jest/setup-unit.ts'],
};

const config: Config = {
  // jest's own, with each mode's timings kept apart (harness/jest/test-sequencer.js says why).
  testSequencer: '<rootDir>/harness/jest/test-sequencer.js',
  // jest looks for watchman before it walks the files, in a process of its own, and waits for the
  // answer; the project's few hundred files are walked as fast without it (measured: 40–60 ms of
  // every run's start).
  watchman: false,
  projects: [
    {
      ...ownTests,
      displayName: 'unit',
      testMatch: [...UNIT_FOLDERS.map((folder) => `<rootDir>/${folder}/**/*.test.ts`), '!**/*.e2e.test.ts'],
    },
    {
      ...ownTests,
      displayName: 'e2e',
      testMatch: UNIT_FOLDERS.map((folder) => `<rootDir>/${folder}/**/*.e2e.test.ts`),
    },
    {
      displayName: 'suites',
      runtime,
      testEnvironment: '<rootDir>/harness/jest/environment.ts',
      // CLOUDLINK_REPORTS_DIR is set by the harness CLI's --reports (parallel runs, CI shards).
      testEnvironmentOptions: { resultsDir: `${process.env.CLOUDLINK_REPORTS_DIR ?? 'reports'}/allure-results` },
      transform,
      modulePathIgnorePatterns,
      testMatch: ['<rootDir>/suites/**/*.test.ts'],
      globalSetup: '<rootDir>/harness/jest/global-setup.ts',
      globalTeardown: '<rootDir>/harness/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/harness/jest/setup-suite.ts'],
    },
  ],
};

export default config;

/** @jest-config-loader esbuild-register */
// Two projects: "unit" (the harness's, sandbox's and scripts' own tests) and "suites" (the
// collections). The mode of a suites run (replay, live, record) comes from CLOUDLINK_MODE, which
// the harness CLI sets; see tools/run. Type-checking is done by `tsc --noEmit`, not here.
import type { Config } from 'jest';

const transform: Config['transform'] = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }],
};

const config: Config = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/harness/**/*.test.ts', '<rootDir>/sandbox/**/*.test.ts', '<rootDir>/scripts/**/*.test.ts', '<rootDir>/tools/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/harness/jest/setup-unit.ts'],
    },
    {
      displayName: 'suites',
      testEnvironment: '<rootDir>/harness/jest/environment.ts',
      // CLOUDLINK_REPORTS_DIR is set by the harness CLI's --reports (parallel runs, CI shards).
      testEnvironmentOptions: { resultsDir: `${process.env.CLOUDLINK_REPORTS_DIR ?? 'reports'}/allure-results` },
      transform,
      testMatch: ['<rootDir>/suites/**/*.test.ts'],
      globalSetup: '<rootDir>/harness/jest/global-setup.ts',
      globalTeardown: '<rootDir>/harness/jest/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/harness/jest/setup-suite.ts'],
    },
  ],
};

export default config;

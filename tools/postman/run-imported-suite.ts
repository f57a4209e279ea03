// Runs the suite an import wrote under a throwaway root, live against the embedded sandbox, the
// way `npm start` runs the repository's suites: same jest projects' setup (global setup starts the
// sandbox and logs in, global teardown checks nothing was left behind), same transform, but the
// root's own suites/ and environment. A child process, so the run's jest and process.env stay
// apart from the test that asks for it.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SWC_TRANSFORM } from '../../harness/jest/child-jest';

const REPO = path.resolve(__dirname, '..', '..');

export interface ImportedSuiteRun {
  exitCode: number;
  passed: number;
  failed: number;
  skipped: number;
  /** "describe › test: message" per failed test, and the run's own errors. */
  failures: string[];
  output: string;
  wallMs: number;
}

export function runImportedSuite(root: string, environmentFile: string): Promise<ImportedSuiteRun> {
  const harness = (file: string) => path.join(REPO, 'harness', 'jest', file);
  const config = {
    rootDir: root,
    testEnvironment: harness('environment.ts'),
    testEnvironmentOptions: { resultsDir: path.join(root, 'reports', 'allure-results') },
    transform: SWC_TRANSFORM,
    testMatch: ['<rootDir>/suites/**/*.test.ts'],
    globalSetup: harness('global-setup.ts'),
    globalTeardown: harness('global-teardown.ts'),
    setupFilesAfterEnv: [harness('setup-suite.ts')],
  };
  const configFile = path.join(root, 'jest.config.json');
  const resultsFile = path.join(root, 'jest-results.json');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const started = Date.now();
  const env = { ...process.env, CLOUDLINK_ENVIRONMENT: environmentFile, CLOUDLINK_MODE: 'live', CLOUDLINK_QUIET: '1' };
  const jest = require.resolve('jest/bin/jest');
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [jest, '--config', configFile, '--json', '--outputFile', resultsFile, '--runInBand'],
      { cwd: root, env, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const exitCode = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        let results: JestJson | undefined;
        try {
          results = JSON.parse(readFileSync(resultsFile, 'utf8')) as JestJson;
        } catch {
          results = undefined;
        }
        const failures = (results?.testResults ?? []).flatMap((file) => [
          ...file.assertionResults
            .filter((a) => a.status === 'failed')
            .map((a) => `${[...a.ancestorTitles, a.title].join(' › ')}: ${a.failureMessages.join(' ').slice(0, 500)}`),
          ...(file.status === 'failed' && file.assertionResults.every((a) => a.status !== 'failed') ? [`${file.name}: ${file.message.slice(0, 500)}`] : []),
        ]);
        resolve({
          exitCode,
          passed: results?.numPassedTests ?? 0,
          failed: results?.numFailedTests ?? 0,
          skipped: results?.numPendingTests ?? 0,
          failures: failures.length > 0 || exitCode === 0 ? failures : [`jest exited ${exitCode}: ${stderr.slice(-2000)}`],
          output: `${stdout}${stderr}`,
          wallMs: Date.now() - started,
        });
      },
    );
  });
}

interface JestJson {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message: string;
    assertionResults: Array<{ ancestorTitles: string[]; title: string; status: string; failureMessages: string[] }>;
  }>;
}

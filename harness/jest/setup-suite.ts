// Runs in every suite file (jest setupFilesAfterEnv): registers toMatchSchema, and opens/closes the
// file's fixtures and each test's scrubber and cleanups around the tests.
import '../schema/matcher';
import { closeTransport } from '../pipeline/transport';
import { writeMetric } from '../report/metrics';
import { session } from '../session';

beforeAll(() => {
  session.openFile(requireState('testPath'));
});

beforeEach(() => {
  session.beginTest(requireState('currentTestName'));
});

afterEach(async () => {
  const state = expect.getState();
  writeMetric({
    kind: 'test',
    file: requireState('testPath').slice(process.cwd().length + 1),
    test: requireState('currentTestName'),
    assertions: state.assertionCalls,
  });
  const problems = session.test?.contractProblems ?? [];
  const retries = session.test?.retriesExpected ? [] : (session.test?.retries ?? []);
  if (retries.length) {
    writeMetric({ kind: 'flaky', file: requireState('testPath').slice(process.cwd().length + 1), test: requireState('currentTestName'), retries });
  }
  await session.endTest();
  if (problems.length) throw new Error(`Contract: ${problems.join('; ')}.`);
});

afterAll(() => {
  session.closeFile();
  closeTransport();
});

function requireState(key: 'testPath' | 'currentTestName'): string {
  const value = expect.getState()[key];
  if (!value) throw new Error(`jest did not provide ${key}; harness/jest/setup-suite.ts needs jest-circus.`);
  return value;
}

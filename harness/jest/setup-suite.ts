// Runs in every suite file (jest setupFilesAfterEnv): registers toMatchSchema, and opens/closes the
// file's fixtures and each test's scrubber and cleanups around the tests.
import '../schema/matcher';
import { closeTransport } from '../pipeline/transport';
import { writeMetric } from '../report/metrics';
import { session } from '../session';
import { describeSelectedBy, REQUEST_VARIABLE } from './request-filter';

// A test against a real account may wait out several Retry-After answers and back-offs
// (retry_max_ms, 10 s by default): jest's 5 s would fail it for the platform's slowness.
// request_timeout_ms and run_timeout_ms bound what really hangs. (testTimeout in jest.config.ts
// is global only; this applies to the suites alone.)
jest.setTimeout(120_000);

// A `-r` run: the describes the request does not select are never defined (./request-filter.ts).
const request = process.env[REQUEST_VARIABLE];
if (request) globalThis.describe = describeSelectedBy(request, globalThis.describe);

// jest keeps the stack of each hook's registration (a hook that times out points there), and
// allure-jest formats it through the source maps of every file on it, hook after hook, file after
// file, to tell jest's own hooks from others: about 0.1 s of each replay worker (--cpu-prof). The
// registration's own line, the first frame, is all either needs.
const stackTraceLimit = Error.stackTraceLimit;
Error.stackTraceLimit = 1;

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
  const unfindable = session.test?.unfindable ?? [];
  const retries = session.test?.retriesExpected ? [] : (session.test?.retries ?? []);
  if (retries.length) {
    writeMetric({ kind: 'flaky', file: requireState('testPath').slice(process.cwd().length + 1), test: requireState('currentTestName'), retries });
  }
  await session.endTest();
  if (problems.length) throw new Error(`Contract: ${problems.join('; ')}.`);
  // After the cleanups, so what the create made is still deleted.
  if (unfindable.length) throw new Error(unfindable.join('\n'));
});

afterAll(() => {
  session.closeFile();
  closeTransport();
});

Error.stackTraceLimit = stackTraceLimit;

function requireState(key: 'testPath' | 'currentTestName'): string {
  const value = expect.getState()[key];
  if (!value) throw new Error(`jest did not provide ${key}; harness/jest/setup-suite.ts needs jest-circus.`);
  return value;
}

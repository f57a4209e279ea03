// End to end through jest itself: a suite whose expectation fails on a body holding a real
// account's id, run by a child jest with allure-jest's environment (plus the masking hook) and
// jest-junit, as the CLI runs the suites. What lands in junit.xml and allure-results must hold the
// placeholder, not the id; the terminal's copy on a developer's machine keeps it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runChildJest, SWC_TRANSFORM, type ChildJestRun } from '../jest/child-jest';
import { readMetrics } from './metrics';

const ROOT = path.resolve(__dirname, '../..');
const ACCOUNT = '7c2b9d1e-4f3a-4b2c-9d8e-1a2b3c4d5e6f';
const TOKEN = 'opaque-token-0123456789';

function writeSuite(dir: string): void {
  const harness = (file: string) => JSON.stringify(path.join(ROOT, 'harness', file));
  writeFileSync(
    path.join(dir, 'environment.ts'),
    `import type { Circus } from '@jest/types';
import AllureNodeEnvironment from 'allure-jest/node';
import { maskFailures } from ${harness('report/failure-events')};
export default class extends AllureNodeEnvironment {
  handleTestEvent(event: Circus.Event, state: Circus.State): void {
    maskFailures(event, state, this.global);
  }
}
`,
  );
  writeFileSync(
    path.join(dir, 'account.test.ts'),
    `import { Scrubber } from ${harness('redact/scrubber')};
import { exposeFailureMasker } from ${harness('report/failure-masker')};
beforeEach(() => {
  const scrubber = new Scrubber([{ name: 'accountId', value: '${ACCOUNT}' }, { name: 'access_token', value: '${TOKEN}' }]);
  exposeFailureMasker(scrubber, { file: 'account.test.ts' });
});
it('reads the account', () => {
  expect({ accountId: '${ACCOUNT}', name: 'Acme' }).toEqual({ accountId: 'another', name: 'Acme' });
});
it('resolves to the account', async () => {
  await expect(Promise.resolve({ accountId: '${ACCOUNT}', token: '${TOKEN}' })).resolves.toBeNull();
});
`,
  );
}

function runJest(dir: string): ChildJestRun {
  const config = {
    rootDir: dir,
    testMatch: ['<rootDir>/*.test.ts'],
    testEnvironment: '<rootDir>/environment.ts',
    testEnvironmentOptions: { resultsDir: path.join(dir, 'allure-results') },
    transform: SWC_TRANSFORM,
    reporters: ['jest-junit'],
  };
  const env: NodeJS.ProcessEnv = { ...process.env, JEST_JUNIT_OUTPUT_DIR: dir, CLOUDLINK_RUN_DIR: path.join(dir, 'run'), CLOUDLINK_MASK_IDENTIFIERS: 'auto' };
  delete env.CI;
  return runChildJest(config, { cwd: ROOT, env });
}

describe('failure messages of a run against a real account', () => {
  let dir: string;
  let run: { status: number | null; output: string };

  beforeAll(() => {
    // Inside the repository, so the child jest finds @swc/jest and allure-jest in node_modules.
    mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
    dir = mkdtempSync(path.join(ROOT, 'reports', '.failure-masking-'));
    writeSuite(dir);
    run = runJest(dir);
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('fails both tests, as the suite means to', () => {
    expect(run.status).toBe(1);
  });

  it('writes junit.xml with the placeholder and neither the account id nor the token', () => {
    const junit = readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    expect(junit.match(/<failure/g)).toHaveLength(2);
    expect(junit).toContain('redacted-accountid-1');
    expect(junit).not.toContain(ACCOUNT);
    expect(junit).not.toContain(TOKEN);
  });

  it('writes allure results whose messages, traces and actual values hold placeholders only', () => {
    const results = readdirSync(path.join(dir, 'allure-results'))
      .filter((name) => name.endsWith('-result.json'))
      .map((name) => readFileSync(path.join(dir, 'allure-results', name), 'utf8'));
    expect(results).toHaveLength(2);
    for (const result of results) {
      expect(JSON.parse(result).status).toBe('failed');
      expect(result).toContain('redacted-accountid-1');
      expect(result).not.toContain(ACCOUNT);
      expect(result).not.toContain(TOKEN);
    }
  });

  it("keeps the id, not the token, in the terminal's copy on a developer's machine", () => {
    const texts = readMetrics(path.join(dir, 'run')).flatMap((m) => (m.kind === 'failure-text' ? [m.terminal] : []));
    expect(texts.some((text) => text.includes(ACCOUNT))).toBe(true);
    expect(texts.join('\n')).not.toContain(TOKEN);
  });
});

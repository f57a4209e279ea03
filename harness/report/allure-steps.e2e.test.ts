// End to end through jest itself: a small suite file run by a child jest the way the CLI runs the
// suites (the suites' environment, setup file and global setup, live against the embedded
// sandbox), then its Allure results read back. A test is filed under its file's collection and its
// describe, whatever it sends first; a request step lasts as long as the request, one the sandbox
// slowed down included. Each request is one attachment with its curl command beside it, and only
// the hooks that show something are written. A second run writes its files in the first run's
// places, and its report holds nothing of the first.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runChildJest, SWC_TRANSFORM, type ChildJestRun } from '../jest/child-jest';

const ROOT = path.resolve(__dirname, '../..');
const LATENCY_MS = 300;

interface Step {
  name: string;
  start: number;
  stop: number;
  steps: Step[];
  attachments: Array<{ name: string; type: string }>;
  parameters: Array<{ name: string; value: string }>;
}
interface Result {
  uuid: string;
  name: string;
  status: string;
  labels: Array<{ name: string; value: string }>;
  steps: Step[];
}
interface Group {
  children: string[];
  befores: Array<{ name: string; steps: Step[] }>;
  afters: Array<{ name: string; steps: Step[] }>;
}

function writeSuite(dir: string): void {
  const from = (file: string) => JSON.stringify(path.join(ROOT, file));
  // suites/<api>/ is where a suite file says which collection it belongs to: this one is admin's.
  mkdirSync(path.join(dir, 'admin'));
  writeFileSync(
    path.join(dir, 'admin', 'grouping.test.ts'),
    `import { sandboxSwitchboard, useCollection } from ${from('harness')};
import { admin } from ${from('suites/admin/collection')};
import { authentication } from ${from('suites/authentication/collection')};
const api = useCollection(admin);
const auth = useCollection(authentication);

describe('Scenario: grouping', () => {
  it('reads the token, then the account', async () => {
    expect((await auth.send('GET Token')).status).toBe(200);
    expect((await api.send('GET Account')).status).toBe(200);
  });
});

describe('GET Account', () => {
  it('is slowed down by the switchboard', async () => {
    const switchboard = sandboxSwitchboard();
    if (!switchboard) throw new Error('no switchboard: the child run is not live on the embedded sandbox');
    api.addHeadersForTest({ 'x-switchboard-tag': 'slow' });
    await switchboard.setFaults([{ kind: 'latency', ms: ${LATENCY_MS}, service: 'admin', method: 'GET', tag: 'slow' }]);
    api.cleanup('switch the faults off', () => switchboard.setFaults([]));
    expect((await api.send('GET Account')).status).toBe(200);
  });
});

describe('GET Token', () => {
  it('sends a request from its cleanup', async () => {
    auth.cleanup('read the token once more', async () => {
      await auth.send('GET Token');
    });
    expect((await auth.send('GET Token')).status).toBe(200);
  });
});

it('sends GET Token outside any describe', async () => {
  expect((await auth.send('GET Token')).status).toBe(200);
});
`,
  );
}

function runJest(dir: string): ChildJestRun {
  const config = {
    rootDir: dir,
    testMatch: ['<rootDir>/**/*.test.ts'],
    runtime: path.join(ROOT, 'harness/jest/runtime.js'),
    testEnvironment: path.join(ROOT, 'harness/jest/environment.ts'),
    testEnvironmentOptions: { resultsDir: path.join(dir, 'allure-results') },
    globalSetup: path.join(ROOT, 'harness/jest/global-setup.ts'),
    globalTeardown: path.join(ROOT, 'harness/jest/global-teardown.ts'),
    setupFilesAfterEnv: [path.join(ROOT, 'harness/jest/setup-suite.ts')],
    transform: SWC_TRANSFORM,
  };
  const env: NodeJS.ProcessEnv = { ...process.env, CLOUDLINK_MODE: 'live', CLOUDLINK_ENVIRONMENT: 'sandbox', CLOUDLINK_RUN_DIR: path.join(dir, 'run') };
  // With the scripts' TypeScript loader, as the CLI (npm start) runs jest: the environment loads TypeScript at run time.
  return runChildJest(config, { cwd: ROOT, env, preload: [path.join(ROOT, 'scripts/register.js')] });
}

describe('the Allure results of a suite file', () => {
  let dir: string;
  let run: ChildJestRun;
  let results: Result[];
  let groups: Group[];
  const byName = (name: string) => {
    const found = results.find((result) => result.name === name);
    if (!found) throw new Error(`no result "${name}" among ${results.map((result) => result.name).join(', ')}\n${run.output}`);
    return found;
  };
  const label = (result: Result, name: string) => result.labels.filter((l) => l.name === name).map((l) => l.value);

  beforeAll(() => {
    // Inside the repository, so the child jest finds @swc/jest and allure-jest in node_modules.
    mkdirSync(path.join(ROOT, 'reports'), { recursive: true });
    dir = mkdtempSync(path.join(ROOT, 'reports', '.allure-steps-'));
    writeSuite(dir);
    run = runJest(dir);
    const resultsDir = path.join(dir, 'allure-results');
    const read = <T>(suffix: string) =>
      readdirSync(resultsDir)
        .filter((name) => name.endsWith(suffix))
        .map((name) => JSON.parse(readFileSync(path.join(resultsDir, name), 'utf8')) as T);
    results = read<Result>('-result.json');
    groups = read<Group>('-container.json');
  }, 120_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes every test of the child run', () => {
    // The child's own output is the message when it failed.
    expect(run.status === 0 ? 'passed' : run.output).toBe('passed');
    expect(results.map((result) => result.status)).toEqual(['passed', 'passed', 'passed', 'passed']);
  });

  it('files a scenario under its describe and its file’s collection, not under the first request it sends', () => {
    const scenario = byName('reads the token, then the account');
    expect(scenario.steps[0]?.name).toMatch(/^GET Token:/);
    expect(label(scenario, 'epic')).toEqual(['Admin']);
    expect(label(scenario, 'feature')).toEqual(['Scenario: grouping']);
  });

  it('files a test outside any describe under the first request it sends', () => {
    const loose = byName('sends GET Token outside any describe');
    expect(label(loose, 'epic')).toEqual(['Admin']);
    expect(label(loose, 'feature')).toEqual(['GET Token']);
  });

  it('makes the step of a request the sandbox delayed last at least the delay, and as long as the request', () => {
    const slow = byName('is slowed down by the switchboard');
    expect(label(slow, 'feature')).toEqual(['GET Account']);
    const step = slow.steps.find((candidate) => candidate.name.startsWith('GET Account:'));
    if (!step) throw new Error(`no GET Account step in ${JSON.stringify(slow.steps.map((s) => s.name))}`);
    const lasted = step.stop - step.start;
    expect(lasted).toBeGreaterThanOrEqual(LATENCY_MS);
    // The title carries the time on the wire; the step spans at least that.
    const wireMs = Number(/\(([\d.]+) ms\)$/.exec(step.name)?.[1]);
    expect(lasted).toBeGreaterThanOrEqual(Math.floor(wireMs));
  });

  it('attaches each request once, as JSON, with its curl command as the step’s parameter', () => {
    const step = byName('reads the token, then the account').steps[0];
    expect(step?.attachments.map((attachment) => [attachment.name, attachment.type])).toEqual([['request and response', 'application/json']]);
    expect(step?.steps).toEqual([]);
    expect(step?.parameters.map((parameter) => parameter.name)).toEqual(['curl']);
    const curl = step?.parameters[0]?.value ?? '';
    expect(curl).toMatch(/^curl "http:\/\/127\.0\.0\.1:\d+\/authentication\/2017-09-01\/token" \\$/m);
    // The token is the shell's variable, never its value.
    expect(curl).toContain('authorization: Bearer $CLOUDLINK_ACCESS_TOKEN');
    expect(curl).not.toMatch(/eyJ/);
  });

  it('writes the hooks of a test only where they show something: here the cleanup’s request', () => {
    // Every test ran the setup file's beforeEach and afterEach, and the file its beforeAll and afterAll.
    expect(groups).toHaveLength(1);
    const withCleanup = byName('sends a request from its cleanup');
    expect(groups[0]?.children).toEqual([withCleanup.uuid]);
    expect(groups[0]?.afters.flatMap((hook) => hook.steps.map((step) => step.name))).toEqual([
      expect.stringMatching(/^GET Token: GET \{\{auth_url\}\}\/token → 200/),
    ]);
  });

  it('runs again in the old files’ places, and keeps nothing of the first run', () => {
    const resultsDir = path.join(dir, 'allure-results');
    const files = () => readdirSync(resultsDir).map((name) => ({ name, inode: statSync(path.join(resultsDir, name)).ino }));
    const first = files();
    const again = runJest(dir);
    expect(again.status === 0 ? 'passed' : again.output).toBe('passed');
    const second = files();
    // The same number of files, none of the first run's names, every one in a first-run file's place.
    expect(second).toHaveLength(first.length);
    const firstNames = new Set(first.map((file) => file.name));
    expect(second.filter((file) => firstNames.has(file.name))).toEqual([]);
    expect(new Set(second.map((file) => file.inode))).toEqual(new Set(first.map((file) => file.inode)));
    // Global teardown deleted what was set aside.
    expect(readdirSync(dir).filter((name) => name.startsWith('allure-results.'))).toEqual([]);
  }, 120_000);
});

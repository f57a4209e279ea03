// Token setup against a sandbox started apart and configured like a real account (no target), with
// a bad start: the first POST Token answers 503 and the second 429. Global setup sends its grants
// through the pipeline, so both are retried like any safe request and the run gets its tokens.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, switchboardClient, toPostmanEnvironment, type RunningSandbox } from '../../sandbox';
import globalSetup from './global-setup';
import globalTeardown from './global-teardown';

let sandbox: RunningSandbox;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  sandbox = await startSandbox({
    switchboard: {
      faults: [
        { kind: 'server-error', status: 503, service: 'authentication', method: 'POST', path: '/token', next: 1 },
        { kind: 'rate-limit', retryAfterSeconds: 0, service: 'authentication', method: 'POST', path: '/token', next: 1 },
      ],
    },
  });
  dir = mkdtempSync(path.join(os.tmpdir(), 'setup-'));
});

afterAll(async () => {
  process.env = saved;
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('global setup against an external host', () => {
  it('retries a 503 and a 429 on POST Token and hands the workers a token', async () => {
    const file = path.join(dir, `external-${process.pid}.postman_environment.json`);
    writeFileSync(file, JSON.stringify(toPostmanEnvironment(sandbox)));
    process.env = { ...saved, CLOUDLINK_ENVIRONMENT: file, CLOUDLINK_MODE: 'live', CLOUDLINK_RETRY_BASE_MS: '1' };

    await globalSetup();

    // Both faults answered (each is spent after one request), and still both users got tokens.
    const faults = (await switchboardClient(sandbox.switchboard).get()).faults;
    expect(faults.map((fault) => fault.remaining)).toEqual([0, 0]);
    expect(process.env.CLOUDLINK_ACCESS_TOKEN).toMatch(/^ey/);
    expect(process.env.CLOUDLINK_ACCESS_TOKEN2).toMatch(/^ey/);
  });
});

describe('global setup and the Allure results', () => {
  it('starts every run from fresh results, a plain npx jest too', async () => {
    const results = path.join(dir, 'allure-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, 'old-result.json'), '{}');
    process.env = { ...saved, CLOUDLINK_MODE: 'replay' };

    await globalSetup(undefined, { testEnvironmentOptions: { resultsDir: results } });

    expect(existsSync(results)).toBe(false);
  });

  it('keeps the old results aside for the workers, and what they left for the next run', async () => {
    const reports = mkdtempSync(path.join(dir, 'reports-'));
    const results = path.join(reports, 'allure-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(path.join(results, 'old-result.json'), '{}');
    process.env = { ...saved, CLOUDLINK_MODE: 'replay' };
    const project = { testEnvironmentOptions: { resultsDir: results } };

    await globalSetup(undefined, project);
    expect(readdirSync(reports).filter((name) => name.startsWith('allure-results.old-'))).toHaveLength(1);
    // Tests run in band, in this process, write their results alone.
    expect(process.env.CLOUDLINK_JEST_PARENT).toBe(String(process.pid));
    mkdirSync(results);
    await globalTeardown(undefined, project);

    const [aside, ...more] = readdirSync(reports).filter((name) => name.startsWith('allure-results.old-'));
    expect(more).toEqual([]);
    expect(readdirSync(path.join(reports, aside ?? ''))).toEqual(['old-result.json']);
    expect(readdirSync(reports)).toContain('allure-results');
  });
});

// `npm start -- -r "<name>"` as a user runs it: the collection's one test file is loaded, and the run
// holds the tests the name selects and nothing else, no other test of the file reported as skipped.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const reports = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-request-run-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));
jest.setTimeout(120_000);

function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['-r', './scripts/register.js', 'scripts/run.ts', '--mode', 'replay', '--no-html', '--reports', reports, ...args],
      { cwd: ROOT, env: { ...process.env, CLOUDLINK_MODE: '' }, timeout: 120_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

/** jest-junit's test cases by full name (its classname is the describe path), and the ones marked skipped. */
function junitCases(): { names: string[]; skipped: string[] } {
  const xml = readFileSync(path.join(reports, 'junit.xml'), 'utf8');
  const cases = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map((match) => ({
    name: `${match[1]} ${match[2]}`,
    skipped: (match[4] ?? '').includes('<skipped'),
  }));
  return { names: cases.map((each) => each.name), skipped: cases.filter((each) => each.skipped).map((each) => each.name) };
}

it('runs the POST Token tests of the Authentication file and reports no other test', async () => {
  const result = await runCli(['-c', 'authentication', '-r', 'POST Token']);

  expect(result.stderr).not.toMatch(/skipped tests/);
  expect(result.code).toBe(0);
  const { names, skipped } = junitCases();
  expect(names.length).toBeGreaterThanOrEqual(5);
  expect(names.every((name) => name.startsWith('POST Token '))).toBe(true);
  expect(skipped).toEqual([]);
});

it('narrows to one test by its full name, the others of its describe skipped as jest does', async () => {
  const result = await runCli(['-r', 'POST Token returns 201 with a bearer token for the environment user']);

  expect(result.code).toBe(0);
  const { names, skipped } = junitCases();
  expect(names.filter((name) => !skipped.includes(name))).toEqual(['POST Token returns 201 with a bearer token for the environment user']);
  expect(skipped.every((name) => name.startsWith('POST Token '))).toBe(true);
});

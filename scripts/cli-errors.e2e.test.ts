// The scripts as a user runs them, in a real process: a mistake in the input is one message on
// stderr naming the culprit, exit 2, and no stack trace. The same checks are tested in process,
// case by case, next to the code (docs/errors.md lists them).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const reports = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-cli-errors-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['-r', './scripts/register.js', path.join('scripts', script), ...args],
      { cwd: ROOT, env: { ...process.env, CLOUDLINK_MODE: '', ...env }, timeout: 120_000 },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
}

const STACK_LINE = /^\s+at /m;
// Each case starts node with the scripts' TypeScript loader, and some load the collections or start jest.
jest.setTimeout(120_000);

describe('scripts: bad input exits 2 with one message and no stack (docs/errors.md)', () => {
  it.each([
    ['run.ts: unknown mode', 'run.ts', ['--mode', 'fast'], {}, 'cloudlink: Option --mode takes live, replay, record; not "fast".'],
    [
      'run.ts: unknown request',
      'run.ts',
      ['-r', 'POST (Token'],
      {},
      'cloudlink: Unknown request "POST (Token" (--request): no test is named after it. Did you mean "POST Token"?',
    ],
    [
      'run.ts: read_only that is not a boolean',
      'run.ts',
      ['--mode', 'replay'],
      { CLOUDLINK_READ_ONLY: 'maybe' },
      'read_only is "maybe" (from CLOUDLINK_READ_ONLY in the process environment): expected true or false',
    ],
    [
      'run.ts: reports under /proc',
      'run.ts',
      ['--reports', '/proc/x'],
      {},
      'cloudlink: Reports directory /proc/x (--reports) is under /proc, a special file system',
    ],
    [
      'run.ts: blank credentials, found by global setup',
      'run.ts',
      ['-e', 'production', '-c', 'authentication', '--reporters', 'junit', '--reports', reports],
      { CLOUDLINK_USERNAME: '', CLOUDLINK_PASSWORD: '' },
      'cloudlink: Environment "production"',
    ],
    ['drift.ts: unknown flag', 'drift.ts', ['--envv', 'sandbox'], {}, 'drift: Unknown option --envv. Did you mean "--env"?'],
    ['sandbox.ts: port out of range', 'sandbox.ts', ['--port', '70000'], {}, 'sandbox: Option --port takes 0–65535, not "70000".'],
    [
      'mutation.ts: unknown drift',
      'mutation.ts',
      ['--drift', 'media.call.state-enums'],
      {},
      'mutation: Unknown drift "media.call.state-enums" (--drift). Did you mean "media.call.state-enum"?',
    ],
    ['import.ts: no collection file', 'import.ts', [], {}, 'import: Expected one collection file, got 0.'],
    [
      'generate-types.ts: a root without schemas',
      'generate-types.ts',
      ['--root', '/nonexistent'],
      {},
      'generate-types: --root /nonexistent holds no schemas/ directory.',
    ],
    [
      'export.ts: unknown collection',
      'export.ts',
      ['-c', 'medias'],
      {},
      'export: Unknown collection "medias" (--collection): there is no suites/medias/ with tests. Did you mean "media"?',
    ],
    ['bench.ts: unknown flag', 'bench.ts', ['--newmann'], {}, 'bench: Unknown option --newmann. Did you mean "--newman"?'],
    ['load.ts: a flag without its value', 'load.ts', ['--requests'], {}, 'load: Option --requests needs a value: --requests <value>.'],
    ['report.ts: a stray argument', 'report.ts', ['now'], {}, 'report: Unexpected argument "now": this command takes only options.'],
  ])('%s', async (_kind, script, args, env, message) => {
    const result = await run(script, args, env);
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 2, stderr: expect.stringContaining(message) });
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toContain('Jest: Got error running globalSetup');
  });

  it('--verbose adds the stack to the same message', async () => {
    const result = await run('run.ts', ['--mode', 'fast', '--verbose']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(STACK_LINE);
  });

  it("--help lists every flag, Newman's included", async () => {
    const result = await run('run.ts', ['--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--env-var',
      '--iteration-count',
      '--iteration-data',
      '--delay-request',
      '--timeout-request',
      '--insecure',
      '--export-environment',
      '--suppress-exit-code',
      '--color',
      '--verbose',
      '--environment',
    ]) {
      expect(result.stdout).toContain(flag);
    }
  });
});

describe('import and export as processes: a mistake of the user in one line, exit 2 (tools/postman/limits.ts)', () => {
  const FIXTURES = path.join(ROOT, 'tools', 'postman', '__fixtures__');
  const COLLECTION = path.join(FIXTURES, 'application-registration.postman_collection.json');
  const ENVIRONMENT = path.join(FIXTURES, 'application-registration.postman_environment.json');

  it('export --out /proc/x', async () => {
    const result = await run('export.ts', ['--out', '/proc/x']);
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 2,
      stderr: 'export: --out /proc/x: that is a special file system (/proc, /sys or /dev), not a place for files.\n',
    });
  });

  it('import --force over a hand-written suite', async () => {
    const result = await run('import.ts', [COLLECTION, '-e', ENVIRONMENT, '--name', 'authentication', '--force']);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^import: Import of .* would overwrite suites\/authentication\/collection\.ts, suites\/authentication\/authentication\.test\.ts, which were not written by an import; .*\n$/,
    );
  });
});

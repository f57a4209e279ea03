// npm start's Newman options are checked against the environment before any run: a key that is no
// variable would otherwise be ignored by the loader, silently.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isUserError } from '../../harness/user-error';
import { runCommand } from './command';
import { parseRunArgs, type CommandOptions } from './options';

const dir = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function messageOf(argv: string[]): Promise<string> {
  const before = { ...process.env };
  const error = await runCommand(parseRunArgs(argv) as CommandOptions).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  // Overrides last only as long as their run: nothing leaks into the next one.
  expect(process.env).toEqual(before);
  expect(isUserError(error)).toBe(true);
  return (error as Error).message;
}

describe('runCommand: bad input refused before any run (docs/errors.md)', () => {
  it('an --env-var key that is no variable, with did-you-mean', async () => {
    expect(await messageOf(['--env-var', 'read_onyl=true'])).toBe(
      '--env-var read_onyl: the environment "sandbox" has no variable "read_onyl". Did you mean "read_only"?',
    );
  });

  it('an --env-var value the variable does not take', async () => {
    expect(await messageOf(['--env-var', 'read_only=maybe'])).toMatch(
      /read_only is "maybe" \(from CLOUDLINK_READ_ONLY in the process environment\): expected true or false[^]*--env-var, --timeout-request, --timeout and --iteration-data values reach the environment/,
    );
  });

  it('an iteration-data column that is no variable, with did-you-mean', async () => {
    const rows = path.join(dir, 'rows.csv');
    writeFileSync(rows, 'usernme\nann\n');
    expect(await messageOf(['-d', rows])).toBe(
      `--iteration-data ${rows}, row 1: column "usernme" is no variable of the environment "sandbox". Did you mean "username" or "username2"?`,
    );
  });

  it('an --export-environment file in a missing directory', async () => {
    expect(await messageOf(['--export-environment', path.join(dir, 'no', 'env.json')])).toBe(
      `--export-environment ${path.join(dir, 'no', 'env.json')}: the directory ${path.join(dir, 'no')} does not exist.`,
    );
  });

  it('an unknown environment name, with the available ones', async () => {
    expect(await messageOf(['-e', 'prod'])).toContain('Unknown environment "prod":');
  });
});

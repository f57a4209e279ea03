import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { runChecks, type Check } from './parallel';

const node = (script: string) => `"${process.execPath}" -e ${JSON.stringify(script)}`;

async function run(checks: Check[], concurrency = 2) {
  let log = '';
  const code = await runChecks(checks, { cwd: process.cwd(), concurrency, write: (text) => (log += text) });
  // Colour is on where the terminal or CI supports it; the words are what is checked here.
  return { code, log: stripVTControlCharacters(log) };
}

describe('runChecks', () => {
  it('exits 0 when every check passes, printing each in the order given even when a later one ends first', async () => {
    const { code, log } = await run([
      { name: 'slow', command: node('setTimeout(() => {}, 300)') },
      { name: 'fast', command: node('process.stdout.write(["qu", "iet"].join(""))') },
    ]);
    expect(code).toBe(0);
    expect(log.indexOf('slow')).toBeLessThan(log.indexOf('fast'));
    // A passing check's output is not repeated: only failures need reading.
    expect(log).not.toContain('quiet');
    expect(log).toContain('checks: 2 passed');
  });

  it("exits 1 when one fails, and shows that check's stdout and stderr, indented under its name", async () => {
    const { code, log } = await run([
      { name: 'good', command: node('') },
      { name: 'bad', command: node('console.log("out line"); console.error("err line"); process.exit(3)') },
    ]);
    expect(code).toBe(1);
    expect(log).toMatch(/✗ bad .*\n {4}out line\n {4}err line\n/);
    expect(log).toContain('checks: 1 of 2 failed');
  });

  it('never runs more than `concurrency` checks at once', async () => {
    // Each check fails if another holds the lock file it creates exclusively.
    const lock = path.join(os.tmpdir(), `cloudlink-check-lock-${process.pid}`);
    const exclusive = node(
      `const fs = require("fs"); fs.writeFileSync(${JSON.stringify(lock)}, "", { flag: "wx" }); setTimeout(() => fs.unlinkSync(${JSON.stringify(lock)}), 150)`,
    );
    const { code, log } = await run(
      [1, 2, 3].map((n) => ({ name: `check ${n}`, command: exclusive })),
      1,
    );
    expect({ code, log }).toEqual({ code: 0, log: expect.stringContaining('checks: 3 passed') });
  });

  it('runs `run` in place of `command` when given, and names `command` in the summary', async () => {
    const { code, log } = await run([{ name: 'script', command: 'npm run -s something', run: node('process.exit(4)') }]);
    expect(code).toBe(1);
    expect(log).toMatch(/✗ script \(npm run -s something\)/);
  });

  it("puts the project's node_modules/.bin first on the PATH, as npm does for a script", async () => {
    const { code } = await run([{ name: 'tsc', command: 'tsc --version', run: 'command -v tsc | grep -q "^$PWD/node_modules/.bin/tsc$"' }]);
    expect(code).toBe(0);
  });

  it('names a command that cannot run as a failure, not a crash', async () => {
    const { code, log } = await run([{ name: 'missing', command: 'definitely-not-a-command-xyz' }]);
    expect(code).toBe(1);
    expect(log).toMatch(/✗ missing .*\n {4}.*not found/);
  });
});

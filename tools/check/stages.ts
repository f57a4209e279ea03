// What `npm test` runs, by stage; each entry is also its own npm script. The static checks each hold
// one core; the unit tests and each suite run use jest workers. `npm test`, `npm run check` and
// `npm run test:suites` are these stages run by runStages.
import os from 'node:os';
import packageJson from '../../package.json';
import { parseFlags } from '../cli/args';
import { runMain } from '../cli/main';
import { runChecks, type Check } from './parallel';

/**
 * A check that is one of package.json's scripts. The summary names it as a user runs it again
 * (`npm run -s <script>`), but the script's own command line is run: npm starting for each check
 * cost 0.3 s of CPU apiece, eight times in `npm test` (measured with /usr/bin/time).
 */
export function npmScript(name: string, script: string, args = ''): Check {
  const line = (packageJson.scripts as Record<string, string | undefined>)[script];
  if (line === undefined) throw new Error(`package.json has no script "${script}" (tools/check/stages.ts)`);
  return { name, command: `npm run -s ${script}${args ? ` -- ${args}` : ''}`, run: `${line}${args ? ` ${args}` : ''}` };
}

export const STATIC_CHECKS: Check[] = [
  npmScript('type-check', 'typecheck'),
  npmScript('eslint', 'lint:eslint'),
  npmScript('prettier', 'lint:format'),
  npmScript('import cycles', 'lint:cycles'),
  npmScript('generated types', 'types:check'),
];

export const UNIT_TESTS: Check = npmScript('unit tests', 'test:unit');

/** Replay answers from the fixtures and live talks to its own embedded sandbox: they share nothing but the cores. */
export const SUITE_RUNS: Check[] = [npmScript('suites, live', 'test:live'), npmScript('suites, replay', 'test:replay', '--reports reports/replay')];

export interface Stage {
  checks: Check[];
  /** How many run at once. */
  concurrency: number;
  /** What the summary line counts ("checks and unit tests: 1 of 6 failed"). */
  noun?: string;
}

/** The unit tests beside the static checks, which take turns on the core the tests leave. */
export const UNIT_AND_STATIC: Stage = { checks: [UNIT_TESTS, ...STATIC_CHECKS], concurrency: os.availableParallelism(), noun: 'checks and unit tests' };
export const STATIC: Stage = { checks: STATIC_CHECKS, concurrency: os.availableParallelism() };
export const SUITES: Stage = { checks: SUITE_RUNS, concurrency: SUITE_RUNS.length, noun: 'suite runs' };

/** A script that runs `stages` in order, each printing a line per check; a failed stage stops the rest. */
export function runStages(command: string, usage: string, stages: readonly Stage[]): void {
  runMain(command, async (argv) => {
    const { values } = parseFlags(argv, { verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
    if (values.help) return (process.stdout.write(`Usage: ${usage}\n`), 0);
    const write = (text: string) => process.stdout.write(text);
    for (const { checks, concurrency, noun } of stages) {
      const code = await runChecks(checks, { cwd: process.cwd(), concurrency, noun, write });
      if (code !== 0) return code;
    }
    return 0;
  });
}

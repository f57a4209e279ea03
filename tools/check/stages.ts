// What `npm test` runs, by stage; each entry is also its own npm script. The static checks each hold
// one core; the unit tests and each suite run use jest workers. `npm test`, `npm run check` and
// `npm run test:suites` are these stages run by runStages.
import os from 'node:os';
import { parseFlags } from '../cli/args';
import { runMain } from '../cli/main';
import { runChecks, type Check } from './parallel';

export const STATIC_CHECKS: Check[] = [
  { name: 'type-check', command: 'npm run -s typecheck' },
  { name: 'eslint', command: 'npm run -s lint:eslint' },
  { name: 'prettier', command: 'npm run -s lint:format' },
  { name: 'import cycles', command: 'npm run -s lint:cycles' },
  { name: 'generated types', command: 'npm run -s types:check' },
];

export const UNIT_TESTS: Check = { name: 'unit tests', command: 'npm run -s test:unit' };

/** Replay answers from the fixtures and live talks to its own embedded sandbox: they share nothing but the cores. */
export const SUITE_RUNS: Check[] = [
  { name: 'suites, live', command: 'npm run -s test:live' },
  { name: 'suites, replay', command: 'npm run -s test:replay -- --reports reports/replay' },
];

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

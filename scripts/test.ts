// `npm test`: what a change must pass, in two stages (tools/check/stages.ts). First the unit tests
// beside the static checks, which take turns on the core the tests leave; then every suite live
// and in replay side by side. Each stage prints a line per step and the output of any that failed;
// a failed first stage stops the run.
import os from 'node:os';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { runChecks } from '../tools/check/parallel';
import { STATIC_CHECKS, SUITE_RUNS, UNIT_TESTS } from '../tools/check/stages';

runMain('test', async (argv) => {
  const { values } = parseFlags(argv, { verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write('Usage: npm test   (unit tests beside lint, type-check and stale types; then the suites live and in replay)\n');
    return 0;
  }
  const write = (text: string) => process.stdout.write(text);
  const cwd = process.cwd();
  const first = await runChecks([UNIT_TESTS, ...STATIC_CHECKS], { cwd, concurrency: os.availableParallelism(), noun: 'checks and unit tests', write });
  if (first !== 0) return first;
  return runChecks(SUITE_RUNS, { cwd, concurrency: SUITE_RUNS.length, noun: 'suite runs', write });
});

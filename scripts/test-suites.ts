// `npm run test:suites`: every suite in replay and live, side by side (tools/check/parallel.ts).
// Replay answers from the fixtures and live talks to its own embedded sandbox, so they share
// nothing but the cores; replay writes its reports to reports/replay/, live to reports/. One
// after the other they left a core idle through live's deliberate waits (Retry-After, latency).
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { runChecks } from '../tools/check/parallel';
import { SUITE_RUNS } from '../tools/check/stages';

runMain('test:suites', async (argv) => {
  const { values } = parseFlags(argv, { verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write('Usage: npm run test:suites   (npm run test:live and npm run test:replay side by side)\n');
    return 0;
  }
  return runChecks(SUITE_RUNS, { cwd: process.cwd(), concurrency: SUITE_RUNS.length, noun: 'suite runs', write: (text) => process.stdout.write(text) });
});

// `npm run rehearse [-- --nights N] [-- --no-bad-night] [-- --kill-at 10,20,30] [-- --short]`: the
// nightly against a sandbox started apart, configured as a real account (tools/rehearse). Prints
// each night's figures; exits 0 only when every night was green and nothing was left behind.
import path from 'node:path';
import { UserError } from '../harness/user-error';
import { integerFlag, parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { rehearsalPassed, rehearse } from '../tools/rehearse';

const USAGE = `usage: npm run rehearse -- [--nights N] [--no-bad-night] [--kill-at s,s,…] [--short] [--dir <dir>]
  --nights N        quiet nights in a row (default 3)
  --no-bad-night    skip the night with the bad-night fault profile
  --kill-at s,s,…   kill -9 a live run this many seconds after its start, once per value (default 3,6,9);
                    then once per kind of create while the sandbox holds its answer
  --short           one quiet night, one timed kill and the mid-create kills, no bad night (a quick check)
  --dir <dir>       where logs and reports go (default reports/rehearsal)`;

runMain('rehearse', async (argv) => {
  const { values } = parseFlags(argv, {
    nights: { type: 'string' },
    'no-bad-night': { type: 'boolean' },
    'kill-at': { type: 'string' },
    short: { type: 'boolean' },
    dir: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    verbose: { type: 'boolean' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const nights = values.short ? 1 : (integerFlag('--nights', values.nights, 1) ?? 3);
  const killAt = (values['kill-at'] ?? (values.short ? '6' : '3,6,9')).split(',').filter(Boolean).map(Number);
  if (killAt.some((s) => !Number.isFinite(s) || s <= 0))
    throw new UserError(`Option --kill-at takes seconds > 0, comma-separated; not ${JSON.stringify(values['kill-at'])}.`);
  const dir = path.resolve(values.dir ?? path.join('reports', 'rehearsal'));

  const started = Date.now();
  const figures = await rehearse({ nights, badNight: !values.short && !values['no-bad-night'], killAt, dir }, (line) => process.stdout.write(`${line}\n`));
  const passed = rehearsalPassed(figures);
  process.stdout.write(
    `rehearsal ${passed ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s; logs and reports in ${path.relative(process.cwd(), dir)}\n`,
  );
  return passed ? 0 : 1;
});

// `npm run check`: the static checks of `npm test`, side by side (tools/check/parallel.ts). Each is
// also its own npm script (lint, typecheck, types:check). Caches live in node_modules/.cache, so a
// second run checks only what changed; a fresh clone has none and checks everything.
import os from 'node:os';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { runChecks } from '../tools/check/parallel';
import { STATIC_CHECKS } from '../tools/check/stages';

runMain('check', async (argv) => {
  const { values } = parseFlags(argv, { verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    process.stdout.write(`Usage: npm run check   (runs side by side: ${STATIC_CHECKS.map((check) => check.name).join(', ')})\n`);
    return 0;
  }
  return runChecks(STATIC_CHECKS, { cwd: process.cwd(), concurrency: os.availableParallelism(), write: (text) => process.stdout.write(text) });
});

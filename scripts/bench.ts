// `npm run bench [-- --json] [-- --collection <api>] [-- --newman | --only-newman]`: see
// tools/bench/bench.ts; with --newman also Newman and the harness on the same requests of the
// exported collections (tools/bench/newman.ts).
import { discoverCollections } from '../harness/collections';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { formatBench, runBench } from '../tools/bench/bench';
import { benchNewmanVsHarness, formatNewmanVsHarness } from '../tools/bench/newman';
import { checkCollections } from '../tools/run/preflight';

const USAGE = `Usage: npm run bench -- [options]
  -c, --collection <api>  only this collection (repeatable; default: all)
      --newman            also Newman and the harness on the same requests of the exported collections
      --only-newman       that comparison alone, without the replay and live runs of the suites
      --json              print the result as JSON (CI)
  -h, --help              this text`;

runMain('bench', async (argv) => {
  const { values } = parseFlags(argv, {
    json: { type: 'boolean' },
    collection: { type: 'string', short: 'c', multiple: true },
    newman: { type: 'boolean' },
    'only-newman': { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const collections = values.collection ?? [];
  checkCollections(process.cwd(), collections);
  const onlyNewman = values['only-newman'] ?? false;
  const suites = onlyNewman ? undefined : await runBench(collections);
  const newman = values.newman || onlyNewman ? await benchNewmanVsHarness(discoverCollections(undefined, collections)) : undefined;
  const text = [suites && formatBench(suites), newman && formatNewmanVsHarness(newman)].filter(Boolean).join('\n\n');
  process.stdout.write(values.json ? `${JSON.stringify({ ...suites, ...(newman ? { newman } : {}) })}\n` : `\n${text}\n`);
  const suitesPassed = !suites || (suites.replay.success && suites.live.success && suites.oneRequest?.success !== false);
  // No ratio means the comparison did not compare like with like: a failure, not a number to quote.
  return suitesPassed && (!newman || newman.perRequestRatio !== null) ? 0 : 1;
});

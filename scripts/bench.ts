// `npm run bench [-- --json] [-- --collection <api>] [-- --newman]`: see tools/bench/bench.ts; with
// --newman also Newman on the exported Authentication collection against the harness's own live
// run of it (tools/bench/newman.ts).
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { formatBench, runBench } from '../tools/bench/bench';
import { benchNewmanVsHarness, formatNewmanVsHarness } from '../tools/bench/newman';
import { checkCollections } from '../tools/run/preflight';

const USAGE = `Usage: npm run bench -- [options]
  -c, --collection <api>  only this collection (repeatable; default: all)
      --newman            also time Newman on the exported Authentication collection
      --json              print the result as JSON (CI)
  -h, --help              this text`;

runMain('bench', async (argv) => {
  const { values } = parseFlags(argv, {
    json: { type: 'boolean' },
    collection: { type: 'string', short: 'c', multiple: true },
    newman: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  checkCollections(process.cwd(), values.collection ?? []);
  const result = await runBench(values.collection ?? []);
  const newman = values.newman ? await benchNewmanVsHarness() : undefined;
  const text = `\n${formatBench(result)}\n${newman ? `\n${formatNewmanVsHarness(newman)}\n` : ''}`;
  process.stdout.write(values.json ? `${JSON.stringify({ ...result, ...(newman ? { newman } : {}) })}\n` : text);
  return result.replay.success && result.live.success ? 0 : 1;
});

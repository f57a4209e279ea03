// `npm run bench [-- --json] [-- --collection <api>]`: see harness/bench.ts.
import { parseArgs } from 'node:util';
import { formatBench, runBench } from '../harness/bench';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, collection: { type: 'string', multiple: true } },
});

runBench(values.collection ?? []).then(
  (result) => {
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `\n${formatBench(result)}\n`);
    process.exit(result.replay.success && result.live.success ? 0 : 1);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

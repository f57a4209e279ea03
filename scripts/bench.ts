// `npm run bench [-- --json] [-- --collection <api>] [-- --newman]`: see tools/bench/bench.ts; with
// --newman also Newman on the exported Authentication collection against the harness's own live
// run of it (tools/bench/newman.ts).
import { parseArgs } from 'node:util';
import { formatBench, runBench } from '../tools/bench/bench';
import { benchNewmanVsHarness, formatNewmanVsHarness } from '../tools/bench/newman';

const { values } = parseArgs({
  options: { json: { type: 'boolean', default: false }, collection: { type: 'string', multiple: true }, newman: { type: 'boolean', default: false } },
});

async function main() {
  const result = await runBench(values.collection ?? []);
  const newman = values.newman ? await benchNewmanVsHarness() : undefined;
  return { ...result, ...(newman ? { newman } : {}) };
}

main().then(
  (result) => {
    const text = `\n${formatBench(result)}\n${result.newman ? `\n${formatNewmanVsHarness(result.newman)}\n` : ''}`;
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : text);
    process.exit(result.replay.success && result.live.success ? 0 : 1);
  },
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

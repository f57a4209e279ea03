// `npm run load`: see tools/load/load.ts for the options.
import { runLoad } from '../tools/load/load';

runLoad(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);

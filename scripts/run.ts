// `npm start` and `npm run record`: see tools/run/run.ts for the options.
import { parseRunArgs, RunTimeoutError, runSuites, USAGE, UsageError } from '../tools/run/run';

async function main(): Promise<number> {
  let options;
  try {
    options = parseRunArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  return (await runSuites(options)).success ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // A usage error or a run past its limit is the user's news, not a harness bug: no stack.
    const plain = error instanceof UsageError || error instanceof RunTimeoutError;
    process.stderr.write(`${plain ? '' : 'cloudlink: '}${plain ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
    process.exit(1);
  },
);

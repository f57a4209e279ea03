// `npm start` and `npm run record`: see tools/run/options.ts for the options, tools/run/command.ts
// for what they do. Exit 0 passed, 1 a test or the API failed, 2 a mistake in the input.
import { runMain } from '../tools/cli/main';
import { runCommand } from '../tools/run/command';
import { parseRunArgs, USAGE } from '../tools/run/options';
import { RunTimeoutError } from '../tools/run/run';

runMain('cloudlink', async (argv) => {
  const options = parseRunArgs(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    return await runCommand(options);
  } catch (error) {
    // A run past its limit is the night's news, not a harness bug: its message, no stack.
    if (error instanceof RunTimeoutError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
});

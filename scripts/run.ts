// `npm start` and `npm run record`: see tools/run/options.ts for the options, tools/run/command.ts
// for what they do. Exit 0 passed, 1 a test or the API failed, 2 a mistake in the input.
import { warmUpAllure } from '../harness/report/render';
import { runMain } from '../tools/cli/main';
import { parseRunArgs, USAGE } from '../tools/run/options';

runMain('cloudlink', async (argv) => {
  const options = parseRunArgs(argv);
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  // Allure loads in a process of its own from here on, beside jest's own loading and the tests
  // (harness/report/render.ts): for a short run that was most of the wait for the HTML report.
  if (options.html) warmUpAllure();
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded only now, after Allure starts: they bring jest */
  const { runCommand } = require('../tools/run/command') as typeof import('../tools/run/command');
  const { RunTimeoutError } = require('../tools/run/run') as typeof import('../tools/run/run');
  /* eslint-enable @typescript-eslint/no-require-imports */
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

// The entry every script runs through: `runMain('drift', async (argv) => code)`. A user's mistake
// (UserError) is one message and exit 2, with the stack only under --verbose; anything else is a
// failure of the harness or of the API, printed with its stack, exit 1.
import { isUserError } from '../../harness/user-error';

export type Main = (argv: string[]) => Promise<number> | number;

/** Exit code for a user's mistake; API and harness failures are 1. */
export const USAGE_EXIT = 2;

export function runMain(command: string, main: Main, argv: string[] = process.argv.slice(2)): void {
  void settle(command, main, argv).then((code) => process.exit(code));
}

/** What runMain does, without exiting: the code to exit with, after printing any error. */
export async function settle(command: string, main: Main, argv: string[], stderr: NodeJS.WritableStream = process.stderr): Promise<number> {
  try {
    return await main(argv);
  } catch (error) {
    const verbose = argv.includes('--verbose');
    if (isUserError(error)) {
      stderr.write(`${command}: ${(error as Error).message}\n${verbose ? `${stackOnly(error as Error)}\n` : ''}`);
      return USAGE_EXIT;
    }
    stderr.write(`${command}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

function stackOnly(error: Error): string {
  return (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

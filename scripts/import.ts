// `npm run import -- <collection.json> [--environment <environment.json>] [--name <folder>] [--force] [--fill-from-sandbox]`:
// see tools/postman/import. Prints what was written, the secrets to put in .env, the named
// parameters to supply and every script line that was not translated.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../harness/user-error';
import { importPostman } from '../tools/postman/import';
import { readSandboxSeed } from '../tools/postman/import/sandbox-values';
import { formatImportReport } from '../tools/postman/report';

const USAGE = `Usage: npm run import -- <collection.json> [options]
  <collection.json>              a Postman collection export, format v2.0 or v2.1
  -e, --environment <file>       the Postman environment export that goes with it
  -n, --name <folder>            the folder under suites/ and schemas/ (default: the collection's name)
      --force                    overwrite files an earlier import wrote (never hand-written ones)
      --fill-from-sandbox        fill ids and inputs from the embedded sandbox's seed, so the suite
                                 runs against the sandbox as written (environment target=sandbox)
      --root <dir>               write under <dir> instead of this repository (environments/, suites/, schemas/)
  -h, --help                     this text`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      environment: { type: 'string', short: 'e' },
      name: { type: 'string', short: 'n' },
      force: { type: 'boolean', default: false },
      'fill-from-sandbox': { type: 'boolean', default: false },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Expected one collection file, got ${positionals.length}.\n\n${USAGE}\n`);
    return 2;
  }
  const result = importPostman({
    collectionFile: path.resolve(positionals[0] as string),
    environmentFile: values.environment === undefined ? undefined : path.resolve(values.environment),
    rootDir: path.resolve(values.root ?? path.join(__dirname, '..')),
    name: values.name,
    force: values.force,
    sandboxSeed: values['fill-from-sandbox'] ? await readSandboxSeed() : undefined,
  });
  process.stdout.write(formatImportReport(result));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    // Bad input is the user's to fix: one message, no stack, exit 2; anything else is ours (exit 1).
    const mine = error instanceof UserError || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    process.stderr.write(`import: ${mine ? error.message : (error.stack ?? error.message)}\n`);
    process.exitCode = mine ? 2 : 1;
  },
);

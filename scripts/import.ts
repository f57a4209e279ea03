// `npm run import -- <collection.json> [--environment <environment.json>] [--name <folder>] [--force]`:
// see tools/postman/import. Prints what was written, the secrets to put in .env, the named
// parameters to supply and every script line that was not translated.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importPostman } from '../tools/postman/import';
import { formatImportReport } from '../tools/postman/report';

const USAGE = `Usage: npm run import -- <collection.json> [options]
  <collection.json>              a Postman collection export, format v2.0 or v2.1
  -e, --environment <file>       the Postman environment export that goes with it
  -n, --name <folder>            the folder under suites/ and schemas/ (default: the collection's name)
      --force                    overwrite files an earlier import wrote
      --root <dir>               write under <dir> instead of this repository (environments/, suites/, schemas/)
  -h, --help                     this text`;

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      environment: { type: 'string', short: 'e' },
      name: { type: 'string', short: 'n' },
      force: { type: 'boolean', default: false },
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
  });
  process.stdout.write(formatImportReport(result));
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // Bad input is the user's to fix: one message, no stack.
  process.stderr.write(`import: ${(error as Error).message}\n`);
  process.exitCode = 1;
}

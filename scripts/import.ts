// `npm run import -- <collection.json> [--environment <environment.json>] [--name <folder>] [--force] [--fill-from-sandbox]`:
// see tools/postman/import. Prints what was written, the secrets to put in .env, the named
// parameters to supply and every script line that was not translated.
import path from 'node:path';
import { UserError } from '../harness/user-error';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { importPostman } from '../tools/postman/import';
import { formatWritten } from '../tools/postman/import/house-style';
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
  const { values, positionals } = parseFlags(
    argv,
    {
      environment: { type: 'string', short: 'e' },
      name: { type: 'string', short: 'n' },
      force: { type: 'boolean' },
      'fill-from-sandbox': { type: 'boolean' },
      root: { type: 'string' },
      verbose: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    { allowPositionals: true },
  );
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1)
    throw new UserError(
      `Expected one collection file, got ${positionals.length}${positionals.length ? `: ${positionals.join(', ')}` : ''}. Usage: npm run import -- <collection.json> [options]`,
    );
  const rootDir = path.resolve(values.root ?? path.join(__dirname, '..'));
  const result = importPostman({
    collectionFile: path.resolve(positionals[0] as string),
    environmentFile: values.environment === undefined ? undefined : path.resolve(values.environment),
    rootDir,
    name: values.name,
    force: values.force ?? false,
    sandboxSeed: values['fill-from-sandbox'] ? await readSandboxSeed() : undefined,
  });
  await formatWritten(rootDir, result.files);
  process.stdout.write(formatImportReport(result));
  return 0;
}

runMain('import', main);

// `npm run export [-- --out <dir>] [-- --environment <name|file>] [-- --collection <api>]…`: see
// tools/postman/export. Writes every collection as Postman v2.1 plus the matching environment
// (secrets blank) to reports/postman/, and says which variables a Postman user must fill in.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { discoverCollections } from '../harness/collections';
import { UserError } from '../harness/user-error';
import { exportAll } from '../tools/postman/export';
import { formatExportReport } from '../tools/postman/report';

const USAGE = `Usage: npm run export -- [options]
  -o, --out <dir>                where the files go (default: reports/postman)
  -e, --environment <name|file>  the environment to export with them (default: sandbox)
  -c, --collection <api>         only this collection, e.g. authentication (repeatable; default: all)
      --force                    write over files in --out that an export did not make
  -h, --help                     this text`;

const root = path.resolve(__dirname, '..');
try {
  const { values } = parseArgs({
    options: {
      out: { type: 'string', short: 'o' },
      environment: { type: 'string', short: 'e' },
      collection: { type: 'string', short: 'c', multiple: true },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
  } else {
    const outDir = path.resolve(values.out ?? path.join(root, 'reports', 'postman'));
    const result = exportAll({ entries: discoverCollections(root, values.collection), outDir, environment: values.environment, rootDir: root, force: values.force });
    process.stdout.write(formatExportReport(result, process.cwd()));
  }
} catch (error) {
  // A user's mistake (a bad flag, a file in the way) is one line and exit 2; anything else is ours.
  const mine = error instanceof UserError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS') === true;
  process.stderr.write(`export: ${mine ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`);
  process.exitCode = mine ? 2 : 1;
}

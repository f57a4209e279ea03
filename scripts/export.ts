// `npm run export [-- --out <dir>] [-- --environment <name|file>] [-- --collection <api>]…`: see
// tools/postman/export. Writes every collection as Postman v2.1 plus the matching environment
// (secrets blank) to reports/postman/, and says which variables a Postman user must fill in.
import path from 'node:path';
import { discoverCollections } from '../harness/collections';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';
import { checkCollections } from '../tools/run/preflight';
import { exportAll } from '../tools/postman/export';
import { formatExportReport } from '../tools/postman/report';

const USAGE = `Usage: npm run export -- [options]
  -o, --out <dir>                where the files go (default: reports/postman)
  -e, --environment <name|file>  the environment to export with them (default: sandbox)
  -c, --collection <api>         only this collection, e.g. authentication (repeatable; default: all)
      --force                    write over files in --out that an export did not make
  -h, --help                     this text`;

const root = path.resolve(__dirname, '..');
runMain('export', (argv) => {
  const { values } = parseFlags(argv, {
    out: { type: 'string', short: 'o' },
    environment: { type: 'string', short: 'e' },
    collection: { type: 'string', short: 'c', multiple: true },
    force: { type: 'boolean' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  checkCollections(root, values.collection ?? []);
  const outDir = path.resolve(values.out ?? path.join(root, 'reports', 'postman'));
  const result = exportAll({
    entries: discoverCollections(root, values.collection),
    outDir,
    environment: values.environment,
    rootDir: root,
    force: values.force ?? false,
  });
  process.stdout.write(formatExportReport(result, process.cwd()));
  return 0;
});

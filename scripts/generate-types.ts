// `npm run generate` writes types/ from schemas/; `npm run types:check` (--check) writes nothing and
// exits 1 when types/ is stale. The logic lives in harness/schema/generate-types.ts.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkTypes, describeReport, isClean, writeTypes } from '../harness/schema/generate-types';
import { UserError } from '../harness/user-error';
import { parseFlags } from '../tools/cli/args';
import { runMain } from '../tools/cli/main';

const USAGE = `Usage: generate-types [--check] [--root <dir>]
  --check       write nothing; exit 1 listing stale, missing and orphaned files in types/
  --root <dir>  the repository root holding schemas/ and types/ (default: this repository)`;

runMain('generate-types', async (argv) => {
  const { values } = parseFlags(argv, {
    check: { type: 'boolean' },
    root: { type: 'string' },
    verbose: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const root = values.root === undefined ? undefined : path.resolve(values.root);
  if (root !== undefined && !(existsSync(path.join(root, 'schemas')) && statSync(path.join(root, 'schemas')).isDirectory())) {
    throw new UserError(`--root ${root} holds no schemas/ directory.`);
  }
  const check = values.check ?? false;
  const report = check ? await checkTypes(root) : await writeTypes(root);
  const text = `${describeReport(report, check ? 'check' : 'write').join('\n')}\n`;
  // A failed check goes to stderr; a write reports what it did on stdout, even when a hand-written
  // orphan it may not delete makes it exit 1.
  (isClean(report) || !check ? process.stdout : process.stderr).write(text);
  return isClean(report) ? 0 : 1;
});

// `npm run generate` writes types/ from schemas/; `npm run types:check` (--check) writes nothing and
// exits 1 when types/ is stale. The logic lives in harness/schema/generate-types.ts.
import path from 'node:path';
import { checkTypes, describeReport, isClean, writeTypes } from '../harness/schema/generate-types';

const USAGE = `Usage: generate-types [--check] [--root <dir>]
  --check       write nothing; exit 1 listing stale, missing and orphaned files in types/
  --root <dir>  the repository root holding schemas/ and types/ (default: this repository)`;

async function main(argv: string[]): Promise<number> {
  let check = false;
  let root: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--check') check = true;
    else if (arg === '--root' && argv[i + 1] !== undefined) root = path.resolve(argv[(i += 1)] as string);
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    } else {
      process.stderr.write(`Unknown argument: ${arg}\n${USAGE}\n`);
      return 2;
    }
  }
  const report = check ? await checkTypes(root) : await writeTypes(root);
  const text = `${describeReport(report, check ? 'check' : 'write').join('\n')}\n`;
  // A failed check goes to stderr; a write reports what it did on stdout, even when a hand-written
  // orphan it may not delete makes it exit 1.
  (isClean(report) || !check ? process.stdout : process.stderr).write(text);
  return isClean(report) ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

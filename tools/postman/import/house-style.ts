// The TypeScript an import writes, put in the project's house style (prettier, with the
// repository's own configuration), so `npm test`'s format check passes on a fresh import as it
// does on hand-written code. The generators keep their output plain; prettier owns line breaks.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

/** Formats the `.ts` files among `files` (paths relative to `root`) in place. */
export async function formatWritten(root: string, files: readonly string[]): Promise<void> {
  for (const file of files.filter((name) => name.endsWith('.ts'))) {
    const full = path.join(root, file);
    const options = await resolveConfig(full);
    writeFileSync(full, await format(readFileSync(full, 'utf8'), { ...options, filepath: full }));
  }
}

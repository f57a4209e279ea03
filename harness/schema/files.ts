// Where the schemas live and how a schema id maps to its file. The registry, the type generator and
// the schema lint all list schemas through here, so "which schemas exist" has one answer.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The repository root: this file sits at harness/schema/. */
export const REPO_ROOT = join(__dirname, '..', '..');

/** The suffix that marks a file under schemas/ as a schema. */
export const SCHEMA_SUFFIX = '.schema.json';

/** A JSON Schema document as parsed from disk. */
export type JsonSchema = { [keyword: string]: unknown };

export interface SchemaFile {
  /** The schema id, also its `$id`: the path under schemas/ without the suffix, e.g. "authentication/token". */
  id: string;
  /** The path relative to the root, with forward slashes, e.g. "schemas/authentication/token.schema.json". */
  relativePath: string;
  /** The absolute path. */
  path: string;
}

export function schemasDir(root: string = REPO_ROOT): string {
  return join(root, 'schemas');
}

/** Every schema file under `<root>/schemas`, sorted by id so every listing is deterministic. */
export function listSchemaFiles(root: string = REPO_ROOT): SchemaFile[] {
  const base = schemasDir(root);
  return walk(base)
    .filter((path) => path.endsWith(SCHEMA_SUFFIX))
    .map((path) => {
      const fromBase = toPosix(relative(base, path));
      return {
        id: fromBase.slice(0, -SCHEMA_SUFFIX.length),
        relativePath: toPosix(relative(root, path)),
        path,
      };
    })
    .sort((a, b) => compareIds(a.id, b.id));
}

export function readSchema(file: SchemaFile): JsonSchema {
  const text = readFileSync(file.path, 'utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new Error('the document is not a JSON object');
    }
    return parsed as JsonSchema;
  } catch (error) {
    throw new Error(`${file.relativePath} is not a valid schema document: ${(error as Error).message}`, { cause: error });
  }
}

/** Code-point order, never locale order: the same listing on every machine. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.isFile() ? [path] : [];
  });
}

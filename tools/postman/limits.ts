// Bounds on what import and export will take on, so hostile or broken input ends in one clear
// message instead of minutes of work, gigabytes of memory or a stack overflow: a file's size and
// kind (a FIFO or a device would block a read forever), a collection's item count and folder depth,
// and the places export and import may write to. Mitel's own collections are far inside every cap
// (tens of requests, two folder levels, under a megabyte).
import { accessSync, constants, existsSync, lstatSync, statSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../../harness/user-error';
import { PostmanInputError } from './format';

export const LIMITS = {
  /** Bytes of one collection or environment file. */
  fileBytes: 20 * 1024 * 1024,
  /** Requests and folders of one collection, together. */
  items: 5_000,
  /** Folders inside folders. */
  depth: 32,
} as const;

/** Refuses a file that is missing, not a regular file (a FIFO, a device, a directory) or too big, before reading it. */
export function checkReadableFile(file: string): void {
  let stats;
  try {
    stats = statSync(file);
  } catch (error) {
    throw new PostmanInputError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!stats.isFile()) throw new PostmanInputError(file, `is not a regular file (${kindOf(stats)}); pass a Postman export saved as a .json file`);
  if (stats.size > LIMITS.fileBytes) {
    throw new PostmanInputError(
      file,
      `is ${megabytes(stats.size)}, more than the ${megabytes(LIMITS.fileBytes)} a Postman export of an API collection can need`,
    );
  }
}

/**
 * Counts items and folder depth without recursion, so 5,000 nested folders give this message rather
 * than "Maximum call stack size exceeded" from the reader that walks them.
 */
export function checkCollectionShape(items: unknown, file: string): void {
  const stack: Array<{ list: unknown[]; depth: number }> = Array.isArray(items) ? [{ list: items, depth: 0 }] : [];
  let count = 0;
  while (stack.length > 0) {
    const { list, depth } = stack.pop() as { list: unknown[]; depth: number };
    count += list.length;
    if (count > LIMITS.items) {
      throw new PostmanInputError(file, `has more than ${LIMITS.items.toLocaleString('en')} requests and folders; split it into several collections`);
    }
    for (const entry of list) {
      const children = entry !== null && typeof entry === 'object' ? (entry as { item?: unknown }).item : undefined;
      if (!Array.isArray(children)) continue;
      if (depth + 1 > LIMITS.depth) {
        throw new PostmanInputError(file, `nests folders more than ${LIMITS.depth} deep; no API collection needs that many levels`);
      }
      stack.push({ list: children, depth: depth + 1 });
    }
  }
}

/** A place to write under is not a special file system, not a file, and can be written. */
export function checkWritableDir(dir: string, flag: string): void {
  const resolved = path.resolve(dir);
  if (/^\/(proc|sys|dev)(\/|$)/.test(resolved)) {
    throw new UserError(`${flag} ${resolved}: that is a special file system (/proc, /sys or /dev), not a place for files.`);
  }
  // The nearest folder that exists decides: a file in the way, or a folder we may not write to.
  let existing = resolved;
  while (!existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  const stats = statSync(existing);
  if (!stats.isDirectory()) throw new UserError(`${flag} ${resolved}: ${existing} is ${kindOf(stats)}, not a folder.`);
  try {
    accessSync(existing, constants.W_OK);
  } catch {
    throw new UserError(`${flag} ${resolved}: ${existing} cannot be written to (no write permission).`);
  }
}

/** A file about to be written over must be a plain file: writing to a FIFO blocks, and a symlink writes elsewhere. */
export function checkTarget(file: string): void {
  if (!existsSync(file)) return;
  const stats = lstatSync(file);
  if (!stats.isFile()) throw new UserError(`Refusing to write ${file}: it is ${kindOf(stats)}, not a regular file.`);
}

function kindOf(stats: import('node:fs').Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'a device';
  if (stats.isSocket()) return 'a socket';
  if (stats.isSymbolicLink()) return 'a symbolic link';
  return stats.isFile() ? 'a file' : 'not a regular file';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

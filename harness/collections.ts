// The collection registry: finds the collections the way the runner finds suites, by looking in
// suites/, not by importing them, so harness/ keeps no dependency on any suite and a collection
// added by `npm run import` is found (by setup's sweep, export, drift) with no registration step. Each suites/<api>/collection.ts module
// is loaded and every exported Collection in it taken, with the module's `folders` if it has them.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Collection } from './client/named-request';

/** A Postman folder of an imported collection: its path and the requests in it. */
export interface CollectionFolder {
  path: string[];
  requests: string[];
}

export interface CollectionEntry {
  collection: Collection;
  /** Postman folders, from an imported collection module's `folders`. */
  folders?: CollectionFolder[];
  /** suites/<api>/__fixtures__, for sample values. */
  fixturesDir?: string;
  /** Written by `npm run import` (its module keeps `postmanScripts`): the user's, with no examples of the sandbox's. */
  imported?: boolean;
}

const REPO_ROOT = path.resolve(__dirname, '..');

/** Every collection under `<rootDir>/suites`, by folder name; `only` keeps the named apis (folder names). */
export function discoverCollections(rootDir: string = REPO_ROOT, only: readonly string[] = []): CollectionEntry[] {
  const suites = path.join(rootDir, 'suites');
  const folders = existsSync(suites)
    ? readdirSync(suites, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  const unknown = only.filter((api) => !folders.includes(api));
  if (unknown.length > 0)
    throw new Error(`No collection ${unknown.map((a) => `"${a}"`).join(', ')} under ${suites}; there are: ${folders.join(', ') || 'none'}.`);
  const entries: CollectionEntry[] = [];
  for (const api of folders) {
    if (only.length > 0 && !only.includes(api)) continue;
    const file = path.join(suites, api, 'collection.ts');
    if (!existsSync(file)) continue;
    // A runtime load, as jest loads test files: the module is the collection's own source of truth.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the path is known only at run time
    const loaded = require(file) as Record<string, unknown>;
    const folderList = Array.isArray(loaded.folders) ? (loaded.folders as CollectionFolder[]) : undefined;
    const imported = 'postmanScripts' in loaded;
    for (const value of Object.values(loaded)) {
      if (isCollection(value)) entries.push({ collection: value, folders: folderList, fixturesDir: path.join(suites, api, '__fixtures__'), imported });
    }
  }
  return entries;
}

/**
 * The harness's own collections, the ones its sandbox serves: those under `<rootDir>/suites` that
 * `npm run import` did not write (an imported one is the user's, with no sandbox examples).
 */
export function ownCollections(rootDir: string = REPO_ROOT): Collection[] {
  return discoverCollections(rootDir)
    .filter((entry) => !entry.imported)
    .map((entry) => entry.collection);
}

function isCollection(value: unknown): value is Collection {
  const candidate = value as Partial<Collection> | null;
  return (
    candidate !== null &&
    typeof candidate === 'object' &&
    typeof candidate.name === 'string' &&
    typeof candidate.api === 'string' &&
    candidate.requests !== null &&
    typeof candidate.requests === 'object'
  );
}

// What a run checks before jest starts, so a mistake is one message and exit 2 with nothing run and
// nothing overwritten: the collection and request names, the reports directory, the fixtures a
// recording would merge into or a replay would read.
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readFixture } from '../../harness/fixtures/fixture-file';
import { describeSelects } from '../../harness/jest/request-filter';
import { didYouMean } from '../../harness/user-error';
import { UsageError, type Mode } from './options';
import { partsOf, suiteFolders, testFilesOf } from './suite-parts';

/** The collection folders under suites/ that hold tests. */
export function collectionFolders(root: string): string[] {
  return suiteFolders(root).filter((api) => testFilesOf(root, api).length > 0);
}

export function checkCollections(root: string, collections: readonly string[]): void {
  const known = collectionFolders(root);
  for (const api of collections) {
    if (!known.includes(api))
      throw new UsageError(
        `Unknown collection "${api}" (--collection): there is no suites/${api}/ with tests.${didYouMean(api, known)} Collections: ${known.join(', ')}.`,
      );
  }
}

/**
 * `-r` becomes jest's testNamePattern `^<name>( |$)`: it selects the tests whose full name starts with
 * it, so what works is a top-level describe name of a test file ("POST Token", "Scenario: admin"),
 * one of its full test names, or the first words of either. `requestNames` (the collections' named
 * requests) only make the message better: a request with no test of its own selects nothing.
 */
/**
 * Refuses a --request no test answers to, and returns the test files (relative to root) whose
 * top-level describes, or those of the parts they import, select it: jest then loads only those.
 * With `partsAsTestFiles` (tools/run/suite-parts.ts), a part whose describes select it is returned
 * instead of its collection's file.
 */
export function checkRequest(
  root: string,
  request: string,
  collections: readonly string[],
  requestNamesOf: () => readonly string[] = () => [],
  { partsAsTestFiles = false } = {},
): string[] {
  const selected = collections.length ? collections : collectionFolders(root);
  // Every (collection, top-level describe, file): one title may head describes in several files.
  const describes: { api: string; name: string; file: string }[] = [];
  for (const api of collectionFolders(root)) {
    for (const file of testFilesOf(root, api)) {
      const source = readFileSync(file, 'utf8');
      // Where jest finds a part's describes: in the collection's file, or in the part itself when parts run alone.
      const sources = [
        { file, source },
        ...partsOf(file, source).map((part) => ({ file: partsAsTestFiles ? part : file, source: readFileSync(part, 'utf8') })),
      ];
      for (const each of sources) {
        for (const name of topLevelDescribes(each.source)) describes.push({ api, name, file: path.relative(root, each.file) });
      }
    }
  }
  const matching = describes.filter((each) => describeSelects(each.name, request));
  const inSelected = matching.filter((each) => selected.includes(each.api));
  if (inSelected.length) return [...new Set(inSelected.map((each) => each.file))];

  if (matching.length) {
    const where = [...new Set(matching.map((each) => each.file))].join(', ');
    throw new UsageError(`No test named "${request}" in --collection ${collections.join(', ')}: its tests are in ${where}.`);
  }
  const names = [...new Set(describes.map((each) => each.name))];
  const requestNames = requestNamesOf();
  if (requestNames.includes(request)) {
    throw new UsageError(
      `Request "${request}" (--request) has no test of its own to run; it is sent by other tests. Name a test instead.${didYouMean(request, names)}`,
    );
  }
  const hint =
    didYouMean(request, [...new Set([...names, ...requestNames])]) || ' Test names are the top-level describe() titles in suites/<api>/, e.g. "POST Token".';
  throw new UsageError(`Unknown request "${request}" (--request): no test is named after it.${hint}`);
}

/** Top-level `describe('…'` titles of a test file or part (the ones a `^name ` pattern can start with). */
export function topLevelDescribes(source: string): string[] {
  const out: string[] = [];
  for (const match of source.matchAll(/^describe(?:\.\w+)?\(\s*(['"`])((?:\\.|(?!\1).)*)\1/gm)) out.push((match[2] ?? '').replace(/\\(.)/g, '$1'));
  return out;
}

/** How many test files a run of these collections (every one when none is named) loads. */
export function suiteFileCount(root: string, collections: readonly string[]): number {
  return (collections.length ? collections : collectionFolders(root)).reduce((count, api) => count + testFilesOf(root, api).length, 0);
}

// Kernel file systems: writing reports there is never meant, and Node's recursive mkdir loops
// forever on /proc (the "--reports /proc/x hangs" report).
const SPECIAL_ROOTS = ['/proc', '/sys', '/dev'];

/** Makes sure reports can be written under `dir`, creating it; a UserError names the path otherwise. */
export function checkReportsDir(dir: string, flag = '--reports'): void {
  const absolute = path.resolve(dir);
  const special = SPECIAL_ROOTS.find((root) => absolute === root || absolute.startsWith(`${root}/`));
  if (special) throw new UsageError(`Reports directory ${absolute} (${flag}) is under ${special}, a special file system: choose an ordinary directory.`);
  // One level at a time, so a path that cannot be made fails with its reason instead of looping.
  const missing: string[] = [];
  let existing = absolute;
  while (!existsSync(existing)) {
    missing.unshift(existing);
    existing = path.dirname(existing);
  }
  if (!statSync(existing).isDirectory()) {
    throw new UsageError(`Reports directory ${absolute} (${flag}): ${existing} is a file, not a directory.`);
  }
  try {
    for (const level of missing) mkdirSync(level);
    accessSync(absolute, constants.W_OK);
    const probe = path.join(absolute, `.write-check-${process.pid}`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw new UsageError(`Reports directory ${absolute} (${flag}) cannot be written: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
}

/**
 * Record merges into each fixture file and replay reads them: either would stop halfway on a
 * corrupt one, record after changing the account. Checked for the selected collections up front.
 */
export function checkFixtures(root: string, mode: Mode, collections: readonly string[]): void {
  if (mode === 'live') return;
  for (const api of collections.length ? collections : collectionFolders(root)) {
    const dir = path.join(root, 'suites', api, '__fixtures__');
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)
      .filter((entry) => entry.endsWith('.json'))
      .sort())
      readFixture(path.join(dir, name));
  }
}

/** --export-environment's file must be writable before the run, not found unwritable after it. */
export function checkOutputFile(file: string, flag: string): void {
  const absolute = path.resolve(file);
  if (existsSync(absolute) && statSync(absolute).isDirectory()) throw new UsageError(`${flag} ${absolute} is a directory; name a file.`);
  const parent = path.dirname(absolute);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) throw new UsageError(`${flag} ${absolute}: the directory ${parent} does not exist.`);
  try {
    accessSync(parent, constants.W_OK);
  } catch (error) {
    throw new UsageError(`${flag} ${absolute} cannot be written: ${(error as NodeJS.ErrnoException).code ?? 'no permission'}.`);
  }
}

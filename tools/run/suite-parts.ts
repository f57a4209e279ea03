// A collection's tests are one jest test file, suites/<api>/<api>.test.ts, that imports the parts
// beside it (suites/<api>/*.part.ts), each the tests of one group of requests: jest sets every test
// file up afresh, and one file per collection runs a replay in about half the CPU (README,
// Performance). A part no test file imports would never run and nothing would say so, and one
// imported twice would run twice: the run refuses both, naming the part and the fix.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from 'jest';
import { escapeRegExp } from '../../harness/redact/scrubber';
import { UsageError } from './options';

const TEST_SUFFIX = '.test.ts';
const PART_SUFFIX = '.part.ts';

/** The parts a test file imports (`import './token.part';`), as absolute paths, in import order. */
export function partsOf(testFile: string, source = readFileSync(testFile, 'utf8')): string[] {
  const dir = path.dirname(testFile);
  return [...source.matchAll(/^import\s+(['"])\.\/([^'"]+\.part)(?:\.ts)?\1/gm)].map((match) => path.join(dir, `${match[2]}.ts`));
}

/** The folders under suites/, by name, sorted. */
export function suiteFolders(root: string): string[] {
  const suites = path.join(root, 'suites');
  if (!existsSync(suites)) return [];
  return readdirSync(suites, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The jest test files (`*.test.ts`) of suites/<api>/, as absolute paths, sorted. */
export function testFilesOf(root: string, api: string): string[] {
  return filesOf(root, api, TEST_SUFFIX);
}

function filesOf(root: string, api: string, suffix: string): string[] {
  const dir = path.join(root, 'suites', api);
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(suffix))
        .sort()
        .map((name) => path.join(dir, name))
    : [];
}

/** Refuses a part that no test file of its folder imports, one imported twice, and an import of a missing part. */
export function checkSuiteParts(root: string): void {
  for (const api of suiteFolders(root)) {
    const importers = new Map<string, string[]>();
    for (const testFile of testFilesOf(root, api)) {
      for (const part of partsOf(testFile)) {
        if (!existsSync(part)) {
          throw new UsageError(`${rel(root, testFile)} imports ${rel(root, part)}, which does not exist.`);
        }
        importers.set(part, [...(importers.get(part) ?? []), rel(root, testFile)]);
      }
    }
    for (const part of filesOf(root, api, PART_SUFFIX)) {
      const by = importers.get(part) ?? [];
      const importLine = `import './${path.basename(part, '.ts')}';`;
      if (by.length === 0) {
        throw new UsageError(
          `${rel(root, part)} is imported by no test file, so its tests would never run: add \`${importLine}\` to suites/${api}/${api}.test.ts.`,
        );
      }
      if (by.length > 1)
        throw new UsageError(`${rel(root, part)} is imported by ${by.join(' and ')}, so its tests would run twice: keep one \`${importLine}\`.`);
    }
  }
}

const rel = (root: string, file: string) => path.relative(root, file);

/** The test files that import parts (suites/<api>/<api>.test.ts), as absolute paths. */
export function collectionFiles(root: string): string[] {
  return suiteFolders(root).flatMap((api) => testFilesOf(root, api).filter((file) => partsOf(file).length > 0));
}

/**
 * The suites' jest project with each part run as a test file of its own, and the collection files
 * that import them left out: for a live run against a real account, whose time is the platform's
 * latency rather than jest's setting up of each file, so that it spreads over every worker and CI
 * shard as it did when each part was a test file. Only a run that keeps no exchanges may: fixtures
 * and drift captures are written per collection file.
 */
export function withPartsAsTestFiles(config: Config, root: string): Config {
  const collections = collectionFiles(root).map((file) => `^${escapeRegExp(file)}$`);
  return {
    ...config,
    projects: config.projects?.map((project) =>
      typeof project === 'object' && project.displayName === 'suites'
        ? {
            ...project,
            testMatch: ['<rootDir>/suites/**/*.test.ts', `<rootDir>/suites/**/*${PART_SUFFIX}`],
            testPathIgnorePatterns: [...((project.testPathIgnorePatterns as string[] | undefined) ?? ['/node_modules/']), ...collections],
          }
        : project,
    ),
  };
}

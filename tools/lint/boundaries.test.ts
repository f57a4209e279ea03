// The design's import rules, as eslint.config.mjs encodes them: each forbidden import is reported at
// the place it would be written, and each allowed one is not. The texts are linted in one child
// process (see lint-texts.ts); the paths are real, so the import resolver finds what they name.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { LintCase, LintedCase } from './lint-texts';

const ROOT = path.resolve(__dirname, '../..');
const BOUNDARY_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports']);

/** A file at `filePath` that imports `specifier` (as a type when `asType`) and uses it. */
const importing = (filePath: string, specifier: string, asType = false): LintCase => ({
  filePath,
  code: asType
    ? `import type * as target from '${specifier}';\nexport type Target = typeof target;\n`
    : `import * as target from '${specifier}';\nexport default target;\n`,
});

const FORBIDDEN: [string, string, string, boolean?][] = [
  // [file, import, what the message says]
  ['sandbox/probe.ts', '../harness/env', 'The sandbox (its tests included) never imports'],
  ['sandbox/probe.ts', '../harness/env', 'The sandbox (its tests included) never imports', true],
  ['sandbox/services/admin/probe.test.ts', '../../../tools/drift', 'The sandbox (its tests included) never imports'],
  ['sandbox/switchboard/probe.test.ts', '../../suites/admin/collection', 'The sandbox (its tests included) never imports'],
  ['suites/admin/probe.test.ts', '../../harness/client/client', 'Suites import the harness only through harness/index.ts'],
  ['suites/admin/probe.test.ts', '../../harness/env', 'Suites import the harness only through harness/index.ts', true],
  ['suites/admin/probe.test.ts', '../../sandbox', 'Suites import only harness/index.ts, types/ and their own folder'],
  ['suites/admin/probe.test.ts', '../../tools/drift', 'Suites import only harness/index.ts, types/ and their own folder'],
  ['suites/notifications/probe.test.ts', '../media/support', 'no more of another suite than its collection.ts'],
  ['suites/media/probe.test.ts', 'nock', 'Suites reach nock, ajv, allure and supertest only through harness/index.ts'],
  ['suites/media/probe.test.ts', 'ajv', 'Suites reach nock, ajv, allure and supertest only through harness/index.ts'],
  ['suites/media/probe.test.ts', 'ajv-formats', 'Suites reach nock, ajv, allure and supertest only through harness/index.ts'],
  ['suites/media/probe.test.ts', 'allure-js-commons', 'Suites reach nock, ajv, allure and supertest only through harness/index.ts'],
  ['suites/media/probe.test.ts', 'allure-jest/node', 'Suites reach nock, ajv, allure and supertest only through harness/index.ts'],
  ['suites/media/probe.test.ts', 'supertest', 'Suites reach nock, ajv, allure and supertest only through harness/index.ts'],
  ['harness/probe.ts', '../tools/drift', 'The harness never imports tools/, suites/ or scripts/'],
  ['harness/client/probe.ts', '../../suites/admin/collection', 'The harness never imports tools/, suites/ or scripts/'],
  ['harness/probe.ts', '../scripts/run', 'The harness never imports tools/, suites/ or scripts/'],
  ['harness/probe.ts', '../sandbox/app', 'Import the sandbox through sandbox/index.ts'],
  ['tools/probe/probe.ts', '../../sandbox/main', 'Import the sandbox through sandbox/index.ts'],
  ['tools/probe/probe.ts', '../../suites/admin/support', "Tools may read a suite's collection.ts, nothing else of suites/"],
  ['tools/probe/probe.ts', '../../scripts/run', 'Tools never import scripts/'],
  ['scripts/probe.ts', '../suites/admin/collection', 'Scripts import harness/ and tools/, not suites/'],
  ['scripts/probe.ts', '../sandbox/services/admin', 'Import the sandbox through sandbox/index.ts'],
];

const ALLOWED: [string, string, boolean?][] = [
  ['suites/admin/probe.test.ts', '../../harness'],
  ['suites/admin/probe.test.ts', '../../types/admin/user', true],
  ['suites/admin/probe.test.ts', './collection'],
  ['suites/admin/probe.test.ts', './support'],
  ['suites/admin/probe.test.ts', '../authentication/collection'],
  ['sandbox/probe.test.ts', './app'],
  ['sandbox/probe.test.ts', 'fastify'],
  ['harness/probe.ts', '../sandbox'],
  ['harness/probe.ts', '../sandbox/switchboard/client'],
  ['harness/probe.ts', '../sandbox/switchboard/types', true],
  ['harness/probe.ts', 'nock'],
  ['tools/probe/probe.ts', '../../harness/env'],
  ['tools/probe/probe.ts', '../../sandbox'],
  ['tools/probe/probe.ts', '../../suites/admin/collection'],
  ['scripts/probe.ts', '../tools/drift'],
  ['scripts/probe.ts', '../harness/env'],
  ['scripts/probe.ts', '../sandbox'],
];

const forbiddenCases = FORBIDDEN.map(([file, specifier, , asType]) => importing(file, specifier, asType));
const allowedCases = ALLOWED.map(([file, specifier, asType]) => importing(file, specifier, asType));
let linted: LintedCase[] = [];

beforeAll(() => {
  const out = execFileSync(process.execPath, ['-r', path.join(__dirname, '../../scripts/register.js'), path.join(__dirname, 'lint-texts.ts')], {
    cwd: ROOT,
    input: JSON.stringify([...forbiddenCases, ...allowedCases]),
    encoding: 'utf8',
  });
  linted = JSON.parse(out) as LintedCase[];
}, 120_000);

const boundaryMessages = (i: number): string[] => linted[i]!.messages.filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);

describe('the import rules', () => {
  it.each(FORBIDDEN.map((row, i) => [row[0], row[3] ? `type ${row[1]}` : row[1], row[2], i] as const))(
    '%s may not import %s',
    (_file, _specifier, expected, i) => {
      expect(boundaryMessages(i)).toEqual([expect.stringContaining(expected)]);
    },
  );

  it.each(ALLOWED.map((row, i) => [row[0], row[2] ? `type ${row[1]}` : row[1], i] as const))('%s may import %s', (_file, _specifier, i) => {
    expect(linted[FORBIDDEN.length + i]!.messages).toEqual([]);
  });
});

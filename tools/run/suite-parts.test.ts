// The parts of a collection's test file: found by its imports, and every one imported exactly once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userErrorMessage } from '../../harness/jest/user-error-message';
import { checkSuiteParts, collectionFiles, partsOf, withPartsAsTestFiles } from './suite-parts';

let root: string;
const write = (relative: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-parts-'));
  write('suites/admin/admin.test.ts', '// the Admin collection\nimport \'./users.part\';\nimport "./groups.part.ts";\n');
  write('suites/admin/users.part.ts', "describe('GET Users', () => {});\n");
  write('suites/admin/groups.part.ts', "describe('GET Groups', () => {});\n");
  write('suites/admin/support.ts', 'export const helper = 1;\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

it('finds the parts a test file imports, in import order, and nothing else it imports', () => {
  const testFile = path.join(root, 'suites/admin/admin.test.ts');
  expect(partsOf(testFile)).toEqual([path.join(root, 'suites/admin/users.part.ts'), path.join(root, 'suites/admin/groups.part.ts')]);
  expect(partsOf(testFile, "import { helper } from './support';\nimport '../media/calls.part';\n")).toEqual([]);
});

it('accepts a folder whose every part is imported once, and a test file with no parts', () => {
  write('suites/authentication/resilience.test.ts', "describe('Resilience', () => {});\n");
  expect(() => checkSuiteParts(root)).not.toThrow();
});

it('refuses a part no test file imports, naming the part and the line to add', () => {
  write('suites/admin/tags.part.ts', "describe('GET Tags', () => {});\n");
  expect(userErrorMessage(() => checkSuiteParts(root))).toBe(
    "suites/admin/tags.part.ts is imported by no test file, so its tests would never run: add `import './tags.part';` to suites/admin/admin.test.ts.",
  );
});

it('refuses a part imported by two test files', () => {
  write('suites/admin/more.test.ts', "import './users.part';\n");
  expect(userErrorMessage(() => checkSuiteParts(root))).toBe(
    "suites/admin/users.part.ts is imported by suites/admin/admin.test.ts and suites/admin/more.test.ts, so its tests would run twice: keep one `import './users.part';`.",
  );
});

it('refuses an import of a part that does not exist', () => {
  write('suites/admin/admin.test.ts', "import './users.part';\nimport './groups.part';\nimport './sites.part';\n");
  expect(userErrorMessage(() => checkSuiteParts(root))).toBe('suites/admin/admin.test.ts imports suites/admin/sites.part.ts, which does not exist.');
});

it('holds for this repository’s suites', () => {
  expect(() => checkSuiteParts(path.resolve(__dirname, '../..'))).not.toThrow();
});

it('lists the collection files, the test files that import parts', () => {
  write('suites/authentication/resilience.test.ts', "describe('Resilience', () => {});\n");
  write('suites/authentication/authentication.test.ts', "import './token.part';\n");
  write('suites/authentication/token.part.ts', "describe('POST Token', () => {});\n");
  expect(collectionFiles(root)).toEqual([path.join(root, 'suites/admin/admin.test.ts'), path.join(root, 'suites/authentication/authentication.test.ts')]);
});

it('makes the suites’ project run each part as a test file, its collection file left out, and no other project', () => {
  const unit = { displayName: 'unit', testMatch: ['<rootDir>/tools/**/*.test.ts'] };
  const config = withPartsAsTestFiles({ projects: [unit, { displayName: 'suites', testMatch: ['<rootDir>/suites/**/*.test.ts'] }] }, root);
  const [unitAfter, suites] = config.projects as [typeof unit, { testMatch: string[]; testPathIgnorePatterns: string[] }];

  expect(unitAfter).toEqual(unit);
  expect(suites.testMatch).toEqual(['<rootDir>/suites/**/*.test.ts', '<rootDir>/suites/**/*.part.ts']);
  const ignored = suites.testPathIgnorePatterns.map((pattern) => new RegExp(pattern));
  const isIgnored = (file: string) => ignored.some((pattern) => pattern.test(path.join(root, file)));
  expect(isIgnored('suites/admin/admin.test.ts')).toBe(true);
  expect(isIgnored('suites/admin/users.part.ts')).toBe(false);
  expect(isIgnored('suites/authentication/resilience.test.ts')).toBe(false);
  expect(isIgnored('node_modules/x/admin.test.ts')).toBe(true);
});

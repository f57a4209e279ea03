// What a run checks before jest starts: names, the reports directory, fixtures, output files.
// A throwaway repository root stands in for this one.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userErrorMessage } from '../../harness/jest/user-error-message';
import {
  checkCollections,
  checkFixtures,
  checkOutputFile,
  checkReportsDir,
  checkRequest,
  collectionFolders,
  suiteFileCount,
  topLevelDescribes,
} from './preflight';

const root = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-preflight-'));
const write = (relative: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  writeFileSync(path.join(root, relative), text);
};
write('suites/authentication/authentication.test.ts', "import './token.part';\nimport './claims.part';\n");
write('suites/authentication/token.part.ts', "describe('POST Token', () => {\n  describe('nested', () => {});\n});\ndescribe(\"GET Token\", () => {});\n");
write('suites/authentication/claims.part.ts', "describe('GET Claims', () => {});\n");
write('suites/authentication/resilience.test.ts', "describe('Resilience: retries', () => {});\n");
write('suites/admin/users.test.ts', "describe('Scenario: admin', () => {});\ndescribe('GET Users', () => {});\n");
write('suites/admin/paging.test.ts', "describe('GET Users', () => {});\n");
write('suites/media/calls.test.ts', "describe('GET Call Record', () => {});\n");
write('suites/empty/collection.ts', '// no tests\n');
write('suites/admin/__fixtures__/users.json', '{"provenance": {}, "tests": {}}\n');
write('suites/media/__fixtures__/calls.json', '{"provenance": {}, "tests": {"x": [}}\n');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('names', () => {
  it('knows the collection folders that hold tests, and the top-level describe titles', () => {
    expect(collectionFolders(root)).toEqual(['admin', 'authentication', 'media']);
    expect(suiteFileCount(root, [])).toBe(5);
    expect(suiteFileCount(root, ['admin', 'media'])).toBe(3);
    expect(topLevelDescribes(readFileSync(path.join(root, 'suites/authentication/token.part.ts'), 'utf8'))).toEqual(['POST Token', 'GET Token']);
  });

  it('accepts a describe name, a scenario, a full test name and the first words of a name', () => {
    for (const request of ['POST Token', 'Scenario: admin', 'POST Token returns 201', 'GET Call']) expect(() => checkRequest(root, request, [])).not.toThrow();
    expect(() => checkRequest(root, 'GET Users', ['admin'])).not.toThrow();
  });

  it('returns the files whose top-level describes, or their parts’, select the request, every one that shares its title', () => {
    expect(checkRequest(root, 'POST Token returns 201', [])).toEqual(['suites/authentication/authentication.test.ts']);
    expect(checkRequest(root, 'GET Claims', [])).toEqual(['suites/authentication/authentication.test.ts']);
    expect(checkRequest(root, 'Resilience: retries', [])).toEqual(['suites/authentication/resilience.test.ts']);
    // When parts run as test files of their own (a live run against a real account), the part.
    expect(checkRequest(root, 'GET Claims', [], undefined, { partsAsTestFiles: true })).toEqual(['suites/authentication/claims.part.ts']);
    expect(checkRequest(root, 'Resilience: retries', [], undefined, { partsAsTestFiles: true })).toEqual(['suites/authentication/resilience.test.ts']);
    expect(checkRequest(root, 'GET Users', []).sort()).toEqual(['suites/admin/paging.test.ts', 'suites/admin/users.test.ts']);
    expect(checkRequest(root, 'GET Call', ['media'])).toEqual(['suites/media/calls.test.ts']);
  });

  it.each([
    [
      'an unknown collection, with did-you-mean',
      () => checkCollections(root, ['Admin']),
      'Unknown collection "Admin" (--collection): there is no suites/Admin/ with tests. Did you mean "admin"? Collections: admin, authentication, media.',
    ],
    [
      'a collection folder without tests',
      () => checkCollections(root, ['empty']),
      'Unknown collection "empty" (--collection): there is no suites/empty/ with tests. Collections: admin, authentication, media.',
    ],
    [
      'an unknown request',
      () => checkRequest(root, 'No Such Request', []),
      'Unknown request "No Such Request" (--request): no test is named after it. Test names are the top-level describe() titles in suites/<api>/, e.g. "POST Token".',
    ],
    [
      'a request with a stray parenthesis',
      () => checkRequest(root, 'POST (Token', []),
      'Unknown request "POST (Token" (--request): no test is named after it. Did you mean "POST Token"?',
    ],
    [
      'a request in lower case',
      () => checkRequest(root, 'post token', []),
      'Unknown request "post token" (--request): no test is named after it. Did you mean "POST Token" or "GET Token"?',
    ],
    [
      'a request outside the chosen collections',
      () => checkRequest(root, 'POST Token', ['admin']),
      'No test named "POST Token" in --collection admin: its tests are in suites/authentication/authentication.test.ts.',
    ],
    [
      'a request that only other tests send',
      () => checkRequest(root, 'DELETE User', [], () => ['DELETE User']),
      'Request "DELETE User" (--request) has no test of its own to run; it is sent by other tests. Name a test instead.',
    ],
    [
      'a nested describe name, which never starts a full test name',
      () => checkRequest(root, 'nested', []),
      'Unknown request "nested" (--request): no test is named after it. Test names are the top-level describe() titles in suites/<api>/, e.g. "POST Token".',
    ],
  ])('%s', (_kind, fn, message) => {
    expect(userErrorMessage(fn)).toBe(message);
  });
});

describe('reports directory and output files', () => {
  it('creates a missing reports directory, level by level', () => {
    const dir = path.join(root, 'out', 'a', 'b');
    checkReportsDir(dir);
    expect(existsSync(dir)).toBe(true);
    expect(() => checkReportsDir(dir)).not.toThrow();
  });

  it.each([
    [
      'a reports directory under /proc (it used to hang)',
      () => checkReportsDir('/proc/x'),
      'Reports directory /proc/x (--reports) is under /proc, a special file system: choose an ordinary directory.',
    ],
    [
      'a reports directory under /dev',
      () => checkReportsDir('/dev/null/reports'),
      'Reports directory /dev/null/reports (--reports) is under /dev, a special file system: choose an ordinary directory.',
    ],
    [
      'a reports path that is a file',
      () => checkReportsDir(path.join(root, 'suites/media/calls.test.ts')),
      `Reports directory ${root}/suites/media/calls.test.ts (--reports): ${root}/suites/media/calls.test.ts is a file, not a directory.`,
    ],
    [
      'a reports path below a file',
      () => checkReportsDir(path.join(root, 'suites/media/calls.test.ts/r')),
      `Reports directory ${root}/suites/media/calls.test.ts/r (--reports): ${root}/suites/media/calls.test.ts is a file, not a directory.`,
    ],
    [
      'an output file in a missing directory',
      () => checkOutputFile(path.join(root, 'nope', 'env.json'), '--export-environment'),
      `--export-environment ${root}/nope/env.json: the directory ${root}/nope does not exist.`,
    ],
    [
      'an output file that is a directory',
      () => checkOutputFile(path.join(root, 'suites'), '--export-environment'),
      `--export-environment ${root}/suites is a directory; name a file.`,
    ],
  ])('%s', (_kind, fn, message) => {
    expect(userErrorMessage(fn)).toBe(message);
  });
});

describe('fixtures', () => {
  it('a corrupt fixture stops a recording or a replay of its collection before jest starts', () => {
    const file = path.join(root, 'suites/media/__fixtures__/calls.json');
    const before = readFileSync(file, 'utf8');
    expect(userErrorMessage(() => checkFixtures(root, 'record', ['media']))).toBe(
      `${file}: is not valid JSON: unexpected "}" at line 1, column 36. Mend it, restore it (git checkout -- <file>) or delete it, then record again.`,
    );
    expect(userErrorMessage(() => checkFixtures(root, 'replay', []))).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('leaves other collections and live runs alone', () => {
    expect(() => checkFixtures(root, 'record', ['admin'])).not.toThrow();
    expect(() => checkFixtures(root, 'live', ['media'])).not.toThrow();
  });
});

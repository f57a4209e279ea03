// Issue 15's proof that an import runs: a collection shaped like Mitel's "Application Registration"
// (an "Auth Token" script that stores the tokens, collection-level bearer auth, folders, {single
// brace} values in bodies and URLs, no ids carried between requests) is imported with
// --fill-from-sandbox into a throwaway root, and the suite it writes runs green against the embedded
// sandbox with no hand edit: global setup logs in, every id flows from the request that creates it,
// and global teardown fails the run if anything created was left behind.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPostman, type ImportResult } from './import';
import { readSandboxSeed, type SandboxSeed } from './import/sandbox-values';
import { formatImportReport } from './report';
import { runImportedSuite } from './run-imported-suite';

const FIXTURES = path.join(__dirname, '__fixtures__');
const COLLECTION = path.join(FIXTURES, 'application-registration.postman_collection.json');
const ENVIRONMENT = path.join(FIXTURES, 'application-registration.postman_environment.json');
const work = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-mitel-'));
let seed: SandboxSeed;

beforeAll(async () => {
  seed = await readSandboxSeed();
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

function importInto(name: string, collectionFile = COLLECTION, fill = true): { root: string; result: ImportResult; environmentFile: string } {
  const root = path.join(work, name);
  const result = importPostman({ collectionFile, environmentFile: ENVIRONMENT, rootDir: root, sandboxSeed: fill ? seed : undefined });
  return { root, result, environmentFile: path.join(root, 'environments', `${result.environment!.stem}.postman_environment.json`) };
}

describe('a Mitel-style collection imported with --fill-from-sandbox', () => {
  it('lists every {placeholder}, in bodies too, as a named parameter with the value it was given', () => {
    const { result } = importInto('listed');
    const report = formatImportReport(result);

    for (const line of [
      'Create User: fullName ({Full name} in Postman) = "Imported Sample", emailAddress ({Email address} in Postman) = "imported.user@example.com"',
      'Create Subscription: applicationGuid ({Application GUID} in Postman) = "3f9b6c2a8d1e4f7a9b0c1d2e3f4a5b6c", webhookUrl ({Webhook URL} in Postman) = "http://127.0.0.1:9/cloudlink-webhook"',
      'PartnerPrimeAccountId = "100200300" (the sandbox account\'s number)',
      'userId: from "Create User", used by "Get User", "Update User", "Delete User"; "Delete User" removes it after the last test that uses it, even when one fails',
      'subscriptionId: from "Create Subscription", used by "Get Subscription", "Delete Subscription"',
      'All 10 tests will run: no parameter is blank.',
      'Get Application, test line 4: pm.test("Name is the one we set"',
    ])
      expect(report).toContain(line);
    const createUser = result.requests.find((r) => r.request.name === 'Create User')!.request;
    expect(createUser.body).toEqual({ mode: 'json', json: { name: '{{fullName}}', email: '{{emailAddress}}', role: 'USER' } });
  });

  it('borrows the contract of the harness request with the same route, and says where there is none', () => {
    const { result } = importInto('contracts');
    const responses = (name: string) => result.requests.find((r) => r.request.name === name)!.request.responses;

    expect(responses('Create User')[201]).toBe('admin/user');
    expect(responses('Create Subscription')[201]).toBe('notifications/subscription');
    expect(responses('Enable Application')).toEqual({ 200: '_shared/resource' });
    expect(formatImportReport(result)).toContain(
      'Enable Application: no saved example and no harness request for this route: it declares 200 with the generic _shared/resource schema',
    );
  });

  it('writes a suite that runs green against the sandbox as written, and leaves nothing behind', async () => {
    const { root, environmentFile } = importInto('green');

    const run = await runImportedSuite(root, environmentFile);

    expect(run.failures).toEqual([]);
    expect({ exitCode: run.exitCode, passed: run.passed, skipped: run.skipped }).toEqual({ exitCode: 0, passed: 10, skipped: 0 });
  }, 120_000);

  it("removes what it created even when the DELETE's own test is skipped: the last test that runs sends it", async () => {
    // "Delete User" gains a value nobody fills in, so its test is skipped; "Update User" then undoes the user.
    const document = JSON.parse(readFileSync(COLLECTION, 'utf8')) as {
      item: Array<{ item: Array<{ item?: Array<{ name: string; request: { url: { raw: string } } }> }> }>;
    };
    const deleteUser = document.item[1]!.item[0]!.item!.find((i) => i.name === 'Delete User')!;
    deleteUser.request.url = { raw: `${deleteUser.request.url.raw}?reason={Reason}` } as never;
    const file = path.join(work, 'skipped-delete.postman_collection.json');
    writeFileSync(file, JSON.stringify(document));
    const { root, environmentFile, result } = importInto('skipped-delete', file);
    expect(formatImportReport(result)).toContain('1 test of 10 will be skipped until their parameters are filled in: "Delete User".');

    const run = await runImportedSuite(root, environmentFile);

    expect(run.failures).toEqual([]);
    expect({ exitCode: run.exitCode, passed: run.passed, skipped: run.skipped }).toEqual({ exitCode: 0, passed: 9, skipped: 1 });
  }, 120_000);
});

describe('the same collection imported without --fill-from-sandbox', () => {
  it('says how many tests will be skipped and which, instead of saying nothing', () => {
    const { result } = importInto('unfilled', COLLECTION, false);

    expect(formatImportReport(result)).toContain(
      '8 tests of 10 will be skipped until their parameters are filled in: "Enable Application", "Create User", "Get User", "Update User", "Delete User", "Create Subscription", "Get Subscription", "Delete Subscription".',
    );
  });
});

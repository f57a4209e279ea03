// The proof of issue 5, in `npm test`: every collection is exported as `npm run export` does it,
// the exports are run by Newman (its Node API) against a freshly started sandbox, and imported back
// as `npm run import` does it to show that nothing was lost. All five collections must run green;
// what the export does to make a standalone run pass (docs/postman.md) is asserted here too.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import type { Collection, NamedRequest } from '../harness';
import { discoverCollections } from '../harness/collections';
import { exportAll, type ExportResult } from '../tools/postman/export';
import { importPostman } from '../tools/postman/import';
import { describeFailures, newmanInputFor, runNewman } from '../tools/postman/newman';
import { startSandbox, toPostmanEnvironment, type RunningSandbox } from '../sandbox';
import { readSandboxSeed } from '../tools/postman/import/sandbox-values';

const ROOT = path.resolve(__dirname, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-postman-'));
const entries = discoverCollections(ROOT);
let sandbox: RunningSandbox;
let exported: ExportResult;

beforeAll(async () => {
  sandbox = await startSandbox();
  exported = exportAll({ entries, outDir: path.join(work, 'export'), rootDir: ROOT });
});

afterAll(async () => {
  await sandbox?.close();
  rmSync(work, { recursive: true, force: true });
});

const fileOf = (name: string) => path.join(work, 'export', `${name}.postman_collection.json`);
const collectionNamed = (name: string): Collection => entries.find((e) => e.collection.name === name)!.collection;

async function runInNewman(name: string) {
  const { environment, envVar } = newmanInputFor(sandbox);
  return runNewman({ collection: fileOf(name), environment, envVar });
}

describe('the exported collections, run by Newman against the sandbox', () => {
  it('runs Authentication green: every request answers its documented status and matches its schema', async () => {
    const outcome = await runInNewman('Authentication');

    expect(describeFailures(outcome.failures)).toBe('');
    expect(outcome.requests).toBe(Object.keys(collectionNamed('Authentication').requests).length);
    expect(outcome.responses[0]).toEqual({ request: 'POST Token', status: 201 });
  }, 30_000);

  it('runs Admin green, with "POST Token" added in front and the new user\'s email filled in', async () => {
    const outcome = await runInNewman('Admin');

    expect(describeFailures(outcome.failures)).toBe('');
    expect(outcome.requests).toBe(Object.keys(collectionNamed('Admin').requests).length + 1);
  }, 30_000);

  it('runs Notifications green, with "POST Token" added in front to log in', async () => {
    const outcome = await runInNewman('Notifications');

    expect(describeFailures(outcome.failures)).toBe('');
    expect(outcome.responses.map((r) => r.request)).toEqual([
      'POST Token',
      'POST Subscription',
      'GET Subscriptions',
      'GET Subscription',
      'DELETE Subscription',
    ]);
  }, 30_000);

  it('runs Conversations green, "POST Participant" adding newParticipantId, a user not yet in the conversation', async () => {
    const outcome = await runInNewman('Conversations');

    expect(describeFailures(outcome.failures)).toBe('');
    expect(outcome.requests).toBe(Object.keys(collectionNamed('Conversations').requests).length + 1);
    expect(outcome.responses.find((r) => r.request === 'POST Participant')?.status).toBe(201);
    expect(outcome.responses.find((r) => r.request === 'DELETE Conversation')?.status).toBe(200);
  }, 30_000);

  it('runs Media green: each call route gets its form of the callId, and the caller joins its conference before acting on it', async () => {
    const outcome = await runInNewman('Media');

    expect(describeFailures(outcome.failures)).toBe('');
    expect(outcome.requests).toBe(Object.keys(collectionNamed('Media').requests).length + 1);
    const status = (request: string) => outcome.responses.find((r) => r.request === request)?.status;
    // The routes the one callId once failed on: the leg's number, and the whole id encoded.
    expect(['GET Endpoint Call', 'PUT Call Action', 'GET Call Record', 'PUT Call Record'].map(status)).toEqual([200, 200, 200, 200]);
    const order = outcome.responses.map((r) => r.request);
    expect(order.indexOf('POST Participant Connection')).toBeLessThan(order.indexOf('POST Conference Action'));
    expect([status('POST Participant Connection'), status('POST Conference Action')]).toEqual([200, 200]);
  }, 30_000);
});

describe('the round trip: export, then import back', () => {
  /** What must survive: the request as a suite sends it. */
  const comparable = (request: NamedRequest) => JSON.parse(JSON.stringify({ ...request, description: request.description ?? undefined })) as unknown;

  it('gives back every collection with the same requests, bodies, auth and schemas per status', () => {
    for (const collection of exported.collections) {
      const original = collectionNamed(collection.name);
      const result = importPostman({
        collectionFile: fileOf(collection.name),
        environmentFile: path.join(work, 'export', `${exported.environment.stem}.postman_environment.json`),
        rootDir: path.join(work, 'import', collection.api),
        name: collection.api,
      });
      const back = new Map(result.requests.map((r) => [r.request.name, r.request]));
      // The generated module is what a user keeps: it must load back to the same requests.
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module written by this test
      const module = require(path.join(work, 'import', collection.api, 'suites', collection.api, 'collection.ts')) as Record<string, Collection>;
      const written = Object.values(module).find((value) => typeof value === 'object' && value !== null && 'requests' in value)!;
      expect(Object.values(written.requests)).toEqual(result.requests.map((r) => r.request));
      const suite = readFileSync(path.join(work, 'import', collection.api, 'suites', collection.api, `${collection.api}.test.ts`), 'utf8');
      expect(ts.transpileModule(suite, { reportDiagnostics: true }).diagnostics).toEqual([]);

      expect(result.requests.flatMap((r) => r.untranslated.map((line) => `${r.request.name}: ${line.text}`))).toEqual([]);
      expect([...back.keys()].sort()).toEqual([...Object.keys(original.requests), ...(collection.addedTokenSetup ? ['POST Token'] : [])].sort());
      for (const request of Object.values(original.requests) as NamedRequest[]) {
        expect({ collection: collection.name, request: comparable(back.get(request.name)!) }).toEqual({
          collection: collection.name,
          request: comparable(request),
        });
      }
    }
  });

  it('gives back the variables: the collection variables and the environment, its secrets still blank', () => {
    for (const collection of exported.collections) {
      const result = importPostman({
        collectionFile: fileOf(collection.name),
        environmentFile: path.join(work, 'export', `${exported.environment.stem}.postman_environment.json`),
        rootDir: path.join(work, 'variables', collection.api),
        name: collection.api,
      });
      const values = new Map(result.environment?.document.values.map((v) => [v.key, v.value]));

      for (const variable of collection.document.variable ?? []) expect([variable.key, values.get(variable.key)]).toEqual([variable.key, variable.value]);
      for (const variable of exported.environment.document.values) expect([variable.key, values.get(variable.key)]).toEqual([variable.key, variable.value]);
      expect(result.environment?.secrets.map((s) => s.key)).toEqual(exported.environment.document.values.filter((v) => v.type === 'secret').map((v) => v.key));
    }
  });
});

describe('a Mitel-style collection: import, export, Newman', () => {
  const FIXTURES = path.join(ROOT, 'tools', 'postman', '__fixtures__');
  const original = path.join(FIXTURES, 'application-registration.postman_collection.json');
  const environment = path.join(FIXTURES, 'application-registration.postman_environment.json');
  let roundTrip: ExportResult;
  let parameters: Record<string, string>;
  let importedEnvironment: object;

  beforeAll(async () => {
    const root = path.join(work, 'mitel');
    const result = importPostman({ collectionFile: original, environmentFile: environment, rootDir: root, sandboxSeed: await readSandboxSeed() });
    // What the user types in; ids the collection creates are captured by the run, never typed.
    const created = new Set(result.things.map((t) => t.variable));
    parameters = Object.fromEntries(result.requests.flatMap((r) => r.parameters.filter((p) => !created.has(p.name)).map((p) => [p.name, p.value])));
    const environmentFile = path.join(root, 'environments', `${result.environment!.stem}.postman_environment.json`);
    importedEnvironment = JSON.parse(readFileSync(environmentFile, 'utf8')) as object;
    roundTrip = exportAll({ entries: discoverCollections(root), outDir: path.join(work, 'mitel-export'), environment: environmentFile, rootDir: root });
  });

  /** What a Postman user types into the environment for the sandbox: its URLs and the primary user (an account admin). */
  const sandboxValues = () =>
    Object.fromEntries(
      toPostmanEnvironment(sandbox)
        .values.filter((v) => v.value !== '')
        .map((v) => [v.key, v.value]),
    );

  it('runs the round trip green with no fewer assertions than the original, and no 401: the token script came back', async () => {
    const before = await runNewman({ collection: original, environment: importedEnvironment, envVar: sandboxValues() });
    const after = await runNewman({ collection: roundTrip.files[0]!, environment: roundTrip.files[1]!, envVar: { ...sandboxValues(), ...parameters } });

    expect(describeFailures(after.failures)).toBe('');
    expect(after.assertions).toBeGreaterThanOrEqual(before.assertions);
    expect(after.responses.filter((r) => r.status === 401)).toEqual([]);
    expect(after.responses.map((r) => r.request)).toEqual(before.responses.map((r) => r.request));
    expect(roundTrip.collections[0]!.unasserted).toEqual([]);
    process.stdout.write(`Newman assertions: original ${before.assertions}, round trip ${after.assertions} (${after.requests} requests)\n`);
  }, 60_000);

  it('fails in Newman when a translated assertion does not hold: no false green', async () => {
    const file = roundTrip.files[0]!;
    const broken = path.join(work, 'mitel-export', 'broken.postman_collection.json');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('pm.expect(jsonData.token_type).to.eql(\\"bearer\\")');
    writeFileSync(broken, text.replace('pm.expect(jsonData.token_type).to.eql(\\"bearer\\")', 'pm.expect(jsonData.token_type).to.eql(\\"mac\\")'));

    const outcome = await runNewman({ collection: broken, environment: roundTrip.files[1]!, envVar: { ...sandboxValues(), ...parameters } });

    expect(outcome.failures.map((f) => `${f.request} › ${f.test}`)).toEqual(['Auth Token › Auth Token: token_type equals "bearer"']);
  }, 60_000);
});

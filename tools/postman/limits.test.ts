// Issue 12's bounds on import and export: neither writes over a file it did not make, neither
// writes to a special or unwritable place, and hostile input (huge, wide, deep, or failing in many
// places at once) ends quickly in one short message. Every refusal is a UserError (exit 2, no stack).
// The same refusals as processes (one line on stderr, exit 2) are in scripts/cli-errors.e2e.test.ts.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../../harness/user-error';
import { discoverCollections } from '../../harness/collections';
import { exportAll } from './export';
import { IMPORT_BANNER, importPostman } from './import';
import { LIMITS } from './limits';

const REPO = path.resolve(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, '__fixtures__');
const COLLECTION = path.join(FIXTURES, 'application-registration.postman_collection.json');
const ENVIRONMENT = path.join(FIXTURES, 'application-registration.postman_environment.json');
const work = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-limits-'));
let counter = 0;
const fresh = (name = 'dir') => {
  const dir = path.join(work, `${name}-${++counter}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The error `fn` throws, failing the test when it throws none or one that is not a UserError. */
function userError(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

/** `items` is the JSON text of the item list, so nesting deeper than JSON.stringify can recurse is possible. */
function collectionWith(items: unknown[] | string): string {
  const file = path.join(fresh('input'), 'hostile.postman_collection.json');
  const info = { name: 'Hostile', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' };
  writeFileSync(file, `{"info": ${JSON.stringify(info)}, "item": ${typeof items === 'string' ? items : JSON.stringify(items)}}`);
  return file;
}

describe('export never writes over a file it did not make', () => {
  const authentication = discoverCollections(REPO, ['authentication']);

  it('refuses environments/sandbox.postman_environment.json as --out target, naming it, and leaves it as it was', () => {
    const out = fresh('environments');
    const target = path.join(out, 'sandbox.postman_environment.json');
    copyFileSync(path.join(REPO, 'environments', 'sandbox.postman_environment.json'), target);
    const before = readFileSync(target, 'utf8');

    const error = userError(() => exportAll({ entries: authentication, outDir: out, rootDir: REPO }));

    expect(error.message).toContain(`Refusing to overwrite ${target}: it was not written by npm run export`);
    expect(readFileSync(target, 'utf8')).toBe(before);
  });

  it('writes over its own files again, and over others only with force', () => {
    const out = fresh('export');
    exportAll({ entries: authentication, outDir: out, rootDir: REPO });
    expect(() => exportAll({ entries: authentication, outDir: out, rootDir: REPO })).not.toThrow();

    const target = path.join(out, 'sandbox.postman_environment.json');
    writeFileSync(target, '{"hand": "written"}');
    userError(() => exportAll({ entries: authentication, outDir: out, rootDir: REPO }));
    exportAll({ entries: authentication, outDir: out, rootDir: REPO, force: true });
    expect(JSON.parse(readFileSync(target, 'utf8'))._postman_exported_by).toBe('cloudlink-harness npm run export');
  });

  it('fails at once on a special or unwritable --out, naming the path', () => {
    expect(userError(() => exportAll({ entries: authentication, outDir: '/proc/x', rootDir: REPO })).message).toBe(
      '--out /proc/x: that is a special file system (/proc, /sys or /dev), not a place for files.',
    );
    const file = path.join(fresh(), 'a-file');
    writeFileSync(file, '');
    expect(userError(() => exportAll({ entries: authentication, outDir: path.join(file, 'out'), rootDir: REPO })).message).toContain(
      `${file} is a file, not a folder`,
    );
  });

  it('refuses a named pipe where a file would go, instead of blocking on it', async () => {
    const out = fresh('fifo');
    await promisify(execFile)('mkfifo', [path.join(out, 'Authentication.postman_collection.json')]);
    expect(userError(() => exportAll({ entries: authentication, outDir: out, rootDir: REPO })).message).toContain('it is a named pipe, not a regular file');
  });
});

describe("import's --force overwrites only what an import wrote", () => {
  it('refuses, even forced, a hand-written suite of the same name, naming the file', () => {
    const root = fresh('root');
    mkdirSync(path.join(root, 'suites', 'authentication'), { recursive: true });
    writeFileSync(path.join(root, 'suites', 'authentication', 'collection.ts'), '// hand-written\n');

    const error = userError(() =>
      importPostman({ collectionFile: COLLECTION, environmentFile: ENVIRONMENT, rootDir: root, name: 'authentication', force: true }),
    );

    expect(error.message).toContain('would overwrite suites/authentication/collection.ts, which was not written by an import');
    expect(readFileSync(path.join(root, 'suites', 'authentication', 'collection.ts'), 'utf8')).toBe('// hand-written\n');
  });

  it('overwrites its own earlier import when forced, and refuses without force', () => {
    const root = fresh('root');
    const written = importPostman({ collectionFile: COLLECTION, environmentFile: ENVIRONMENT, rootDir: root });
    for (const file of written.files) expect(readFileSync(path.join(root, file), 'utf8')).toContain(IMPORT_BANNER);

    expect(userError(() => importPostman({ collectionFile: COLLECTION, environmentFile: ENVIRONMENT, rootDir: root })).message).toContain(
      'pass --force to overwrite',
    );
    expect(importPostman({ collectionFile: COLLECTION, environmentFile: ENVIRONMENT, rootDir: root, force: true }).files).toEqual(written.files);
  });

  it('refuses a special --root, naming it', () => {
    expect(userError(() => importPostman({ collectionFile: COLLECTION, environmentFile: ENVIRONMENT, rootDir: '/proc/x' })).message).toContain(
      '--root /proc/x',
    );
  });
});

describe('hostile input ends quickly, in one short message', () => {
  const request = (name: string) => ({ name, request: { method: 'GET', url: '{{auth_url}}/{{missing}}' } });

  it(`refuses more than ${LIMITS.items} items before converting any`, () => {
    const file = collectionWith(Array.from({ length: 60_000 }, (_, i) => request(`GET ${i}`)));
    const error = userError(() => importPostman({ collectionFile: file, rootDir: fresh() }));

    expect(error.message).toBe(`${file}: has more than 5,000 requests and folders; split it into several collections`);
  });

  it(`refuses folders nested more than ${LIMITS.depth} deep instead of overflowing the stack`, () => {
    const depth = 5_000;
    const open = Array.from({ length: depth }, (_, i) => `[{"name": "folder ${i}", "item": `).join('');
    const item = `${open}[${JSON.stringify(request('GET Deep'))}]${'}]'.repeat(depth)}`;

    const error = userError(() => importPostman({ collectionFile: collectionWith(item), rootDir: fresh() }));

    expect(error.message).toContain('nests folders more than 32 deep');
  });

  it('refuses a file bigger than the cap before reading it', () => {
    const file = path.join(fresh('input'), 'huge.postman_collection.json');
    writeFileSync(file, Buffer.alloc(LIMITS.fileBytes + 1, 0x20));

    expect(userError(() => importPostman({ collectionFile: file, rootDir: fresh() })).message).toBe(
      `${file}: is 20.0 MB, more than the 20.0 MB a Postman export of an API collection can need`,
    );
  });

  it('refuses a device as the collection, instead of reading it forever', () => {
    expect(userError(() => importPostman({ collectionFile: '/dev/zero', rootDir: fresh() })).message).toBe(
      '/dev/zero: is not a regular file (a device); pass a Postman export saved as a .json file',
    );
  });

  it('cuts a message about many undefined variables, saying how many were left out', () => {
    const item = Array.from({ length: 4_000 }, (_, i) => ({ name: `GET ${i}`, request: { method: 'GET', url: `{{auth_url}}/{{missing${i % 200}}}` } }));

    const error = userError(() => importPostman({ collectionFile: collectionWith(item), rootDir: fresh() }));

    expect(error.message).toContain('… and 190 more are used but never defined');
    expect(error.message).toContain('"GET 0", "GET 200", "GET 400", "GET 600", "GET 800", … and 15 more');
    expect(error.message.length).toBeLessThan(2_000);
  });

  it('cuts an item name of a million characters', () => {
    const name = 'x'.repeat(1_000_000);
    const error = userError(() =>
      importPostman({ collectionFile: collectionWith([{ name, request: { method: 'HEAD', url: '{{auth_url}}' } }]), rootDir: fresh() }),
    );

    expect(error.message).toContain('… (999880 more characters)');
    expect(error.message.length).toBeLessThan(1_000);
  });
});

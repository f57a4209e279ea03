import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRegistry } from './registry';
import { readValidatorCache, validatorCacheKey, writeValidatorCache } from './validator-cache';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'validator-cache-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const cacheFiles = () => readdirSync(dir).filter((name) => name.endsWith('.js'));

// A cache file that is not ajv's: its one validator refuses everything, so a verdict shows where it came from.
const REFUSING =
  'exports["authentication/token"] = function v(data) { v.errors = [{ instancePath: "", schemaPath: "#/cached", keyword: "x", params: {}, message: "from the cache file" }]; return false; };';

const badToken = { token_type: 'bearer', expires_in: '3600', access_token: 'a', refresh_token: 'r', scope: 'read' };

describe('validatorCacheKey', () => {
  const documents = new Map<string, unknown>([['a', { type: 'object' }]]);

  it('is the same for the same documents and options', () => {
    expect(validatorCacheKey(documents, { strict: true })).toBe(validatorCacheKey(new Map(documents), { strict: true }));
  });

  it('changes with a document, an id or the options', () => {
    const key = validatorCacheKey(documents, { strict: true });
    expect(validatorCacheKey(new Map([['a', { type: 'array' }]]), { strict: true })).not.toBe(key);
    expect(validatorCacheKey(new Map([['b', { type: 'object' }]]), { strict: true })).not.toBe(key);
    expect(validatorCacheKey(documents, { strict: false })).not.toBe(key);
  });
});

describe('the validator cache file', () => {
  it('is written by a registry that compiled, and read by the next instead of compiling', () => {
    const compiled = createRegistry(dir).validatorFor('authentication/token');
    expect(compiled(badToken)).toBe(false);
    const [file] = cacheFiles();
    expect(file).toMatch(/^[0-9a-f]{32}\.js$/);
    const fromFile = createRegistry(dir).validatorFor('authentication/token');
    expect(fromFile).not.toBe(compiled);
    expect(fromFile(badToken)).toBe(false);
    expect(fromFile.errors).toEqual(compiled.errors);

    writeFileSync(path.join(dir, file!), REFUSING);
    const refusing = createRegistry(dir).validatorFor('authentication/token');
    expect(refusing({})).toBe(false);
    expect(refusing.errors?.[0]?.message).toBe('from the cache file');
  });

  it('holds the same validators as ajv compiles, for every schema', () => {
    const compiled = createRegistry(dir);
    const fromFile = createRegistry(dir);
    for (const id of compiled.schemas.keys()) {
      for (const value of [{}, [], 'text', { _embedded: { items: [{}] } }]) {
        const expected = compiled.validatorFor(id);
        const actual = fromFile.validatorFor(id);
        expect({ id, valid: actual(value), errors: actual.errors }).toEqual({ id, valid: expected(value), errors: expected.errors });
      }
    }
  });

  it('is compiled again and replaced when it does not load', () => {
    createRegistry(dir).validatorFor('authentication/token');
    const [file] = cacheFiles();
    writeFileSync(path.join(dir, file!), 'exports["authentication/token"] = function (');
    expect(readValidatorCache(file!.slice(0, -3), dir)).toBeUndefined();
    expect(createRegistry(dir).validatorFor('authentication/token')(badToken)).toBe(false);
    expect(readFileSync(path.join(dir, file!), 'utf8')).toContain('exports["authentication/token"]');
    expect(readValidatorCache(file!.slice(0, -3), dir)).toBeDefined();
  });

  it('replaces the files of other keys, and leaves no partial file behind', () => {
    writeValidatorCache('old', REFUSING, dir);
    writeValidatorCache('new', REFUSING, dir);
    expect(readdirSync(dir)).toEqual(['new.js']);
  });

  it('is no error to be unable to write', () => {
    const blocked = path.join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the directory would go');
    expect(() => writeValidatorCache('key', REFUSING, blocked)).not.toThrow();
    expect(readdirSync(dir)).toEqual(['blocked']);
    expect(createRegistry(blocked).validatorFor('authentication/token')(badToken)).toBe(false);
  });

  it('is not there for a key never written', () => {
    expect(readValidatorCache('0'.repeat(32), dir)).toBeUndefined();
  });
});

// A module body compiled through the code cache behaves as jest's own compile would have it: a
// function of the test file's context, with the module's own line numbers; the second compile of
// the same source takes the cache, a changed source does not; a cache left on disk by an earlier
// process is taken by the next for the same path and text only. (That the cache makes a run faster
// is measured by `npm run bench`, not asserted here; that jest uses it, by runtime.e2e.test.ts.)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { createCodeCache } from './code-cache';

const PARAMETERS = ['module', 'exports', 'require'];
const MODULE = [
  "'use strict';",
  'function double(n) { return n * 2; }',
  'module.exports = { doubled: double(21), where: () => new Error("here").stack, global: typeof marker === "string" ? marker : undefined };',
].join('\n');

interface Loaded {
  doubled: number;
  where: () => string;
  global: string | undefined;
}

function load(fn: (...args: unknown[]) => unknown): Loaded {
  const module = { exports: {} as Loaded };
  fn.call(module.exports, module, module.exports, require);
  return module.exports;
}

it('compiles a module body into a function of the given context, keeping its line numbers', () => {
  const cache = createCodeCache();
  const context = vm.createContext({ marker: 'file one' });
  const loaded = load(cache.compile(MODULE, PARAMETERS, '/virtual/module.js', context));
  expect(loaded.doubled).toBe(42);
  expect(loaded.global).toBe('file one');
  expect(loaded.where()).toContain('/virtual/module.js:3:');
  expect(cache.stats).toEqual({ hits: 0, diskHits: 0, misses: 1, rejected: 0 });
});

it('takes the cache for the same source in the next context, and compiles a changed one afresh', () => {
  const cache = createCodeCache();
  load(cache.compile(MODULE, PARAMETERS, '/virtual/module.js', vm.createContext({ marker: 'file one' })));
  const again = load(cache.compile(MODULE, PARAMETERS, '/virtual/module.js', vm.createContext({ marker: 'file two' })));
  expect(again.global).toBe('file two');
  expect(again.doubled).toBe(42);
  expect(again.where()).toContain('/virtual/module.js:3:');
  expect(cache.stats).toEqual({ hits: 1, diskHits: 0, misses: 1, rejected: 0 });
  expect(cache.hitsOf('/virtual/module.js')).toBe(1);

  const changed = load(cache.compile(MODULE.replace('n * 2', 'n * 3'), PARAMETERS, '/virtual/module.js', vm.createContext({})));
  expect(changed.doubled).toBe(63);
  expect(cache.stats).toEqual({ hits: 1, diskHits: 0, misses: 2, rejected: 0 });
});

describe('on disk', () => {
  let dir: string;
  beforeEach(() => void (dir = mkdtempSync(path.join(os.tmpdir(), 'cloudlink-code-cache-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /**
   * A process of its own (V8 keeps what it compiled for a source in its own memory too, so a cache
   * read from disk is only proven by a process that has not compiled that source): compiles
   * `source` as `filename` through a code cache on `dir`, runs it, writes what it compiled once, and
   * answers its stats and what the module exported.
   */
  function aProcess(source: string, filename = '/virtual/module.js', { files = 1, call = '' } = {}): { stats: unknown; doubled: unknown } {
    const script = `
      const vm = require('node:vm');
      const cache = require(${JSON.stringify(require.resolve('./code-cache.js'))}).createCodeCache({ dir: ${JSON.stringify(dir)} });
      let module;
      for (let file = 0; file < ${files}; file++) {
        module = { exports: {} };
        cache.compile(${JSON.stringify(source)}, ['module', 'exports', 'require'], ${JSON.stringify(filename)}, vm.createContext({}))(module, module.exports, require);
        ${call ? `module.exports.${call}();` : ''}
      }
      cache.persist();
      process.stdout.write(JSON.stringify({ stats: cache.stats, doubled: module.exports.doubled }));`;
    return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { stats: unknown; doubled: unknown };
  }

  it('gives the next process the cache of a module an earlier one compiled, for the same path and text only', () => {
    expect(aProcess(MODULE).stats).toEqual({ hits: 0, diskHits: 0, misses: 1, rejected: 0 });
    expect(readdirSync(dir)).toHaveLength(1);

    expect(aProcess(MODULE)).toEqual({ stats: { hits: 1, diskHits: 1, misses: 0, rejected: 0 }, doubled: 42 });
    expect(aProcess(MODULE, '/virtual/other.js').stats).toEqual({ hits: 0, diskHits: 0, misses: 1, rejected: 0 });
    expect(aProcess(MODULE.replace('n * 2', 'n * 3'))).toEqual({ stats: { hits: 0, diskHits: 0, misses: 1, rejected: 0 }, doubled: 63 });
    // One cache per path: the changed text's cache replaced the first, which is then no longer taken.
    expect(readdirSync(dir)).toHaveLength(2);
    expect(aProcess(MODULE)).toEqual({ stats: { hits: 0, diskHits: 0, misses: 1, rejected: 0 }, doubled: 42 });
  });

  it('writes a cache back when a later process compiled more of the module than the one on disk holds', () => {
    const size = () => statSync(path.join(dir, readdirSync(dir)[0] ?? '')).size;
    aProcess(MODULE);
    const thin = size();
    // Two test files, whose tests call the module's function: the cache made at the second holds it.
    expect(aProcess(MODULE, '/virtual/module.js', { files: 2, call: 'where' }).stats).toEqual({ hits: 2, diskHits: 1, misses: 0, rejected: 0 });
    expect(size()).toBeGreaterThan(thin);
  });

  it('compiles afresh past a cache V8 turns down, and replaces it', () => {
    aProcess(MODULE);
    const [file] = readdirSync(dir);
    // The right text's hash (its first 20 bytes), then no code cache V8 would take.
    const kept = readFileSync(path.join(dir, file ?? ''));
    writeFileSync(path.join(dir, file ?? ''), Buffer.concat([kept.subarray(0, 20), Buffer.from('not a code cache')]));

    expect(aProcess(MODULE)).toEqual({ stats: { hits: 0, diskHits: 0, misses: 0, rejected: 1 }, doubled: 42 });
    expect(aProcess(MODULE).stats).toEqual({ hits: 1, diskHits: 1, misses: 0, rejected: 0 });
  });
});

it('throws a syntax error naming the file', () => {
  const cache = createCodeCache();
  const thrown = (() => {
    try {
      cache.compile('module.exports = {', PARAMETERS, '/virtual/broken.js', vm.createContext({}));
    } catch (error) {
      return error as Error;
    }
    return undefined;
  })();
  // Node's SyntaxError is not the test file's (another realm): its name says what it is.
  expect(thrown?.name).toBe('SyntaxError');
  expect(thrown?.stack).toContain('/virtual/broken.js');
});

// A module body compiled through the code cache behaves as jest's own compile would have it: a
// function of the test file's context, with the module's own line numbers; the second compile of
// the same source takes the cache, a changed source does not. (That the cache makes a run faster
// is measured by `npm run bench`, not asserted here; that jest uses it, by runtime.e2e.test.ts.)
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
  expect(cache.stats).toEqual({ hits: 0, misses: 1, rejected: 0 });
});

it('takes the cache for the same source in the next context, and compiles a changed one afresh', () => {
  const cache = createCodeCache();
  load(cache.compile(MODULE, PARAMETERS, '/virtual/module.js', vm.createContext({ marker: 'file one' })));
  const again = load(cache.compile(MODULE, PARAMETERS, '/virtual/module.js', vm.createContext({ marker: 'file two' })));
  expect(again.global).toBe('file two');
  expect(again.doubled).toBe(42);
  expect(again.where()).toContain('/virtual/module.js:3:');
  expect(cache.stats).toEqual({ hits: 1, misses: 1, rejected: 0 });
  expect(cache.hitsOf('/virtual/module.js')).toBe(1);

  const changed = load(cache.compile(MODULE.replace('n * 2', 'n * 3'), PARAMETERS, '/virtual/module.js', vm.createContext({})));
  expect(changed.doubled).toBe(63);
  expect(cache.stats).toEqual({ hits: 1, misses: 2, rejected: 0 });
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

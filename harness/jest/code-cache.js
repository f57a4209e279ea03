// Why each test file after a worker's first loads its modules faster. jest gives every test file a
// fresh module registry, so a worker compiles the harness, the sandbox and their packages again
// for each file it runs: parsing each module and, as the file's tests call them, each function.
// Measured with --cpu-prof: 6.8 s of an in-band unit run went to compiling modules (1.8 s with
// this cache), and about 1 s of each replay worker. V8 can serialize what it compiled for a script
// and take it back later in place of compiling (a "code cache"); taken after the script has run,
// it holds the functions compiled while it ran too.
//
// So a worker keeps, per module file, the script it first compiled, and from the second file on
// compiles the same source with that script's code cache. A module whose transformed source
// changed is compiled afresh. The cache lives as long as the worker process and is never written
// to disk: V8 checks that a cache fits its own version and flags, but not that it fits the source,
// so a key on disk would have to hash every module's text.
'use strict';
const vm = require('node:vm');

// Same line as the module's first, so that every line number stays as jest's source map has it.
const wrap = (parameters, source) => `({"Object.<anonymous>":function(${parameters.join(',')}){${source}\n}});`;

/**
 * A compiler of CommonJS module bodies into functions of a vm context, with a code cache per
 * file. `stats` counts the compiles that took a cache (`hits`), that had none (`misses`), and
 * whose cache V8 turned down (`rejected`: compiled afresh, and the cache is replaced);
 * `hitsOf(filename)` counts one file's compiles that took its cache.
 */
function createCodeCache() {
  /** @type {Map<string, { source: string, script: vm.Script | undefined, data: Buffer | undefined, hits: number }>} */
  const entries = new Map();
  const stats = { hits: 0, misses: 0, rejected: 0 };

  /**
   * @param {string} source the module's JavaScript, as jest's transform left it
   * @param {string[]} parameters the names the module function takes (module, exports, require…)
   * @param {string} filename
   * @param {vm.Context} context
   * @param {vm.ScriptOptions['importModuleDynamically']} [importModuleDynamically]
   * @returns {Function}
   */
  function compile(source, parameters, filename, context, importModuleDynamically) {
    const entry = entries.get(filename);
    const known = entry !== undefined && entry.source === source;
    // Taken at the second compile, once the first file's tests have run the module's functions;
    // the script itself is then let go (its cache is a buffer outside the heap the GC walks).
    if (known && entry.data === undefined && entry.script) {
      entry.data = entry.script.createCachedData();
      entry.script = undefined;
    }
    const script = new vm.Script(wrap(parameters, source), {
      filename,
      importModuleDynamically,
      cachedData: known ? entry.data : undefined,
    });
    if (!known) {
      stats.misses++;
      entries.set(filename, { source, script, data: undefined, hits: 0 });
    } else if (script.cachedDataRejected) {
      stats.rejected++;
      entries.set(filename, { source, script, data: undefined, hits: 0 });
    } else {
      stats.hits++;
      entry.hits++;
    }
    return script.runInContext(context)['Object.<anonymous>'];
  }

  /** @param {string} filename */
  const hitsOf = (filename) => entries.get(filename)?.hits ?? 0;

  return { compile, stats, hitsOf };
}

module.exports = { createCodeCache };

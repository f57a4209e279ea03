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
// changed is compiled afresh.
//
// With a directory (runtime.js gives node_modules/.cache/jest-code/), the first file of a process
// takes the caches an earlier process left, too: a run of one file, in band, otherwise compiled
// every module it loaded (measured: one request without the report 50–90 ms faster, 0.95 → 0.86 s
// and 0.88 → 0.83 s, medians of six runs each).
// A cache is kept on disk under a hash of the module's path and Node's version, with the hash of
// the text it was made from: V8 checks that a cache fits its own version and flags, not that it
// fits the source, so a cache made from another text is not taken. It is written
// when the process makes it at a second file's compile (again when it holds more than the one on
// disk), or as the process exits for a module compiled once that has none on disk yet.
'use strict';
const { Buffer } = require('node:buffer');
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

// Same line as the module's first, so that every line number stays as jest's source map has it.
const wrap = (parameters, source) => `({"Object.<anonymous>":function(${parameters.join(',')}){${source}\n}});`;

/**
 * A compiler of CommonJS module bodies into functions of a vm context, with a code cache per
 * file. `stats` counts the compiles that took a cache (`hits`, of which `diskHits` one an earlier
 * process left in `dir`), that had none (`misses`), and whose cache V8 turned down (`rejected`:
 * compiled afresh, and the cache is replaced); `hitsOf(filename)` counts one file's compiles that
 * took its cache. `persist()` writes to `dir` the caches of the modules compiled only once that
 * have none there yet (the jest runtime calls it as its process exits).
 *
 * @param {{ dir?: string }} [options]
 */
function createCodeCache({ dir } = {}) {
  /** @type {Map<string, { source: string, script: vm.Script | undefined, data: Buffer | undefined, hits: number, key: string | undefined, text: Buffer | undefined, onDisk: number }>} */
  const entries = new Map();
  const stats = { hits: 0, diskHits: 0, misses: 0, rejected: 0 };
  // One file per module path and Node version, headed by the hash of the text its cache was made
  // from: a module whose text changed replaces its file instead of adding one.
  const keyOf = (filename) => dir && createHash('sha1').update(process.version).update('\0').update(filename).digest('hex');
  const textOf = (wrapped) => createHash('sha1').update(wrapped).digest();

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
    // A cache read from disk holds what the process that wrote it had compiled, maybe less than
    // this one's first file did: it is made again here too, and written back when it holds more.
    if (known && entry.data === undefined && entry.script) {
      entry.data = entry.script.createCachedData();
      entry.script = undefined;
      if (entry.key && entry.data.length > entry.onDisk) writeToDisk(dir, entry.key, entry.text, entry.data);
    }
    const wrapped = wrap(parameters, source);
    const key = known ? entry.key : keyOf(filename);
    const text = known ? entry.text : key && textOf(wrapped);
    const left = !known && key ? readFromDisk(dir, key, text) : undefined;
    const script = new vm.Script(wrapped, {
      filename,
      importModuleDynamically,
      cachedData: known ? entry.data : left,
    });
    if (script.cachedDataRejected || (!known && !left)) {
      if (known || left) stats.rejected++;
      else stats.misses++;
      entries.set(filename, { source, script, data: undefined, hits: 0, key, text, onDisk: 0 });
    } else if (known) {
      stats.hits++;
      entry.hits++;
    } else {
      stats.hits++;
      stats.diskHits++;
      entries.set(filename, { source, script, data: undefined, hits: 1, key, text, onDisk: left?.length ?? 0 });
    }
    return script.runInContext(context)['Object.<anonymous>'];
  }

  /** @param {string} filename */
  const hitsOf = (filename) => entries.get(filename)?.hits ?? 0;

  function persist() {
    for (const entry of entries.values()) {
      if (entry.key && entry.script && entry.data === undefined && entry.onDisk === 0) writeToDisk(dir, entry.key, entry.text, entry.script.createCachedData());
    }
  }

  return { compile, stats, hitsOf, persist };
}

/**
 * The cache kept for `key`, when it was made from the text whose hash is `text`.
 *
 * @returns {Buffer | undefined}
 */
function readFromDisk(dir, key, text) {
  try {
    const kept = readFileSync(path.join(dir, key));
    return kept.subarray(0, text.length).equals(text) ? kept.subarray(text.length) : undefined;
  } catch {
    return undefined;
  }
}

// Directories made by this process: a first run writes a cache per module as it exits.
const made = new Set();

// Processes write side by side: each writes its own file and renames it into place. A cache that
// cannot be written is only a slower next start.
function writeToDisk(dir, key, text, data) {
  const file = path.join(dir, key);
  try {
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([text, data]));
    renameSync(temporary, file);
  } catch {
    // See above.
  }
}

module.exports = { createCodeCache };

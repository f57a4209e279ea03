// The jest runtime of every project (jest.config.ts `runtime`): jest's own, whose module bodies are
// compiled through one code cache per worker process (./code-cache.js says why), and whose module
// sources are read through one source cache per worker process (./source-cache.js). jest requires
// this file itself, without its transform, hence JavaScript.
//
// jest-runtime has no option for either: it compiles in `compile(source, filename)` of its internal
// module executor and reads in `readFile(filename)` of its file cache, which this replaces on each
// instance. Should a jest upgrade move either method, that part is jest's own, unchanged, and
// runtime.e2e.test.ts fails to say so.
'use strict';
const Runtime = require('jest-runtime').default;
const { appendFileSync } = require('node:fs');
const path = require('node:path');
const { createCodeCache } = require('./code-cache');
const { createSourceCache } = require('./source-cache');

// Once per worker process: jest requires a project's runtime with Node's require, not per test file.
// The code caches are also kept on disk for the next process (./code-cache.js says why).
const codeCache = createCodeCache({ dir: path.join(__dirname, '..', '..', 'node_modules', '.cache', 'jest-code') });
process.on('exit', codeCache.persist);
const sourceCache = createSourceCache();

class CodeCachingRuntime extends Runtime {
  constructor(...args) {
    super(...args);
    const fileCache = this.fileCache;
    if (typeof fileCache?.readFile === 'function') {
      const readFromDisk = fileCache.readFile.bind(fileCache);
      fileCache.readFile = (filename) => sourceCache.read(filename, readFromDisk);
    }
    const executor = this.executor;
    if (typeof executor?.compile !== 'function') return;
    // V8 coverage maps offsets in the module as jest compiled it; the wrapper would shift them.
    const coverage = this._coverageOptions;
    if (coverage?.collectCoverage && coverage.coverageProvider === 'v8') return;
    const jestCompile = executor.compile.bind(executor);
    executor.compile = (source, filename) => {
      const context = executor.environment.getVmContext();
      // Node's own modules, and the cases where jest's errors say more: its compile again.
      if (context == null || executor.resolution.isCoreModule(filename)) return jestCompile(source, filename);
      const importModuleDynamically = (specifier, _script, attributes, phase) => executor.dynamicImport(specifier, filename, context, attributes, phase);
      try {
        return codeCache.compile(source, executor.injectedModuleParameters, filename, context, importModuleDynamically);
      } catch {
        // A syntax error: jest's compile names the file and the cause the way jest users know.
        return jestCompile(source, filename);
      }
    };
  }
}

// CLOUDLINK_CODE_CACHE_REPORT names a file each worker appends its counts to when it exits (and
// CLOUDLINK_CODE_CACHE_FILE one module whose own hits it adds): how runtime.e2e.test.ts sees that
// the caches are used, and how to look at them in a run of one's own.
const report = process.env.CLOUDLINK_CODE_CACHE_REPORT;
if (report) {
  const file = process.env.CLOUDLINK_CODE_CACHE_FILE;
  const line = () => ({
    pid: process.pid,
    ...codeCache.stats,
    sourceHits: sourceCache.stats.hits,
    sourceMisses: sourceCache.stats.misses,
    ...(file ? { fileHits: codeCache.hitsOf(file), fileSourceHits: sourceCache.hitsOf(file) } : {}),
  });
  process.on('exit', () => appendFileSync(report, `${JSON.stringify(line())}\n`));
}

module.exports = CodeCachingRuntime;

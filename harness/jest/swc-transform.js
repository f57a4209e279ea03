// jest's transform of the project's TypeScript: @swc/jest, loaded only when a file must really be
// compiled. jest asks the transformer for each file's cache key first, and compiles only on a
// miss; @swc/jest cannot answer before it has loaded @swc/core, whose native binding and module
// were about 65 ms of every jest worker's start (--cpu-prof), although jest's transform cache held
// every file. So the key is computed here, from everything the compiled output depends on: the
// source, the file, jest's options for it, the options below, and the versions of @swc/core and
// @swc/jest. jest requires this file itself, without its transform, hence JavaScript.
'use strict';
const { createHash } = require('node:crypto');

// The versions, from the packages' manifests: neither loads the compiler.
const VERSIONS = ['@swc/core', '@swc/jest'].map((name) => `${name}@${require(`${name}/package.json`).version}`);

/** The cache key's own version: changed when what the key covers changes. */
const KEY_VERSION = '1';

/** @param {Record<string, unknown>} [swcOptions] @swc/jest's options, as jest.config.ts gives them */
function createTransformer(swcOptions = {}) {
  /** @type {{ process: Function, processAsync: Function } | undefined} */
  let compiler;
  const swcJest = () => (compiler ??= require('@swc/jest').createTransformer(swcOptions));
  const optionsText = JSON.stringify(swcOptions);
  return {
    // As @swc/jest answers for options without its coverage plugin: jest instruments for coverage.
    canInstrument: false,
    /**
     * @param {string} source
     * @param {string} filename
     * @param {{ configString?: string, instrument?: boolean, supportsStaticESM?: boolean, supportsDynamicImport?: boolean, supportsExportNamespaceFrom?: boolean, supportsTopLevelAwait?: boolean }} options
     */
    getCacheKey(source, filename, options) {
      const callerSupport = [options.supportsStaticESM, options.supportsDynamicImport, options.supportsExportNamespaceFrom, options.supportsTopLevelAwait]
        .map((flag) => (flag === true ? '1' : '0'))
        .join('');
      return [KEY_VERSION, ...VERSIONS, optionsText, filename, options.instrument ? 'instrument' : '', options.configString ?? '', callerSupport, source]
        .reduce((hash, part) => hash.update(part).update('\0'), createHash('sha1'))
        .digest('hex');
    },
    process(source, filename, options) {
      return swcJest().process(source, filename, options);
    },
    processAsync(source, filename, options) {
      return swcJest().processAsync(source, filename, options);
    },
  };
}

module.exports = { createTransformer };

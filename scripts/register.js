// The TypeScript loader of every script: `node -r ./scripts/register.js scripts/<name>.ts`. It
// compiles each .ts file as it is required, with @swc/core in this process and the same options
// as jest's transform (jest.config.ts), so a script and a test run the same JavaScript. It replaced
// esbuild-register, which sent each file to esbuild's service process and back: about 0.3 s of
// every script's start (measured with --cpu-prof on `npm start -- -r "POST Token"`). Type-checking
// is `npm run typecheck`'s job, not this file's.
'use strict';
const { readFileSync } = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

// Stack traces then name the .ts file's own lines.
process.setSourceMapsEnabled(true);

const options = {
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
};

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};

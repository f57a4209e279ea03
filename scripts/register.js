// The TypeScript loader of every script: `node -r ./scripts/register.js scripts/<name>.ts`. It
// compiles each .ts file as it is required, with @swc/core in this process and the same options
// as jest's transform (jest.config.ts), so a script and a test run the same JavaScript. It replaced
// esbuild-register, which sent each file to esbuild's service process and back: about 0.3 s of
// every script's start (measured with --cpu-prof on `npm start -- -r "POST Token"`). Type-checking
// is `npm run typecheck`'s job, not this file's.
//
// What it compiles is kept in node_modules/.cache/register/, under a hash of the file's path and
// text and of the compiler's version and options: a script whose files have not changed loads
// without @swc/core at all (its native binding alone took about 80 ms of every start), and the
// modules of a live run's global setup, which jest's own hook passes through this loader too, are
// no longer compiled twice.
'use strict';
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const path = require('node:path');

// Stack traces then name the .ts file's own lines.
process.setSourceMapsEnabled(true);

const options = {
  sourceMaps: 'inline',
  module: { type: 'commonjs' },
  jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
};

// CLOUDLINK_REGISTER_CACHE puts it elsewhere (its tests use a folder of their own).
const CACHE = process.env.CLOUDLINK_REGISTER_CACHE || path.join(__dirname, '..', 'node_modules', '.cache', 'register');
const SALT = JSON.stringify([require('@swc/core/package.json').version, options]);

// Node 22.1 and later can keep V8's compiled code of the modules Node loads on disk, checked against
// each file's text. It is turned on for this process, and NODE_COMPILE_CACHE hands it to the
// processes this one starts (jest's workers, which run without this loader, `npm test`'s checks,
// Allure's process), which read it as they start. Measured on Node 22.23 here: `npm start --
// --mode replay -c authentication -r "POST Token" --no-html` 0.99 → 0.86 s (medians of 4), and a
// replay run's CPU 8.3 → 7.8 s (medians of 5). Node 20 has no such cache; there this does nothing.
if (typeof Module.enableCompileCache === 'function') {
  const compileCache = path.join(path.dirname(CACHE), 'node-compile');
  Module.enableCompileCache(compileCache);
  // A directory the user chose (NODE_COMPILE_CACHE set already) stays theirs, here and in children.
  process.env.NODE_COMPILE_CACHE ??= compileCache;
}

function compile(source, filename) {
  const key = createHash('sha1').update(SALT).update('\0').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE, `${key}.js`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    // Not compiled yet: below.
  }
  const { code } = require('@swc/core').transformSync(source, { ...options, filename });
  try {
    mkdirSync(CACHE, { recursive: true });
    // Scripts run side by side (npm test): each writes its own file and renames it into place.
    const temporary = `${cached}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, cached);
  } catch {
    // A read-only or full disk only costs the next start a compile.
  }
  return code;
}

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(compile(readFileSync(filename, 'utf8'), filename), filename);
};

// Why a process's validators usually come from a file. ajv turns each schema into a JavaScript
// function; loading ajv and compiling every schema under schemas/ cost each process that validates
// about 190 ms here (measured: ~60 ms loading ajv and adding the documents, ~130 ms compiling), and
// every jest worker of a run pays it, as does every unit test file that validates. ajv can also
// write what it compiled as a module ("standalone code": its own code generator, the same options),
// and loading that module gives the same validators in about 25 ms.
//
// The file is a cache, not a source: its name is a hash of everything that decides its content
// (each schema document, ajv's and ajv-formats' versions, the options), so an edited schema or an
// upgraded ajv simply finds no file, and the registry compiles and writes a new one. It lives in
// node_modules/.cache/ beside jest's and the scripts' caches, is never committed, and a file that
// cannot be read or written only costs the compile it would have saved.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { REPO_ROOT } from './files';

export const VALIDATOR_CACHE_DIR = path.join(REPO_ROOT, 'node_modules', '.cache', 'validators');

// The generated module requires pieces of ajv's runtime and ajv-formats' formats by package name.
const requireFromHere = createRequire(__filename);

export type Validators = Record<string, ValidateFunction>;

/** The name a set of validators is kept under: changes whenever anything that shapes them does. */
export function validatorCacheKey(documents: ReadonlyMap<string, unknown>, options: unknown): string {
  const hash = createHash('sha256');
  for (const name of ['ajv', 'ajv-formats']) {
    hash.update(`${name}@${(requireFromHere(`${name}/package.json`) as { version: string }).version}\n`);
  }
  hash.update(`${JSON.stringify(options)}\n`);
  for (const [id, document] of documents) hash.update(`${id}\n${JSON.stringify(document)}\n`);
  return hash.digest('hex').slice(0, 32);
}

/** The validators kept under `key`, or undefined when there is no such file or it does not load. */
export function readValidatorCache(key: string, dir: string = VALIDATOR_CACHE_DIR): Validators | undefined {
  let code: string;
  try {
    code = readFileSync(path.join(dir, `${key}.js`), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const module = { exports: {} as Validators };
    // The file was written by writeValidatorCache from ajv's generator; a torn or edited one fails here
    // and is compiled again and replaced.
    new Function('require', 'module', 'exports', code)(requireFromHere, module, module.exports);
    return module.exports;
  } catch {
    return undefined;
  }
}

/**
 * Keeps `code` (ajv's standalone module) under `key`, replacing the files of older keys: one set of
 * schemas is current in a checkout. Written aside and renamed, so a process that reads at the same
 * moment sees a whole file or none. Failing to write (a read-only node_modules) is not an error.
 */
export function writeValidatorCache(key: string, code: string, dir: string = VALIDATOR_CACHE_DIR): void {
  const file = path.join(dir, `${key}.js`);
  const aside = `${file}.${process.pid}.tmp`;
  let written = false;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(aside, code);
    written = true;
    renameSync(aside, file);
    written = false;
    for (const name of readdirSync(dir)) {
      if (name !== `${key}.js` && name.endsWith('.js')) rmSync(path.join(dir, name), { force: true });
    }
  } catch {
    if (written) rmSync(aside, { force: true });
  }
}

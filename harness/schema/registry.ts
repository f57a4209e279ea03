// THE ajv instance of the project, and the validators it makes. Every schema under schemas/ is read
// the first time anything asks; its validator comes from the validator cache when one fits the
// schemas as they are (./validator-cache.ts says why), and otherwise ajv compiles them all and the
// cache is written for the next process. A second instance would compile the same schemas twice and
// could disagree on options, so anything that validates against a contract (matcher, drift,
// sandbox tests) comes through here.
//
// Loading is paid in every jest test file outside the suites (each has its own module registry), so:
// ajv is required only when there is something to compile, not on import (~55 ms), and documents
// are not checked against the draft-07 meta-schema on load (~35 ms to compile that checker); the
// schema tests do that through checkAgainstMetaSchema instead.
import type { default as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { listSchemaFiles, readSchema, type JsonSchema, type SchemaFile } from './files';
import { readValidatorCache, validatorCacheKey, VALIDATOR_CACHE_DIR, writeValidatorCache, type Validators } from './validator-cache';

/** One reason a value does not match a schema. */
export interface SchemaProblem {
  /** JSON Pointer into the validated value ("" for the value itself), e.g. "/_embedded/items/0/active". */
  instancePath: string;
  /** Where in the schema the failing keyword sits, e.g. "#/properties/active/type". */
  schemaPath: string;
  /** What is wrong, e.g. "must be boolean". */
  message: string;
  /** The value found at `instancePath` (for a missing property: the object that lacks it). Not masked. */
  value: unknown;
}

export interface SchemaVerdict {
  valid: boolean;
  problems: SchemaProblem[];
}

interface Loaded {
  file: SchemaFile;
  schema: JsonSchema;
}

export interface Registry {
  schemas: Map<string, Loaded>;
  /** The ajv instance with every schema added, made on first call. */
  ajv(): AjvClass;
  /** The validator of a known schema id: from the cache, or compiled. */
  validatorFor(schemaId: string): ValidateFunction;
}

let registry: Registry | undefined;

/** Validates `value` against the schema `schemaId` (e.g. "authentication/token"). */
export function validateAgainst(schemaId: string, value: unknown): SchemaVerdict {
  const validate = validatorFor(schemaId);
  const valid = validate(value);
  const errors = validate.errors ?? [];
  return { valid: valid === true, problems: valid ? [] : errors.map((error) => toProblem(error, value)) };
}

/** Every schema id, sorted. */
export function knownSchemaIds(): string[] {
  return [...load().schemas.keys()];
}

/** The file that defines a schema, relative to the repository root, e.g. "schemas/authentication/token.schema.json". */
export function schemaFileOf(schemaId: string): string {
  return loaded(schemaId).file.relativePath;
}

/** The schema document as loaded (for tools that walk a contract, such as drift reports). Do not mutate. */
export function schemaDocument(schemaId: string): JsonSchema {
  return loaded(schemaId).schema;
}

/** Where a schema document breaks the draft-07 meta-schema (empty when it conforms), e.g. "/properties/name/type must be …". */
export function checkAgainstMetaSchema(document: JsonSchema): string[] {
  const ajv = load().ajv();
  if (ajv.validateSchema(document)) return [];
  return (ajv.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? error.keyword}`);
}

function validatorFor(schemaId: string): ValidateFunction {
  loaded(schemaId);
  return load().validatorFor(schemaId);
}

function loaded(schemaId: string): Loaded {
  const { schemas } = load();
  const entry = schemas.get(schemaId);
  if (!entry) {
    throw new Error(
      `Unknown schema id "${schemaId}". Known schema ids: ${[...schemas.keys()].join(', ') || '(none)'}. ` +
        'A schema id is the path of a schemas/**/*.schema.json file without that suffix.',
    );
  }
  return entry;
}

/**
 * Where the suites' jest environment (harness/jest/environment.ts) puts a function returning its
 * worker's registry. The environment module is loaded once per worker, so its registry outlives
 * each test file: schemas are read and compiled once per worker instead of once per file.
 */
export const WORKER_REGISTRY = '__cloudlinkSchemaRegistry';

function load(): Registry {
  if (registry) return registry;
  const shared = (globalThis as Record<string, unknown>)[WORKER_REGISTRY] as (() => Registry) | undefined;
  registry = shared ? shared() : createRegistry();
  return registry;
}

/** This module's registry, made on first use; the jest environment hands it to every test file of its worker. */
export function workerRegistry(): Registry {
  registry ??= createRegistry();
  return registry;
}

const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  // The claims carry values that arrive either natively or as strings ("type": ["integer", "string"]).
  allowUnionTypes: true,
  // ajv's passes that tidy each generated validator cost a third of compiling it and made checking
  // no faster here (measured: all schemas 220 → 150 ms in a fresh process). `source` keeps each
  // validator's code, which is what the cache file is written from.
  code: { optimize: false, source: true },
} as const;

/** A registry of the schemas under schemas/; `cacheDir` is where its validators are kept between processes. */
export function createRegistry(cacheDir: string = VALIDATOR_CACHE_DIR): Registry {
  const schemas = new Map<string, Loaded>();
  for (const file of listSchemaFiles()) {
    const schema = readSchema(file);
    if (schema.$id !== file.id) {
      throw new Error(`${file.relativePath} must declare "$id": "${file.id}" (it declares ${JSON.stringify(schema.$id)}).`);
    }
    schemas.set(file.id, { file, schema });
  }
  const key = validatorCacheKey(new Map([...schemas].map(([id, { schema }]) => [id, schema])), { ajv: AJV_OPTIONS, formats: 'ajv-formats' });
  let ajv: AjvClass | undefined;
  const ajvOf = (): AjvClass => (ajv ??= newAjv(schemas));
  let validators: Validators | undefined = readValidatorCache(key, cacheDir);
  let compiledAll = false;
  return {
    schemas,
    ajv: ajvOf,
    validatorFor(schemaId) {
      if (!validators && !compiledAll) {
        compiledAll = true;
        validators = compileAndKeep(ajvOf(), [...schemas.keys()], key, cacheDir);
      }
      // Without validators (a schema ajv refuses), each is compiled alone and the refused one throws ajv's reason.
      const validate = validators?.[schemaId] ?? ajvOf().getSchema(schemaId);
      if (!validate) throw new Error(`ajv could not compile schema "${schemaId}".`);
      return validate;
    },
  };
}

function newAjv(schemas: Map<string, Loaded>): AjvClass {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded when there is something to compile, not when a suite imports the harness */
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  const { default: addFormats } = require('ajv-formats') as typeof import('ajv-formats');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new Ajv(AJV_OPTIONS);
  addFormats(ajv);
  for (const { schema } of schemas.values()) ajv.addSchema(schema, undefined, undefined, false);
  return ajv;
}

/** Compiles every schema, writes the cache file from the result, and returns the compiled validators. */
function compileAndKeep(ajv: AjvClass, ids: string[], key: string, cacheDir: string): Validators | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- only when the cache missed
    const { default: standaloneCode } = require('ajv/dist/standalone') as typeof import('ajv/dist/standalone');
    writeValidatorCache(key, standaloneCode(ajv, Object.fromEntries(ids.map((id) => [id, id]))), cacheDir);
    return Object.fromEntries(ids.map((id) => [id, ajv.getSchema(id) as ValidateFunction]));
  } catch {
    return undefined;
  }
}

function toProblem(error: ErrorObject, root: unknown): SchemaProblem {
  return {
    instancePath: error.instancePath,
    schemaPath: error.schemaPath,
    message: describeError(error),
    value: valueAt(root, error.instancePath),
  };
}

/** ajv's message, plus the detail it keeps in params (which values were allowed, which property is extra). */
function describeError(error: ErrorObject): string {
  const message = error.message ?? `fails ${error.keyword}`;
  const params = error.params as Record<string, unknown>;
  if (Array.isArray(params.allowedValues)) {
    return `${message}: ${params.allowedValues.map((allowed) => JSON.stringify(allowed)).join(', ')}`;
  }
  if (typeof params.additionalProperty === 'string') return `${message}: ${params.additionalProperty}`;
  return message;
}

function valueAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let node: unknown = root;
  for (const segment of pointer.slice(1).split('/')) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

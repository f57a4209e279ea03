// THE ajv instance of the project. Every schema under schemas/ is added (parsed, not compiled) the
// first time anything asks, and each one is compiled on its first validation; ajv keeps the compiled
// function. A second instance would compile the same schemas twice and could disagree on options,
// so anything that validates against a contract (matcher, drift, sandbox tests) comes through here.
//
// Loading is paid in every jest test file (each has its own module registry) because the setup files
// import the matcher, so: ajv is required on first use, not on import (~55 ms), and documents are not
// checked against the draft-07 meta-schema on load (~35 ms to compile that checker); the schema tests
// do that through checkAgainstMetaSchema instead.
import type { default as AjvClass, ErrorObject, ValidateFunction } from 'ajv';
import { listSchemaFiles, readSchema, type JsonSchema, type SchemaFile } from './files';

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
  ajv: AjvClass;
  schemas: Map<string, Loaded>;
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
  const { ajv } = load();
  if (ajv.validateSchema(document)) return [];
  return (ajv.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? error.keyword}`);
}

function validatorFor(schemaId: string): ValidateFunction {
  loaded(schemaId);
  const validate = load().ajv.getSchema(schemaId);
  if (!validate) throw new Error(`ajv could not compile schema "${schemaId}".`);
  return validate;
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

function createRegistry(): Registry {
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on the first check, not when a suite imports the harness */
  const { default: Ajv } = require('ajv') as typeof import('ajv');
  const { default: addFormats } = require('ajv-formats') as typeof import('ajv-formats');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    // The claims carry values that arrive either natively or as strings ("type": ["integer", "string"]).
    allowUnionTypes: true,
    // ajv's passes that tidy each generated validator cost a third of compiling it and made checking
    // no faster here (measured: all schemas 220 → 150 ms in a fresh process, paid in every worker).
    code: { optimize: false },
  });
  addFormats(ajv);
  const schemas = new Map<string, Loaded>();
  for (const file of listSchemaFiles()) {
    const schema = readSchema(file);
    if (schema.$id !== file.id) {
      throw new Error(`${file.relativePath} must declare "$id": "${file.id}" (it declares ${JSON.stringify(schema.$id)}).`);
    }
    ajv.addSchema(schema, undefined, undefined, false);
    schemas.set(file.id, { file, schema });
  }
  return { ajv, schemas };
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

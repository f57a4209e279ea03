// `npm run import`: a Postman collection (and optionally its environment) becomes an environment
// file, a collection module, a suite skeleton and the schemas inferred from saved examples. The
// conversion is done in memory first and checked as a whole (every variable used must be defined
// somewhere), so a bad export fails with one message before any file is written.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { UserError } from '../../../harness/user-error';
import path from 'node:path';
import { DYNAMIC_VARIABLES, KNOWN_VARIABLES } from '../../../harness/env';
import { listSchemaFiles } from '../../../harness/schema/files';
import { importEnvironment, type ImportedEnvironment } from '../environment';
import { PostmanInputError, itemLabel, listWithin, type SourceCollection } from '../format';
import { checkReadableFile, checkTarget, checkWritableDir } from '../limits';
import { readPostmanCollection } from '../read-collection';
import { convertRequest, type ImportedRequest } from './convert';
import { kebabCase } from './infer-schema';
import { knownRoutes, type KnownRoute } from './known-routes';
import { findCreatedThings, neededParameters, type CreatedThing } from './lifecycle';
import { fillFromSandbox, type FilledValue, type SandboxSeed } from './sandbox-values';
import { renderCollectionModule } from './render-collection';
import { renderSuite } from './render-suite';
import { camelCase } from './render-ts';
import { translateScripts, type ScriptLine, type Translation } from './scripts';
import type { SharedScriptRecord, UntranslatedScripts } from './postman-scripts';

export interface ImportOptions {
  collectionFile: string;
  environmentFile?: string;
  /** The repository root that gets environments/, suites/<api>/ and schemas/<api>/. */
  rootDir: string;
  /** The folder under suites/; default: the collection's name in kebab case. */
  name?: string;
  /** Overwrite files an earlier import wrote (those carrying IMPORT_BANNER); never any other. */
  force?: boolean;
  /** Fill values from the sandbox's seed (readSandboxSeed), so the suite runs against the sandbox as written. */
  sandboxSeed?: SandboxSeed;
  /** Where harness/ is, for the generated imports; default: this repository's. */
  harnessDir?: string;
}

export interface ImportedCollection {
  name: string;
  api: string;
  version: string;
  description?: string;
  requests: ImportedRequest[];
  environment?: ImportedEnvironment;
  /** The collection- and folder-level script lines that could not be translated. */
  sharedScripts: Array<{ where: string; line: ScriptLine }>;
  /** The same lines by collection and folder, as the collection module keeps them for the export. */
  sharedUntranslated: SharedScriptRecord;
  /** Dynamic variables ({{$randomEmail}}) the harness does not generate. */
  unknownDynamic: string[];
  /** What the collection creates, who uses it and which DELETE removes it. */
  things: CreatedThing[];
  /** By request name: the parameters its test needs filled in (blank ones skip it). */
  needed: Map<string, string[]>;
  /** Values taken from the sandbox's seed (--fill-from-sandbox). */
  filled: FilledValue[];
}

/** The first line of every file an import writes (a `$comment` or a field in JSON): `--force` overwrites only these. */
export const IMPORT_BANNER = 'Written by `npm run import` (cloudlink-harness); --force may overwrite it.';

export interface ImportResult extends ImportedCollection {
  /** Paths written, relative to rootDir. */
  files: string[];
}

const HARNESS_DIR = path.resolve(__dirname, '..', '..', '..', 'harness');

export function importPostman(options: ImportOptions): ImportResult {
  // The name becomes a folder under suites/ and schemas/ and part of every schema id.
  if (options.name !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(options.name)) {
    throw new UserError(`--name "${options.name}" must be lower-case letters, digits and dashes (it names suites/<name>/ and schemas/<name>/).`);
  }
  const source = readPostmanCollection(options.collectionFile);
  const environmentText = options.environmentFile === undefined ? undefined : readText(options.environmentFile);
  const knownSchemaIds = new Set(listSchemaFiles(options.rootDir).map((file) => file.id));
  const imported = convertCollection(source, {
    api: options.name,
    environmentText,
    environmentFile: options.environmentFile,
    knownSchemaIds,
    knownRoutes: knownRoutes(),
    sandboxSeed: options.sandboxSeed,
  });
  return { ...imported, files: writeImport(imported, source.file, options) };
}

export interface ConvertOptions {
  api?: string;
  environmentText?: string;
  environmentFile?: string;
  knownSchemaIds?: ReadonlySet<string>;
  knownRoutes?: ReadonlyMap<string, KnownRoute>;
  sandboxSeed?: SandboxSeed;
}

export function convertCollection(source: SourceCollection, options: ConvertOptions = {}): ImportedCollection {
  const api = options.api ?? (kebabCase(source.name) || 'imported');
  const context = { file: source.file, api, knownSchemaIds: options.knownSchemaIds ?? new Set<string>(), knownRoutes: options.knownRoutes };
  const collectionScripts = translateScripts(source.scripts.test, source.scripts.prerequest);
  const folderScripts = source.folders.map((folder) => ({ folder, translation: translateScripts(folder.scripts.test, folder.scripts.prerequest) }));
  const requests = source.requests.map((request) => {
    const above = folderScripts.filter(({ folder }) => folder.path.every((name, index) => request.folders[index] === name));
    return convertRequest(request, context, [collectionScripts, ...above.map((f) => f.translation)]);
  });
  let environment = importEnvironment({
    text: options.environmentText,
    file: options.environmentFile,
    collectionVariables: source.variables,
    addedSecrets: requests.flatMap((r) => r.secrets),
    fallbackName: api,
  });
  let filled: FilledValue[] = [];
  if (options.sandboxSeed) {
    environment ??= { stem: api, document: { name: api, values: [], _postman_variable_scope: 'environment' }, secrets: [] };
    filled = fillFromSandbox(environment, requests, options.sandboxSeed);
  }
  const sharedScripts = [
    ...collectionScripts.untranslated.map((line) => ({ where: 'collection', line })),
    ...folderScripts.flatMap(({ folder, translation }) => translation.untranslated.map((line) => ({ where: `folder ${folder.path.join(' › ')}`, line }))),
  ];
  const sharedUntranslated: SharedScriptRecord = { folders: [] };
  const collectionLines = untranslatedOf(collectionScripts);
  if (collectionLines) sharedUntranslated.collection = collectionLines;
  for (const { folder, translation } of folderScripts) {
    const lines = untranslatedOf(translation);
    if (lines) sharedUntranslated.folders.push({ path: folder.path, ...lines });
  }
  const unknownDynamic = checkVariables(source, requests, environment);
  const things = findCreatedThings(requests);
  const needed = neededParameters(requests, things);
  return {
    name: source.name,
    api,
    version: source.version,
    description: source.description,
    requests,
    environment,
    sharedScripts,
    sharedUntranslated,
    unknownDynamic,
    things,
    needed,
    filled,
  };
}

function untranslatedOf(translation: Translation): UntranslatedScripts | undefined {
  if (translation.untranslated.length === 0) return undefined;
  const lines = (listen: ScriptLine['listen']) => translation.untranslated.filter((l) => l.listen === listen).map((l) => l.text);
  const out: UntranslatedScripts = { test: lines('test'), prerequest: lines('prerequest') };
  if (translation.bodyNames.length > 0) out.bodyNames = translation.bodyNames;
  return out;
}

/** Refuses a variable that nothing defines; returns the dynamic ones the harness cannot generate. */
function checkVariables(source: SourceCollection, requests: ImportedRequest[], environment: ImportedEnvironment | undefined): string[] {
  const defined = new Set<string>([
    ...KNOWN_VARIABLES,
    ...(environment?.document.values.map((v) => v.key) ?? []),
    ...requests.flatMap((r) => r.captures.map((c) => c.variable)),
  ]);
  const undefinedUses = new Map<string, string[]>();
  const unknownDynamic = new Set<string>();
  for (const imported of requests) {
    const own = new Set(imported.parameters.map((p) => p.name));
    for (const name of imported.variables) {
      if (name.startsWith('$')) {
        if (!DYNAMIC_VARIABLES.includes(name)) unknownDynamic.add(name);
      } else if (!defined.has(name) && !own.has(name)) {
        // Pushed, not copied: a collection with thousands of users of one variable stays linear.
        const items = undefinedUses.get(name) ?? [];
        if (items.length === 0) undefinedUses.set(name, items);
        items.push(itemLabel(imported.folders, imported.request.name));
      }
    }
  }
  const [first] = undefinedUses.entries();
  if (first) {
    const list = listWithin(
      [...undefinedUses].map(
        ([name, items]) =>
          `{{${name}}} (used by ${listWithin(
            items.map((item) => `"${item}"`),
            5,
          )})`,
      ),
      10,
    );
    throw new PostmanInputError(
      source.file,
      `${list} ${undefinedUses.size === 1 ? 'is' : 'are'} used but never defined: not in the environment export, the collection's variables, ` +
        "the harness's own variables, or set by any script; pass the environment with --environment, or add them to the collection's variables",
      first[1][0],
    );
  }
  return [...unknownDynamic];
}

function writeImport(imported: ImportedCollection, sourceFile: string, options: ImportOptions): string[] {
  const root = options.rootDir;
  const suiteDir = path.join(root, 'suites', imported.api);
  const harnessImport = toImportPath(path.relative(suiteDir, options.harnessDir ?? HARNESS_DIR));
  const exportName = camelCase(imported.api);
  const source = path.basename(sourceFile);
  const files = new Map<string, string>();
  if (imported.environment) {
    files.set(
      `environments/${imported.environment.stem}.postman_environment.json`,
      `${JSON.stringify({ ...imported.environment.document, _cloudlink_written_by: IMPORT_BANNER }, null, 2)}\n`,
    );
  }
  files.set(
    `suites/${imported.api}/collection.ts`,
    renderCollectionModule({ ...imported, exportName, harnessImport, source, requests: imported.requests, banner: IMPORT_BANNER }),
  );
  files.set(`suites/${imported.api}/${imported.api}.test.ts`, renderSuite({ ...imported, exportName, harnessImport, source, banner: IMPORT_BANNER }));
  for (const schema of imported.requests.flatMap((r) => r.schemas)) {
    files.set(`schemas/${schema.id}.schema.json`, `${JSON.stringify({ $comment: IMPORT_BANNER, ...schema.schema }, null, 2)}\n`);
  }

  checkWritableDir(root, '--root');
  const existing = [...files.keys()].filter((file) => existsSync(path.join(root, file)));
  for (const file of existing) checkTarget(path.join(root, file));
  // --force replaces an earlier import, never a hand-written suite or environment that shares its name.
  const foreign = existing.filter((file) => !readFileSync(path.join(root, file), 'utf8').includes(IMPORT_BANNER));
  if (foreign.length > 0) {
    throw new UserError(
      `Import of ${sourceFile} would overwrite ${listWithin(foreign)}, which ${foreign.length === 1 ? 'was' : 'were'} not written by an import; ` +
        'no --force replaces such a file: pass --name <folder> to import under another name.',
    );
  }
  if (existing.length > 0 && !options.force) {
    throw new UserError(
      `Import of ${sourceFile} would overwrite ${listWithin(existing)}; pass --force to overwrite, or --name <folder> to import under another name.`,
    );
  }
  for (const [file, text] of files) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return [...files.keys()];
}

function toImportPath(relative: string): string {
  const posix = relative.split(path.sep).join('/');
  return posix.startsWith('.') ? posix : `./${posix}`;
}

function readText(file: string): string {
  checkReadableFile(file);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new PostmanInputError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}

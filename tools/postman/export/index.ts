// `npm run export`: every collection as a Postman v2.1 collection plus the matching environment.
// A Postman run has no test code to pass ids between requests, so the export decides the run
// order (token setup first; deletions last, newest resource first), where each {{variable}} comes
// from (captured from an earlier answer, set by a script, a sample from the recorded suites, or
// left for the user), and writes that down in the variables' descriptions.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { UserError } from '../../../harness/user-error';
import { listWithin } from '../format';
import { checkTarget, checkWritableDir } from '../limits';
import path from 'node:path';
import { tokenRequests } from '../../../harness/auth/token-requests';
import { USER_VARIABLES } from '../../../harness/auth/users';
import type { NamedRequest } from '../../../harness/client/named-request';
import { exportEnvironment, type ExportedEnvironment } from '../environment';
import type { PostmanCollectionDocument, PostmanItem, PostmanKeyValue } from '../format';
import type { PostmanScriptRecord, SharedScriptRecord } from '../import/postman-scripts';
import { captureLines, checkTests, importedScriptsOf, importedSharedScriptsOf, sharedScripts, statusTest, untranslatedLines } from './imported-scripts';
import { variablesOf } from '../import/parameters';
import { planCaptures, successStatus } from './captures';
import { inlineSchema, type JsonSchema } from './inline-schema';
import { sampleValues } from './sample-values';
import { joinBeforeActions, planPerRequestValues, unsetLines } from './per-request-values';
import { PKCE_PRE_REQUEST, testScript, type ScriptCapture } from './test-script';
import { toPostmanCollection } from './to-postman';
import type { CollectionEntry } from '../../../harness/collections';

export type { CollectionEntry };

export interface FillIn {
  variable: string;
  usedBy: string[];
  /** Present when the recorded suites supplied a starting value. */
  sample?: string;
}

export interface ExportedCollection {
  api: string;
  name: string;
  document: PostmanCollectionDocument;
  /** Variables captured by a test script, and the request that captures each. */
  captured: Array<{ variable: string; from: string }>;
  /** Variables nothing in the run provides: a sample value or the user must fill them. */
  fillIn: FillIn[];
  /** True when "POST Token" was added in front because the collection has none. */
  addedTokenSetup: boolean;
  /** Requests whose Postman test script asserts nothing: a run of them passes whatever they answer. */
  unasserted: string[];
}

const TOKEN_SETUP = 'POST Token';
const PKCE_VARIABLES = ['code_challenge', 'code_verifier'];

/**
 * `imported`: the module's postmanScripts when an import wrote it (importedScriptsOf): what the
 * original Postman scripts asserted and stored, written back as Postman tests. `shared`: its
 * sharedPostmanScripts, the collection's and folders' own lines, given back where they were.
 */
export function exportCollection(
  entry: CollectionEntry,
  environmentKeys: ReadonlySet<string>,
  imported: ReadonlyMap<string, PostmanScriptRecord> = new Map(),
  shared: SharedScriptRecord = { folders: [] },
): ExportedCollection {
  const { collection } = entry;
  const own = Object.values(collection.requests) as NamedRequest[];
  const setup: NamedRequest = own.find((r) => r.name === TOKEN_SETUP) ??
    own.find((r) => isTokenSetup(r, imported.get(r.name))) ?? { name: TOKEN_SETUP, ...tokenRequests[TOKEN_SETUP] };
  const rest = own.filter((r) => r !== setup);
  // An imported collection keeps Postman's order; the project's own collections are declared by
  // resource, so deletions move to the end, newest resource (declared last) first, and joining a
  // conference goes before the actions that need it active.
  const ordered =
    entry.folders?.length || imported.size > 0
      ? [setup, ...rest]
      : joinBeforeActions([setup, ...rest.filter((r) => r.method !== 'DELETE'), ...rest.filter((r) => r.method === 'DELETE').reverse()]);

  const schemas = new Map<string, JsonSchema>();
  const schemaOf = (id: string): JsonSchema => {
    const schema = schemas.get(id) ?? inlineSchema(id);
    schemas.set(id, schema);
    return schema;
  };
  const successSchema = (request: NamedRequest): JsonSchema | undefined => {
    const status = successStatus(request);
    const id = status === undefined ? undefined : request.responses[status];
    return id === undefined ? undefined : schemaOf(id);
  };
  const plan = planCaptures(ordered, successSchema, environmentKeys);
  // What the original scripts stored is captured as they stored it; the plan's guess gives way.
  const recorded: ExportedCollection['captured'] = [];
  for (const [from, record] of imported) {
    for (const capture of record.captures) {
      plan.uncaptured.delete(capture.variable);
      for (const [name, list] of plan.captures)
        plan.captures.set(
          name,
          list.filter((c) => c.variable !== capture.variable),
        );
      if (!environmentKeys.has(capture.variable)) recorded.push({ variable: capture.variable, from });
    }
  }
  // Imported collections keep their own scripts; only the project's collections get these.
  const perRequest =
    entry.folders?.length || imported.size > 0
      ? { preRequest: new Map<string, string[]>(), captures: new Map(), setByScript: new Map<string, string[]>(), fillIns: [] }
      : planPerRequestValues(ordered, new Set([...plan.captures.values()].flat().map((c) => c.variable)));
  for (const [from, list] of perRequest.captures) plan.captures.set(from, [...(plan.captures.get(from) ?? []), ...list]);
  const pkce = ordered.filter((r) => variablesOf(r).includes('code_challenge')).map((r) => r.name);
  const samples = entry.fixturesDir ? sampleValues(collection, entry.fixturesDir) : new Map<string, string>();

  const captured: ExportedCollection['captured'] = [];
  for (const [from, list] of plan.captures) for (const c of list) captured.push({ variable: c.variable, from });
  captured.push(...recorded);
  const fillIn: FillIn[] = [];
  const scriptOnly = [...captured.map((c) => c.variable), ...perRequest.fillIns.map((f) => f.variable)].filter((v) => !plan.collectionVariables.includes(v));
  const variables: PostmanKeyValue[] = [...plan.collectionVariables, ...new Set(scriptOnly)].map((variable) => {
    const from = captured.find((c) => c.variable === variable)?.from;
    const setBy = perRequest.setByScript.get(variable);
    const scriptFillIn = perRequest.fillIns.find((f) => f.variable === variable);
    if (from) return { key: variable, value: samples.get(variable) ?? '', type: 'string', description: `Captured from the answer of "${from}".` };
    if (setBy)
      return {
        key: variable,
        value: '',
        type: 'string',
        description: `Set by the pre-request script of ${setBy.map((n) => `"${n}"`).join(', ')}, from the captured values.`,
      };
    if (scriptFillIn) {
      fillIn.push({ variable, usedBy: scriptFillIn.usedBy });
      return { key: variable, value: '', type: 'string', description: `Fill in before running: ${scriptFillIn.why}.` };
    }
    if (PKCE_VARIABLES.includes(variable) && pkce.length > 0) {
      return { key: variable, value: '', type: 'string', description: `Set by the pre-request script of "${pkce[0]}" (a fresh PKCE pair per run).` };
    }
    const sample = samples.get(variable);
    // A request whose pre-request script sets its own value of the variable does not use the user's.
    const usedBy = (plan.uncaptured.get(variable) ?? []).filter(
      (name) => !(perRequest.preRequest.get(name) ?? []).some((line) => line.startsWith(`pm.variables.set(${JSON.stringify(variable)},`)),
    );
    fillIn.push({ variable, usedBy, ...(sample === undefined ? {} : { sample }) });
    return sample === undefined
      ? { key: variable, value: '', type: 'string', description: `Fill in before running: used by ${usedBy.map((n) => `"${n}"`).join(', ')}.` }
      : { key: variable, value: sample, type: 'string', description: 'A value the harness suites sent; change it to suit your account.' };
  });

  const document = toPostmanCollection({
    name: collection.name,
    description: collection.description,
    requests: ordered,
    folders: entry.folders,
    variables,
    ...sharedScripts(shared),
    testScript: (request) => {
      const record = imported.get(request.name);
      const storesTokens = record?.captures.some((c) => c.variable === USER_VARIABLES.primary.accessToken) ?? false;
      const planned = scriptCaptures(request, plan.captures.get(request.name) ?? [], storesTokens ? undefined : setup);
      const assertions = record && {
        status: statusTest(request, record, successStatus(request)),
        extra: [
          ...checkTests(request, record.checks),
          ...captureLines(record.captures, record.statuses.length === 1 ? record.statuses[0] : successStatus(request)),
          ...untranslatedLines(record),
        ],
      };
      return [...testScript(request, schemaOf, planned, assertions), ...unsetLines(perRequest.preRequest.get(request.name) ?? [])];
    },
    preRequestScript: (request) =>
      pkce.includes(request.name)
        ? PKCE_PRE_REQUEST
        : [...(perRequest.preRequest.get(request.name) ?? []), ...(imported.get(request.name)?.untranslated?.prerequest ?? [])],
  });
  const unasserted = ordered.filter((request) => !assertsAnything(document, request.name)).map((r) => r.name);
  return { api: collection.api, name: collection.name, document, captured, fillIn, addedTokenSetup: !own.includes(setup), unasserted };
}

/** A request that logs in as Mitel's "Auth Token" does: its script stores access_token, or it is the password grant. */
function isTokenSetup(request: NamedRequest, record: PostmanScriptRecord | undefined): boolean {
  if (record?.captures.some((c) => c.variable === USER_VARIABLES.primary.accessToken)) return true;
  const form = request.body?.mode === 'urlencoded' ? request.body.form : {};
  return request.method === 'POST' && request.url === '{{auth_url}}/token' && form.grant_type === 'password';
}

/** True when the request's test script holds at least one Postman assertion. */
function assertsAnything(document: PostmanCollectionDocument, name: string): boolean {
  const stack = [...document.item];
  while (stack.length > 0) {
    const item = stack.pop() as PostmanItem;
    if (item.item) stack.push(...item.item);
    if (item.name !== name) continue;
    const test = item.event?.find((e) => e.listen === 'test')?.script?.exec;
    const lines = Array.isArray(test) ? test : [test ?? ''];
    return lines.some((line) => /^\s*(pm\.test\(|tests\[)/.test(line));
  }
  return false;
}

/** Token setup stores the tokens in the environment, as Mitel's library does; other captures go to collection variables. */
function scriptCaptures(
  request: NamedRequest,
  planned: ReadonlyArray<{ variable: string; path: Array<string | number> }>,
  setup: NamedRequest | undefined,
): ScriptCapture[] {
  const own: ScriptCapture[] = planned.map((c) => ({ ...c, scope: 'collectionVariables' }));
  if (request !== setup) return own;
  const { accessToken, refreshToken } = USER_VARIABLES.primary;
  return [{ variable: accessToken, path: [accessToken], scope: 'environment' }, { variable: refreshToken, path: [refreshToken], scope: 'environment' }, ...own];
}

export interface ExportOptions {
  entries: readonly CollectionEntry[];
  /** Where the files go; created when missing. */
  outDir: string;
  /** The environment to export alongside (a name under environments/ or a path); default sandbox. */
  environment?: string;
  rootDir: string;
  /** Write over files this export did not make (they lack EXPORT_MARKER). */
  force?: boolean;
}

/** A field of every document the export writes: it overwrites its own files, never one it did not make, unless forced. */
export const EXPORT_MARKER = { _postman_exported_by: 'cloudlink-harness npm run export' } as const;

export interface ExportResult {
  files: string[];
  collections: ExportedCollection[];
  environment: ExportedEnvironment;
}

export function exportAll(options: ExportOptions): ExportResult {
  checkWritableDir(options.outDir, '--out');
  const environment = exportEnvironment(options.environment ?? 'sandbox', options.rootDir);
  const keys = new Set(environment.document.values.map((v) => v.key));
  const collections = options.entries.map((entry) => exportCollection(entry, keys, importedScriptsOf(entry), importedSharedScriptsOf(entry)));
  const documents = new Map<string, unknown>();
  for (const exported of collections) documents.set(path.join(options.outDir, `${exported.name}.postman_collection.json`), exported.document);
  documents.set(path.join(options.outDir, `${environment.stem}.postman_environment.json`), environment.document);
  // Checked before anything is written: a refused file leaves the others as they were.
  // A FIFO or device in the way is refused before anything reads it (reading one would block).
  for (const file of documents.keys()) checkTarget(file);
  const foreign = [...documents.keys()].filter((file) => existsSync(file) && !madeByExport(file));
  if (foreign.length > 0 && !options.force) {
    throw new UserError(
      `Refusing to overwrite ${listWithin(foreign)}: ${foreign.length === 1 ? 'it was' : 'they were'} not written by npm run export. Choose another --out, or pass --force to overwrite.`,
    );
  }
  mkdirSync(options.outDir, { recursive: true });
  for (const [file, document] of documents) writeFileSync(file, `${JSON.stringify({ ...(document as object), ...EXPORT_MARKER }, null, 2)}\n`);
  return { files: [...documents.keys()], collections, environment };
}

function madeByExport(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>)._postman_exported_by === EXPORT_MARKER._postman_exported_by;
  } catch {
    return false;
  }
}

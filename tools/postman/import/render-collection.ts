// Writes suites/<api>/collection.ts for an imported collection: one named request per Postman
// item, in Postman's order, with what Postman keeps but does not send (disabled parameters) and
// what could not be carried over as comments at the request, and Postman's folders in `folders`
// (the export reads it back, so a round trip keeps them).
import type { NamedRequest } from '../../../harness/client/named-request';
import type { ImportedRequest } from './convert';
import type { CreatedThing } from './lifecycle';
import { TOKEN_VARIABLES, type PostmanScriptRecord, type SharedScriptRecord } from './postman-scripts';
import { commentText, tsKey, tsString, tsValue } from './render-ts';

export interface CollectionModuleInput {
  name: string;
  api: string;
  description?: string;
  exportName: string;
  /** The import path of harness/ from suites/<api>/. */
  harnessImport: string;
  /** The Postman file, as the header comment names it. */
  source: string;
  version: string;
  requests: readonly ImportedRequest[];
  /** The import's banner, the first line: --force overwrites only files that carry it. */
  banner: string;
  things: readonly CreatedThing[];
  /** The collection's and folders' own script lines the import could not translate. */
  sharedUntranslated?: SharedScriptRecord;
}

const RENDERED = ['name', 'description', 'method', 'url', 'headers', 'body', 'auth', 'responses'];

export interface FolderEntry {
  path: string[];
  requests: string[];
}

export function renderCollectionModule(input: CollectionModuleInput): string {
  const lines = [
    `// ${input.banner}`,
    `// The "${commentText(input.name)}" collection, imported by \`npm run import\` from ${commentText(input.source)}`,
    `// (Postman collection format v${input.version}). It is ordinary code now: edit it as the API changes.`,
    '// Values Postman users type in by hand ({single braces}, :path variables) are {{variables}} the suite',
    "// supplies; Postman's folders are listed in `folders`.",
    `import { defineCollection } from ${tsString(input.harnessImport)};`,
    '',
    `export const ${input.exportName} = defineCollection({`,
    `  name: ${tsString(input.name)},`,
    `  api: ${tsString(input.api)},`,
  ];
  if (input.description) lines.push(`  description: ${tsString(input.description)},`);
  lines.push('  requests: {');
  let folder = '';
  for (const imported of input.requests) {
    const path = imported.folders.join(' › ');
    if (path !== folder) {
      folder = path;
      lines.push(`    // ${path === '' ? 'Outside any folder' : `Folder: ${commentText(path)}`}`);
    }
    lines.push(...renderRequest(imported));
  }
  lines.push('  },', '});', '');
  lines.push("/** Postman's folders, outermost first, each with the requests it holds in Postman's order. */");
  lines.push(`export const folders: Array<{ path: string[]; requests: string[] }> = ${tsValue(foldersOf(input.requests))};`, '');
  lines.push('/** What the Postman scripts asserted and stored, by request: `npm run export` writes them back as Postman tests. */');
  lines.push(`export const postmanScripts = ${tsValue(scriptRecords(input), '')};`, '');
  const shared = input.sharedUntranslated;
  if (shared && (shared.collection || shared.folders.length > 0)) {
    lines.push("/** The collection's and folders' own script lines the import could not translate: `npm run export` gives them back there. */");
    lines.push(`export const sharedPostmanScripts = ${tsValue(shared, '')};`, '');
  }
  return lines.join('\n');
}

function renderRequest(imported: ImportedRequest): string[] {
  const request: NamedRequest = imported.request;
  const lines: string[] = [];
  for (const note of imported.notes) lines.push(`    // Note: ${commentText(note)}.`);
  for (const kept of imported.disabled) lines.push(`    // Disabled in Postman, so not sent: ${commentText(kept)}`);
  lines.push(`    ${tsKey(request.name)}: {`);
  if (request.description) lines.push(`      description: ${tsString(request.description)},`);
  lines.push(`      method: ${tsString(request.method)},`, `      url: ${tsString(request.url)},`);
  if (request.headers) lines.push(`      headers: ${tsValue(request.headers, '      ')},`);
  if (request.body) lines.push(`      body: ${tsValue(request.body, '      ')},`);
  if (request.auth) lines.push(`      auth: ${tsString(request.auth)},`);
  // Fields a newer harness added to NamedRequest (carried through Postman by the export's marker).
  for (const [key, value] of Object.entries(request)) if (!RENDERED.includes(key)) lines.push(`      ${tsKey(key)}: ${tsValue(value, '      ')},`);
  lines.push(`      responses: ${tsValue(request.responses, '      ')},`, '    },');
  return lines;
}

export function foldersOf(requests: readonly Pick<ImportedRequest, 'folders' | 'request'>[]): FolderEntry[] {
  const folders: FolderEntry[] = [];
  for (const imported of requests) {
    if (imported.folders.length === 0) continue;
    const path = imported.folders;
    let entry = folders.find((f) => f.path.join('\u0000') === path.join('\u0000'));
    if (!entry) folders.push((entry = { path: [...path], requests: [] }));
    entry.requests.push(imported.request.name);
  }
  return folders;
}

function scriptRecords(input: CollectionModuleInput): Record<string, PostmanScriptRecord> {
  const out: Record<string, PostmanScriptRecord> = {};
  for (const imported of input.requests) {
    const name = imported.request.name;
    const created = input.things.filter((t) => t.creator === name);
    const captures = [
      ...imported.captures
        .filter((c) => !created.some((t) => t.variable === c.variable))
        .map((c) => ({
          variable: c.variable,
          ...(c.source.kind === 'header' ? { header: c.source.name } : { paths: [c.source.path] }),
          scope: TOKEN_VARIABLES.has(c.variable) ? ('environment' as const) : ('collectionVariables' as const),
        })),
      ...created.map((t) => ({ variable: t.variable, paths: t.paths, scope: 'collectionVariables' as const })),
    ];
    const record: PostmanScriptRecord = { statuses: imported.expected, checks: imported.checks, captures };
    const lines = (listen: string) => imported.untranslated.filter((l) => l.listen === listen).map((l) => l.text);
    if (imported.untranslated.length > 0) {
      record.untranslated = { test: lines('test'), prerequest: lines('prerequest') };
      if (imported.bodyNames.length > 0) record.bodyNames = imported.bodyNames;
    }
    // Every request gets a record: the export asserts what the suite asserts (a 2xx when nothing else).
    out[name] = record;
  }
  return out;
}

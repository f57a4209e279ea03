// The Postman test script of a request an import wrote: what its Postman scripts asserted and stored
// (the module's `postmanScripts`, import/postman-scripts.ts) written back as pm.test blocks, the
// lines the import could not translate given back verbatim, and the captures (the token request's
// into the environment, as Mitel's "Auth Token" does). Each assertion is its own pm.test, one
// statement to a line, in the forms `npm run import` reads, so a round trip keeps them.
import path from 'node:path';
import type { CollectionEntry } from '../../../harness/collections';
import type { NamedRequest } from '../../../harness/client/named-request';
import {
  readPostmanScripts,
  readSharedPostmanScripts,
  type PostmanScriptRecord,
  type RecordedCapture,
  type SharedScriptRecord,
  type UntranslatedScripts,
} from '../import/postman-scripts';
import type { Scripts } from './to-postman';
import type { BodyPath } from '../import/script-expressions';
import type { Check } from '../import/scripts';

/** The `postmanScripts` of the entry's collection module, when an import wrote it; empty otherwise. */
export function importedScriptsOf(entry: CollectionEntry): Map<string, PostmanScriptRecord> {
  return readPostmanScripts(moduleOf(entry).postmanScripts);
}

/** The `sharedPostmanScripts` of the entry's collection module, when an import wrote it; empty otherwise. */
export function importedSharedScriptsOf(entry: CollectionEntry): SharedScriptRecord {
  return readSharedPostmanScripts(moduleOf(entry).sharedPostmanScripts);
}

function moduleOf(entry: CollectionEntry): Record<string, unknown> {
  if (!entry.fixturesDir) return {};
  // discoverCollections loaded this module already; require returns the same one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a module found at run time, not a static dependency
  return require(path.join(path.dirname(entry.fixturesDir), 'collection.ts')) as Record<string, unknown>;
}

/** The status the request should answer: the scripts' own, else the one the collection declares, else any 2xx. */
export function statusTest(request: NamedRequest, record: PostmanScriptRecord, declared: number | undefined): string[] {
  const statuses = record.statuses.length > 0 ? record.statuses : declared !== undefined ? [declared] : [];
  if (statuses.length === 1)
    return [`pm.test(${JSON.stringify(`${request.name} answers ${statuses[0]}`)}, function () {`, `    pm.response.to.have.status(${statuses[0]});`, '});'];
  if (statuses.length > 1) {
    return [
      `pm.test(${JSON.stringify(`${request.name} answers one of ${statuses.join(', ')}`)}, function () {`,
      `    pm.expect(pm.response.code).to.be.oneOf(${JSON.stringify(statuses)});`,
      '});',
    ];
  }
  return [`pm.test(${JSON.stringify(`${request.name} answers a 2xx status`)}, function () {`, '    pm.response.to.be.success;', '});'];
}

export function checkTests(request: NamedRequest, checks: readonly Check[]): string[] {
  return checks.flatMap((check, index) => {
    const body = check.kind !== 'header' && check.kind !== 'time-below' && check.kind !== 'success';
    return [
      `pm.test(${JSON.stringify(`${request.name}: ${describe(check)}${checks.length > 1 ? ` (${index + 1})` : ''}`)}, function () {`,
      ...(body ? ['    const jsonData = pm.response.json();'] : []),
      `    ${assertion(check)};`,
      '});',
    ];
  });
}

function assertion(check: Check): string {
  switch (check.kind) {
    case 'equals':
      return `pm.expect(${read(check.path)}).to.eql(${JSON.stringify(check.value)})`;
    case 'includes':
      return `pm.expect(${read(check.path)}).to.include(${JSON.stringify(check.value)})`;
    case 'type':
      return `pm.expect(${read(check.path)}).to.be.a(${JSON.stringify(check.type)})`;
    case 'exists':
      return `pm.expect(${read(check.path)}).to.exist`;
    case 'above':
      return `pm.expect(${read(check.path)}).to.be.above(${check.value})`;
    case 'below':
      return `pm.expect(${read(check.path)}).to.be.below(${check.value})`;
    case 'header':
      return `pm.response.to.have.header(${JSON.stringify(check.name)})`;
    case 'time-below':
      return `pm.expect(pm.response.responseTime).to.be.below(${check.ms})`;
    case 'success':
      return 'pm.response.to.be.success';
  }
}

function describe(check: Check): string {
  if (check.kind === 'header') return `has the ${check.name} header`;
  if (check.kind === 'time-below') return `answers within ${check.ms} ms`;
  if (check.kind === 'success') return 'answers a 2xx status';
  return `${check.path.join('.') || 'the body'} ${check.kind === 'type' ? `is a ${check.type}` : check.kind === 'exists' ? 'exists' : `${check.kind} ${JSON.stringify(check.value)}`}`;
}

/** Stores the captures after a success: `expected` is the status, or undefined for any 2xx. */
export function captureLines(captures: readonly RecordedCapture[], expected: number | undefined): string[] {
  if (captures.length === 0) return [];
  const guard = expected === undefined ? 'pm.response.code >= 200 && pm.response.code < 300' : `pm.response.code === ${expected}`;
  const lines = [`if (${guard}) {`];
  if (captures.some((c) => c.paths)) lines.push('    const jsonData = pm.response.json();');
  for (const capture of captures) {
    const value = capture.header ? `pm.response.headers.get(${JSON.stringify(capture.header)})` : firstPresent(capture.paths ?? []);
    lines.push(`    pm.${capture.scope}.set(${JSON.stringify(capture.variable)}, ${value});`);
  }
  lines.push('}');
  return lines;
}

/** The untranslated lines as Postman had them, with the names they use for the body bound first. */
export function untranslatedLines(record: Pick<PostmanScriptRecord, 'bodyNames'> & { untranslated?: { test: readonly string[] } }): string[] {
  const test = record.untranslated?.test ?? [];
  if (test.length === 0) return [];
  return [
    '// Kept from the original Postman script (npm run import could not translate these lines):',
    ...(record.bodyNames ?? []).map((name) => `var ${name} = pm.response.json();`),
    ...test,
  ];
}

function firstPresent(paths: readonly BodyPath[]): string {
  const reads = paths.map(read);
  let expression = reads.pop() ?? 'undefined';
  while (reads.length > 0) {
    const current = reads.pop() as string;
    expression = `${current} !== undefined ? ${current} : ${expression}`;
  }
  return expression;
}

function read(pathInBody: BodyPath): string {
  return `jsonData${pathInBody.map((segment) => (typeof segment === 'number' ? `[${segment}]` : /^[A-Za-z_$][\w$]*$/.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`)).join('')}`;
}

/** The collection's and folders' own untranslated lines, as the export writes them back (test lines with their body bindings). */
export function sharedScripts(shared: SharedScriptRecord): { collectionScripts?: Scripts; folderScripts: Array<Scripts & { path: string[] }> } {
  const scripts = (kept: UntranslatedScripts): Scripts => ({
    test: untranslatedLines({ untranslated: kept, bodyNames: kept.bodyNames }),
    prerequest: kept.prerequest,
  });
  return {
    ...(shared.collection ? { collectionScripts: scripts(shared.collection) } : {}),
    folderScripts: shared.folders.map((folder) => ({ path: folder.path, ...scripts(folder) })),
  };
}

// Finds runtime import cycles among the project's TypeScript files. A cycle means some module runs
// before the modules it needs have finished loading, and sees their exports as undefined. Type-only
// imports (`import type`, `import { type A }`, `export type ... from`) are erased before run time,
// so they do not count; neither do `require()` or `import()` calls, which load on use, not on import.
// The graph is built from TypeScript's own parser, file by file, with no type-checking: it takes
// well under a second, where eslint-plugin-import-x's no-cycle took minutes on this repository.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** The folders whose files are checked, relative to the repository root. */
export const CYCLE_FOLDERS = ['harness', 'sandbox', 'suites', 'tools', 'scripts', 'types'];

export interface RuntimeImport {
  specifier: string;
  line: number;
}

/** An edge of the import graph: `from` loads `to` when it is loaded, at `line` of `from`. */
export interface ImportEdge {
  from: string;
  to: string;
  line: number;
}

/** A closed path through the graph: edges[i].to === edges[i + 1].from, and the last edge returns to the first file. */
export interface ImportCycle {
  edges: ImportEdge[];
  /** Every file of the tangle the cycle was found in; fixing this one cycle may leave others among them. */
  tangle: string[];
}

/** The module specifiers a file loads when it is itself loaded, with their (1-based) lines. */
export function runtimeImports(fileName: string, text: string): RuntimeImport[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: RuntimeImport[] = [];
  const add = (specifier: ts.Expression, node: ts.Node): void => {
    if (!ts.isStringLiteral(specifier)) return;
    found.push({ specifier: specifier.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !isTypeOnlyImport(statement)) add(statement.moduleSpecifier, statement);
    else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !isTypeOnlyExport(statement)) add(statement.moduleSpecifier, statement);
    else if (ts.isImportEqualsDeclaration(statement) && !statement.isTypeOnly && ts.isExternalModuleReference(statement.moduleReference)) {
      add(statement.moduleReference.expression, statement);
    }
  }
  return found;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'` is there for its side effects
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return clause !== undefined && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
}

/** The file a relative specifier names (x.ts or x/index.ts), or undefined for a package or a non-TypeScript file. */
export function resolveSpecifier(fromFile: string, specifier: string, isFile: (file: string) => boolean = fileExists): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = base.endsWith('.ts') ? [base] : [`${base}.ts`, path.join(base, 'index.ts')];
  return candidates.find(isFile);
}

function fileExists(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Every .ts file under the folders (absolute paths, sorted), leaving out node_modules and recorded fixtures. */
export function listTypeScriptFiles(root: string, folders: readonly string[] = CYCLE_FOLDERS): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // a folder this checkout does not have
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name === '__fixtures__') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const folder of folders) walk(path.join(root, folder));
  return files.sort();
}

/** The runtime import graph of the files: each file's edges to the other files it loads. */
export function importGraph(files: readonly string[], read: (file: string) => string = (file) => readFileSync(file, 'utf8')): Map<string, ImportEdge[]> {
  const graph = new Map<string, ImportEdge[]>();
  for (const file of files) {
    const edges: ImportEdge[] = [];
    for (const { specifier, line } of runtimeImports(file, read(file))) {
      const to = resolveSpecifier(file, specifier);
      if (to !== undefined) edges.push({ from: file, to, line });
    }
    graph.set(file, edges);
  }
  return graph;
}

/** One shortest cycle per strongly connected component (Tarjan's algorithm), in a stable order. */
export function findCycles(graph: ReadonlyMap<string, readonly ImportEdge[]>): ImportCycle[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const { to } of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) {
        low.set(node, Math.min(low.get(node)!, index.get(to)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    components.push(component.sort());
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  const cycles: ImportCycle[] = [];
  for (const tangle of components) {
    const start = tangle[0]!;
    const selfLoop = (graph.get(start) ?? []).some((edge) => edge.to === start);
    if (tangle.length === 1 && !selfLoop) continue;
    cycles.push({ edges: shortestCycle(graph, start, new Set(tangle)), tangle });
  }
  return cycles.sort((a, b) => a.tangle[0]!.localeCompare(b.tangle[0]!));
}

/** Breadth-first from `start` inside the tangle, back to `start`. */
function shortestCycle(graph: ReadonlyMap<string, readonly ImportEdge[]>, start: string, tangle: ReadonlySet<string>): ImportEdge[] {
  const cameBy = new Map<string, ImportEdge>();
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    for (const edge of graph.get(queue[i]!) ?? []) {
      if (!tangle.has(edge.to)) continue;
      if (edge.to === start) {
        const path = [edge];
        for (let at = edge.from; at !== start; at = cameBy.get(at)!.from) path.unshift(cameBy.get(at)!);
        return path;
      }
      if (!cameBy.has(edge.to)) {
        cameBy.set(edge.to, edge);
        queue.push(edge.to);
      }
    }
  }
  throw new Error(`No cycle through ${start}, though it is in a strongly connected component`);
}

/** "a.ts:3 → b.ts:7 → a.ts", paths relative to the root. */
export function describeCycle(cycle: ImportCycle, root: string): string {
  const rel = (file: string): string => path.relative(root, file).split(path.sep).join('/');
  const steps = cycle.edges.map((edge) => `${rel(edge.from)}:${edge.line}`);
  const more = cycle.tangle.length > cycle.edges.length ? ` (the tangle holds ${cycle.tangle.length} files: ${cycle.tangle.map(rel).join(', ')})` : '';
  return `${steps.join(' → ')} → ${rel(cycle.edges[0]!.from)}${more}`;
}

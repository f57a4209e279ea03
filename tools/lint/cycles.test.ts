import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeCycle, findCycles, importGraph, listTypeScriptFiles, runtimeImports, type ImportEdge } from './cycles';

describe('runtimeImports', () => {
  it('keeps value imports, side-effect imports, re-exports and import = require', () => {
    const text = [
      "import { a } from './a';",
      "import b, { type B } from './b';",
      "import * as c from './c';",
      "import './d';",
      "export { e } from './e';",
      "export * from './f';",
      "import g = require('./g');",
    ].join('\n');
    expect(runtimeImports('x.ts', text)).toEqual(['./a', './b', './c', './d', './e', './f', './g'].map((specifier, i) => ({ specifier, line: i + 1 })));
  });

  it('leaves out what TypeScript erases and what loads only when called', () => {
    const text = [
      "import type { A } from './a';",
      "import { type B, type C } from './b';",
      "export type { D } from './d';",
      "export { type E } from './e';",
      "import type F = require('./f');",
      "const g = () => require('./g');",
      "const h = () => import('./h');",
      "type I = typeof import('./i');",
    ].join('\n');
    expect(runtimeImports('x.ts', text)).toEqual([]);
  });
});

describe('findCycles', () => {
  const edge = (from: string, to: string, line = 1): ImportEdge => ({ from, to, line });
  const graphOf = (...edges: ImportEdge[]): Map<string, ImportEdge[]> => {
    const graph = new Map<string, ImportEdge[]>();
    for (const e of edges) {
      graph.set(e.from, [...(graph.get(e.from) ?? []), e]);
      if (!graph.has(e.to)) graph.set(e.to, []);
    }
    return graph;
  };

  it('finds nothing in a graph without a cycle', () => {
    expect(findCycles(graphOf(edge('/a', '/b'), edge('/b', '/c'), edge('/a', '/c')))).toEqual([]);
  });

  it('names the shortest cycle of each tangle and every file in it', () => {
    const graph = graphOf(edge('/a', '/b', 3), edge('/b', '/c', 4), edge('/c', '/a', 5), edge('/b', '/a', 6), edge('/x', '/x', 9));
    const cycles = findCycles(graph);
    expect(cycles.map((cycle) => describeCycle(cycle, '/'))).toEqual(['a:3 → b:6 → a (the tangle holds 3 files: a, b, c)', 'x:9 → x']);
  });
});

describe('the project tree', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const write = (file: string, text: string): void => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  };

  it('resolves x.ts and x/index.ts, and fails on a runtime cycle across folders but not on a type-only one', () => {
    write('harness/client/send.ts', "import { token } from '../auth';\nexport const send = () => token;\n");
    write('harness/auth/index.ts', "import { send } from '../client/send';\nexport const token = () => send;\n");
    write('tools/a.ts', "import type { B } from './b';\nexport interface A { b?: B }\n");
    write('tools/b.ts', "import { type A } from './a';\nexport interface B { a?: A }\n");
    write('suites/x/__fixtures__/ignored.ts', "import './ignored';\n");

    const files = listTypeScriptFiles(root);
    expect(files.map((file) => path.relative(root, file))).toEqual(['harness/auth/index.ts', 'harness/client/send.ts', 'tools/a.ts', 'tools/b.ts']);
    expect(findCycles(importGraph(files)).map((cycle) => describeCycle(cycle, root))).toEqual([
      'harness/auth/index.ts:1 → harness/client/send.ts:1 → harness/auth/index.ts',
    ]);
  });

  it('has no runtime import cycle in this repository', () => {
    const repo = path.resolve(__dirname, '../..');
    const cycles = findCycles(importGraph(listTypeScriptFiles(repo)));
    expect(cycles.map((cycle) => describeCycle(cycle, repo))).toEqual([]);
  });
});

// Writes the suite skeleton of an imported collection: one describe per request, in Postman's
// order, each sending the request and asserting what its Postman scripts asserted (status, field
// checks, response time), the schema inferred from its saved examples, and taking its captures for
// the requests after it, as a Postman run would. What a request creates is removed with the
// collection's DELETE after the last test that uses it (lifecycle.ts). Untranslated script lines
// stay as comments.
import type { Check } from './scripts';
import type { ImportedRequest } from './convert';
import type { CreatedThing } from './lifecycle';
import { TOKEN_VARIABLES } from './postman-scripts';
import type { BodyPath } from './script-expressions';
import type { ScriptLine } from './scripts';
import { commentText, tsString, tsValue } from './render-ts';

export interface SuiteInput {
  name: string;
  exportName: string;
  harnessImport: string;
  source: string;
  requests: readonly ImportedRequest[];
  /** Lines of collection- and folder-level scripts, which apply to every request below them. */
  sharedScripts: ReadonlyArray<{ where: string; line: ScriptLine }>;
  /** The import's banner, the first line: --force overwrites only files that carry it. */
  banner: string;
  things: readonly CreatedThing[];
  /** By request name: the parameters its test needs filled in. */
  needed: ReadonlyMap<string, readonly string[]>;
}

export function renderSuite(input: SuiteInput): string {
  const parameters = new Map<string, string>();
  // An id a request creates is captured from its answer, never typed in.
  const created = new Set(input.things.map((t) => t.variable));
  for (const r of input.requests) for (const p of r.parameters) if (!parameters.has(p.name) && !created.has(p.name)) parameters.set(p.name, p.value);
  const pkce = input.requests.some((r) => r.pkce);
  const lifecycles = input.things.filter((t) => t.undo !== undefined);
  const captures = pkce || input.things.length > 0 || input.requests.some((r) => r.captures.some((c) => !TOKEN_VARIABLES.has(c.variable)));
  const picks = input.things.length > 0 || input.requests.some((r) => r.checks.some((c) => 'path' in c) || r.captures.some((c) => c.source.kind === 'body'));

  const lines = [
    `// ${input.banner}`,
    `// The suite skeleton of "${commentText(input.name)}", written by \`npm run import\` from ${commentText(input.source)}.`,
    "// Each request is sent in Postman's order and checked as its Postman scripts checked it; values the",
    '// scripts stored (pm.environment.set) are captured for the requests after it, as in a Postman run.',
    `import { ${pkce ? 'pkceChallenge, ' : ''}useCollection } from ${tsString(input.harnessImport)};`,
    `import { ${input.exportName} } from './collection';`,
    '',
    `const api = useCollection(${input.exportName});`,
  ];
  for (const { where, line } of input.sharedScripts)
    lines.push(`// Untranslated (${commentText(where)}, ${line.listen} script line ${line.line}): ${commentText(line.text)}`);
  if (captures) {
    lines.push('', '/** Values the Postman scripts stored, for the requests after them. */', 'const captured: Record<string, string> = {};');
    lines.push('', 'function capture(name: string, value: unknown): void {');
    lines.push("  if (value !== undefined && value !== null) captured[name] = typeof value === 'string' ? value : JSON.stringify(value);", '}');
  }
  if (pkce) {
    lines.push('', '/** Fixed, so a replayed request matches the recorded one; a PKCE verifier protects nothing in a test. */');
    lines.push("const PKCE_VERIFIER = 'imported-pkce-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';");
  }
  if (parameters.size > 0 || lifecycles.length > 0) {
    lines.push('', '/** Values a Postman user types in ({single braces}, :path variables). A test whose value is blank is skipped. */');
    // Typed by its own keys: under the project's noUncheckedIndexedAccess a Record's value may be undefined.
    lines.push(`const parameters = ${tsValue(Object.fromEntries(parameters))};`, 'type Parameter = keyof typeof parameters;');
    lines.push('', 'function given(...names: Parameter[]): jest.It {', "  return names.every((name) => parameters[name] !== '') ? it : it.skip;", '}');
  }
  if (lifecycles.length > 0) {
    const table = Object.fromEntries(
      lifecycles.map((t) => [t.variable, { undo: t.undo, tests: [t.creator, ...t.users].map((name) => [name, [...(input.needed.get(name) ?? [])]]) }]),
    );
    lines.push('', '/** What the collection creates: the tests that use each thing, in order, with the parameters each needs. */');
    lines.push(
      `const lifecycles: Record<string, { undo: ${unionOf(lifecycles.map((t) => t.undo as string))}; tests: Array<[string, Parameter[]]> }> = ${tsValue(table)};`,
    );
    lines.push('', '/** The last test of a thing that runs (its parameters filled in) has the DELETE sent after it, even when it fails. */');
    lines.push('function undoAfterLastUse(variable: string, test: string): void {');
    lines.push(
      '  const lifecycle = lifecycles[variable];',
      "  const running = lifecycle?.tests.filter(([, names]) => names.every((name) => parameters[name] !== '')) ?? [];",
    );
    lines.push('  if (!lifecycle || running[running.length - 1]?.[0] !== test || captured[variable] === undefined) return;');
    lines.push('  api.undo(`${variable} ${captured[variable]}`, lifecycle.undo, { vars: { ...parameters, ...captured } });', '}');
  }
  if (picks) {
    lines.push('', '/** The value at `path` in a JSON body, or undefined. */', 'function pick(body: unknown, path: Array<string | number>): unknown {');
    lines.push(
      '  let node = body;',
      "  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;",
    );
    lines.push('  return node;', '}');
  }
  for (const request of input.requests) lines.push('', ...renderDescribe(request, captures, input));
  lines.push('');
  return lines.join('\n');
}

function renderDescribe(imported: ImportedRequest, captures: boolean, input: SuiteInput): string[] {
  const { request } = imported;
  const usesThings = input.things.filter((t) => t.users.includes(request.name));
  const createsThings = input.things.filter((t) => t.creator === request.name);
  // An id an earlier request created comes from its answer, not from the parameter a user would type.
  const names = imported.parameters.map((p) => p.name).filter((name) => !usesThings.some((t) => t.variable === name));
  const vars = [
    ...(captures ? ['...captured'] : []),
    ...names.map((name) => `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : tsString(name)}: parameters[${tsString(name)}]`),
  ];
  const send = vars.length > 0 ? `api.send(${tsString(request.name)}, { vars: { ${vars.join(', ')} } })` : `api.send(${tsString(request.name)})`;
  const needed = input.needed.get(request.name) ?? names;
  const runner = needed.length > 0 ? `given(${needed.map(tsString).join(', ')})` : 'it';
  const lines = [`describe(${tsString(request.name)}, () => {`, `  ${runner}(${tsString(title(imported.expected))}, async () => {`];
  for (const thing of usesThings.filter((t) => t.undo)) lines.push(`    undoAfterLastUse(${tsString(thing.variable)}, ${tsString(request.name)});`);
  // The export's pre-request script made this pair in Postman; here the harness makes it.
  if (imported.pkce) lines.push("    capture('code_verifier', PKCE_VERIFIER);", "    capture('code_challenge', pkceChallenge(PKCE_VERIFIER));", '');
  lines.push(`    const res = await ${send};`, '');
  for (const thing of createsThings) {
    if (thing.inferred)
      lines.push(
        `    // No Postman script stored ${thing.variable}; ${thing.users.map((u) => `"${u}"`).join(', ')} use${thing.users.length === 1 ? 's' : ''} it, so it is taken from the answer.`,
      );
    lines.push(`    capture(${tsString(thing.variable)}, ${thing.paths.map((p) => `pick(res.body, ${path(p)})`).join(' ?? ')});`);
    if (thing.undo) lines.push(`    undoAfterLastUse(${tsString(thing.variable)}, ${tsString(request.name)});`);
  }
  lines.push(...statusLines(imported.expected));
  const only = imported.expected.length === 1 ? request.responses[imported.expected[0] as number] : undefined;
  if (only) lines.push(`    expect(res.body).toMatchSchema(${tsString(only)});`);
  for (const check of imported.checks) lines.push(`    ${checkLine(check)}`);
  for (const capture of imported.captures) {
    if (createsThings.some((t) => t.variable === capture.variable)) continue;
    if (TOKEN_VARIABLES.has(capture.variable)) {
      lines.push(`    // ${capture.variable}: the harness's token setup stores it before any test runs.`);
    } else {
      const source =
        capture.source.kind === 'header' ? `res.headers[${tsString(capture.source.name.toLowerCase())}]` : `pick(res.body, ${path(capture.source.path)})`;
      lines.push(`    capture(${tsString(capture.variable)}, ${source});`);
    }
  }
  for (const line of imported.untranslated) lines.push(`    // Untranslated (${line.listen} script line ${line.line}): ${commentText(line.text)}`);
  lines.push('  });', '});');
  return lines;
}

function unionOf(names: readonly string[]): string {
  return [...new Set(names)].map(tsString).join(' | ');
}

function title(expected: readonly number[]): string {
  if (expected.length === 0) return 'answers a 2xx status';
  return expected.length === 1 ? `answers ${expected[0]}` : `answers one of ${expected.join(', ')}`;
}

function statusLines(expected: readonly number[]): string[] {
  if (expected.length === 1) return [`    expect(res.status).toBe(${expected[0]});`];
  if (expected.length > 1) return [`    expect(${tsValue(expected)}).toContain(res.status);`];
  return ['    expect(res.status).toBeGreaterThanOrEqual(200);', '    expect(res.status).toBeLessThan(300);'];
}

const JEST_TYPES: Record<string, string> = { string: 'String', number: 'Number', boolean: 'Boolean', array: 'Array', object: 'Object', function: 'Function' };

function checkLine(check: Check): string {
  switch (check.kind) {
    case 'equals':
      return `expect(pick(res.body, ${path(check.path)})).toEqual(${tsValue(check.value)});`;
    case 'includes':
      return `expect(pick(res.body, ${path(check.path)})).toContain(${tsValue(check.value)});`;
    case 'type': {
      const type = JEST_TYPES[check.type.toLowerCase()];
      return type
        ? `expect(pick(res.body, ${path(check.path)})).toEqual(expect.any(${type}));`
        : `// Untranslated: a check that a field is "${commentText(check.type)}".`;
    }
    case 'exists':
      return `expect(pick(res.body, ${path(check.path)})).toBeDefined();`;
    case 'above':
      return `expect(pick(res.body, ${path(check.path)})).toBeGreaterThan(${check.value});`;
    case 'below':
      return `expect(pick(res.body, ${path(check.path)})).toBeLessThan(${check.value});`;
    case 'header':
      return `expect(res.headers[${tsString(check.name.toLowerCase())}]).toBeDefined();`;
    case 'time-below':
      return `expect(res.ms).toBeLessThan(${check.ms});`;
    case 'success':
      return 'expect(Math.floor(res.status / 100)).toBe(2);';
  }
}

function path(segments: BodyPath): string {
  return tsValue(segments);
}

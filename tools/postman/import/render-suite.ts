// Writes the suite skeleton of an imported collection: one describe per request, in Postman's
// order, each sending the request and asserting what its Postman scripts asserted (status, field
// checks, response time), the schema inferred from its saved examples, and taking its captures for
// the requests after it, as a Postman run would. Untranslated script lines stay as comments.
import type { Check } from './scripts';
import type { ImportedRequest } from './convert';
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
}

/** Captures of these are what token setup does before any test runs. */
const TOKEN_VARIABLES = new Set(['access_token', 'refresh_token', 'access_token2', 'refresh_token2']);

export function renderSuite(input: SuiteInput): string {
  const parameters = new Map<string, string>();
  for (const r of input.requests) for (const p of r.parameters) if (!parameters.has(p.name)) parameters.set(p.name, p.value);
  const pkce = input.requests.some((r) => r.pkce);
  const captures = pkce || input.requests.some((r) => r.captures.some((c) => !TOKEN_VARIABLES.has(c.variable)));
  const picks = input.requests.some((r) => r.checks.some((c) => 'path' in c) || r.captures.some((c) => c.source.kind === 'body'));

  const lines = [
    `// The suite skeleton of "${commentText(input.name)}", written by \`npm run import\` from ${commentText(input.source)}.`,
    '// Each request is sent in Postman\'s order and checked as its Postman scripts checked it; values the',
    '// scripts stored (pm.environment.set) are captured for the requests after it, as in a Postman run.',
    `import { ${pkce ? 'pkceChallenge, ' : ''}useCollection } from ${tsString(input.harnessImport)};`,
    `import { ${input.exportName} } from './collection';`,
    '',
    `const api = useCollection(${input.exportName});`,
  ];
  for (const { where, line } of input.sharedScripts) lines.push(`// Untranslated (${commentText(where)}, ${line.listen} script line ${line.line}): ${commentText(line.text)}`);
  if (captures) {
    lines.push('', '/** Values the Postman scripts stored, for the requests after them. */', 'const captured: Record<string, string> = {};');
    lines.push('', 'function capture(name: string, value: unknown): void {');
    lines.push("  if (value !== undefined && value !== null) captured[name] = typeof value === 'string' ? value : JSON.stringify(value);", '}');
  }
  if (pkce) {
    lines.push('', '/** Fixed, so a replayed request matches the recorded one; a PKCE verifier protects nothing in a test. */');
    lines.push("const PKCE_VERIFIER = 'imported-pkce-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';");
  }
  if (parameters.size > 0) {
    lines.push('', '/** Values a Postman user types in ({single braces}, :path variables). A test whose value is blank is skipped. */');
    lines.push(`const parameters = ${tsValue(Object.fromEntries(parameters))};`);
    lines.push('', 'function given(...names: Array<keyof typeof parameters>): jest.It {', "  return names.every((name) => parameters[name] !== '') ? it : it.skip;", '}');
  }
  if (picks) {
    lines.push('', '/** The value at `path` in a JSON body, or undefined. */', 'function pick(body: unknown, path: Array<string | number>): unknown {');
    lines.push('  let node = body;', "  for (const key of path) node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;");
    lines.push('  return node;', '}');
  }
  for (const request of input.requests) lines.push('', ...renderDescribe(request, captures));
  lines.push('');
  return lines.join('\n');
}

function renderDescribe(imported: ImportedRequest, captures: boolean): string[] {
  const { request } = imported;
  const names = imported.parameters.map((p) => p.name);
  const vars = [...(captures ? ['...captured'] : []), ...names.map((name) => `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : tsString(name)}: parameters[${tsString(name)}]`)];
  const send = vars.length > 0 ? `api.send(${tsString(request.name)}, { vars: { ${vars.join(', ')} } })` : `api.send(${tsString(request.name)})`;
  const runner = names.length > 0 ? `given(${names.map(tsString).join(', ')})` : 'it';
  const lines = [`describe(${tsString(request.name)}, () => {`, `  ${runner}(${tsString(title(imported.expected))}, async () => {`];
  // The export's pre-request script made this pair in Postman; here the harness makes it.
  if (imported.pkce) lines.push("    capture('code_verifier', PKCE_VERIFIER);", "    capture('code_challenge', pkceChallenge(PKCE_VERIFIER));", '');
  lines.push(`    const res = await ${send};`, '');
  lines.push(...statusLines(imported.expected));
  const only = imported.expected.length === 1 ? request.responses[imported.expected[0] as number] : undefined;
  if (only) lines.push(`    expect(res.body).toMatchSchema(${tsString(only)});`);
  for (const check of imported.checks) lines.push(`    ${checkLine(check)}`);
  for (const capture of imported.captures) {
    if (TOKEN_VARIABLES.has(capture.variable)) {
      lines.push(`    // ${capture.variable}: the harness's token setup stores it before any test runs.`);
    } else {
      const source = capture.source.kind === 'header' ? `res.headers[${tsString(capture.source.name.toLowerCase())}]` : `pick(res.body, ${path(capture.source.path)})`;
      lines.push(`    capture(${tsString(capture.variable)}, ${source});`);
    }
  }
  for (const line of imported.untranslated) lines.push(`    // Untranslated (${line.listen} script line ${line.line}): ${commentText(line.text)}`);
  lines.push('  });', '});');
  return lines;
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
      return type ? `expect(pick(res.body, ${path(check.path)})).toEqual(expect.any(${type}));` : `// Untranslated: a check that a field is "${commentText(check.type)}".`;
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

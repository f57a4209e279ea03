// Translates the common Postman script patterns into what a harness test says: status assertions
// (`pm.response.to.have.status(201)`, `pm.expect(pm.response.code)…`), field checks on the body
// (`pm.expect(jsonData.token_type).to.eql("bearer")`), and captures
// (`pm.environment.set("access_token", jsonData.access_token)` and its variants) that later
// requests use. Every other line is returned as untranslated, to be listed and kept as a comment.
import { isPerRequestPreRequest } from '../export/per-request-values';
import { HARNESS_FIELDS_MARKER, isPkcePreRequest } from '../export/test-script';
import { bodyPath, headerRead, isLiteral, isStatusRead, isTimeRead, literal, parenthesised, topLevelArguments, type BodyPath } from './script-expressions';

export type Check =
  | { kind: 'equals' | 'includes'; path: BodyPath; value: unknown }
  | { kind: 'type'; path: BodyPath; type: string }
  | { kind: 'exists'; path: BodyPath }
  | { kind: 'above' | 'below'; path: BodyPath; value: number }
  | { kind: 'header'; name: string }
  | { kind: 'time-below'; ms: number }
  | { kind: 'success' };

export type CaptureSource = { kind: 'body'; path: BodyPath } | { kind: 'header'; name: string };

export interface Capture {
  variable: string;
  source: CaptureSource;
}

export interface ScriptLine {
  listen: 'prerequest' | 'test';
  /** 1-based, within that script. */
  line: number;
  text: string;
}

export interface Translation {
  statuses: number[];
  checks: Check[];
  captures: Capture[];
  untranslated: ScriptLine[];
  /** Present when the script is one this harness exported: the schema id checked for each status. */
  schemaByStatus?: Record<string, string>;
  /** The schemas such a script inlines, by id. */
  inlinedSchemas: Record<string, unknown>;
  /** Request fields Postman has no place for, which the export carried in a marker comment. */
  harnessFields?: Record<string, unknown>;
  /** The pre-request script is the export's PKCE pair (code_verifier, code_challenge). */
  pkce: boolean;
  /** Names the script bound to the parsed body (`var jsonData = pm.response.json()`), which untranslated lines may use. */
  bodyNames: string[];
}

/** The JSON after the export's marker comment, or undefined when the line is not that comment. */
function harnessFields(line: string): string | undefined {
  return line.startsWith(`${HARNESS_FIELDS_MARKER} {`) ? line.slice(HARNESS_FIELDS_MARKER.length + 1) : undefined;
}

// chai-postman's named statuses (pm.response.to.be.ok, …).
const NAMED_STATUSES: Record<string, number> = {
  ok: 200,
  accepted: 202,
  withoutContent: 204,
  badRequest: 400,
  unauthorized: 401,
  unauthorised: 401,
  forbidden: 403,
  notFound: 404,
  rateLimited: 429,
};

export function translateScripts(test: readonly string[], prerequest: readonly string[]): Translation {
  const pkce = isPkcePreRequest(prerequest);
  const out: Translation = { statuses: [], checks: [], captures: [], untranslated: [], inlinedSchemas: {}, pkce, bodyNames: [] };
  // The export's per-request values (pm.variables) are what the harness suites pass as `vars` in
  // code; they carry nothing a collection module holds, so they are read as known, not listed.
  const perRequest = isPerRequestPreRequest(prerequest);
  if (!pkce && !perRequest) {
    prerequest.forEach((text, index) => {
      if (!isNoise(text.trim())) out.untranslated.push({ listen: 'prerequest', line: index + 1, text });
    });
  }
  const bodyNames = new Set<string>();
  let open = 0;
  let inSchemas = false;
  let inComment = false;
  test.forEach((text, index) => {
    const line = text.trim().replace(/;$/, '');
    const keep = (): void => void out.untranslated.push({ listen: 'test', line: index + 1, text });
    const fields = harnessFields(line);
    if (fields !== undefined && isLiteral(literal(fields))) return void (out.harnessFields = literal(fields) as Record<string, unknown>);
    if (inComment) return void (inComment = !line.includes('*/'));
    if (line.startsWith('/*')) return void (inComment = !line.includes('*/'));
    if (isNoise(line)) return;
    // The export's own clean-up of those per-request values.
    if (perRequest && /^pm\.variables\.unset\("[^"]+"\)$/.test(line)) return;
    if (inSchemas) {
      if (line === '}') return void (inSchemas = false);
      const entry = /^"([^"]+)":\s*(\{.*\}),?$/.exec(line);
      if (entry && isLiteral(literal(entry[2] as string))) return void (out.inlinedSchemas[entry[1] as string] = literal(entry[2] as string));
      return keep();
    }
    const binding = /^(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*(pm\.response\.json\(\)|JSON\.parse\(responseBody\))$/.exec(line);
    if (binding) return void bodyNames.add(binding[1] as string);
    if (/^(?:var|let|const)\s+schemas\s*=\s*\{$/.test(line)) return void (inSchemas = true);
    const byStatus = /^(?:var|let|const)\s+schemaByStatus\s*=\s*(\{.*\})$/.exec(line);
    if (byStatus && isLiteral(literal(byStatus[1] as string))) return void (out.schemaByStatus = literal(byStatus[1] as string) as Record<string, string>);
    const test = /^pm\.test\(\s*(['"`]).*?\1\s*,\s*(?:function\s*\(\s*\)|\(\s*\)\s*=>)\s*\{(.*)$/.exec(line);
    if (test) {
      const rest = (test[2] as string).trim();
      if (rest === '') return void open++;
      const inner = /^(.*)\}\s*\)$/.exec(rest);
      if (!inner) return keep();
      const statements = (inner[1] as string)
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      return statements.every((s) => statement(s, bodyNames, out)) ? undefined : keep();
    }
    if (/^if\s*\(\s*(?:pm\.response\.code|responseCode\.code)\s*===?\s*\d{3}\s*\)\s*\{$/.test(line)) return void open++;
    // The export's guard around captures of a request that accepts any 2xx.
    if (/^if\s*\(\s*pm\.response\.code\s*>=\s*200\s*&&\s*pm\.response\.code\s*<\s*300\s*\)\s*\{$/.test(line)) return void open++;
    if (/^\}\s*\)?$/.test(line) && open > 0) return void open--;
    if (!statement(line, bodyNames, out)) keep();
  });
  out.statuses = [...new Set(out.statuses)];
  out.bodyNames = [...bodyNames];
  return out;
}

function add<T>(list: T[], ...items: T[]): true {
  list.push(...items);
  return true;
}

function isNoise(line: string): boolean {
  return line === '' || line.startsWith('//') || (line.startsWith('/*') && line.endsWith('*/'));
}

/** Records what one statement means; false when it is not a pattern this importer knows. */
function statement(text: string, bodyNames: ReadonlySet<string>, out: Translation): boolean {
  const line = text.trim().replace(/;$/, '');
  const status = /^pm\.response\.to\.have\.status\(\s*(\d{3})\s*\)$/.exec(line);
  if (status) return add(out.statuses, Number(status[1]));
  const named = /^pm\.response\.to\.(?:be|have)\.(\w+)$/.exec(line);
  if (named && NAMED_STATUSES[named[1] as string]) return add(out.statuses, NAMED_STATUSES[named[1] as string] as number);
  if (named?.[1] === 'success') return add(out.checks, { kind: 'success' });
  const header = /^pm\.response\.to\.have\.header\(\s*(['"])([^'"]+)\1\s*\)$/.exec(line);
  if (header) return add(out.checks, { kind: 'header', name: header[2] as string });
  const legacy = /^tests\[.+\]\s*=\s*responseCode\.code\s*===?\s*(\d{3})$/.exec(line);
  if (legacy) return add(out.statuses, Number(legacy[1]));
  if (out.schemaByStatus && isExportedSchemaCheck(line)) return true;
  if (line.startsWith('pm.expect(')) return expectation(line, bodyNames, out);
  return capture(line, bodyNames, out);
}

/** The lines this harness's export writes around pm.response.to.have.jsonSchema; the schemaByStatus map carries their meaning. */
function isExportedSchemaCheck(line: string): boolean {
  return (
    /^pm\.response\.to\.have\.jsonSchema\(.+\)$/.test(line) ||
    /^(?:const|let|var)\s+schema\s*=\s*schemas\[schemaByStatus\[pm\.response\.code\]\]$/.test(line) ||
    /^pm\.expect\(schema,.*\)\.to\.be\.an\(\s*["']object["']\s*\)$/.test(line)
  );
}

function expectation(line: string, bodyNames: ReadonlySet<string>, out: Translation): boolean {
  const call = parenthesised(line, 'pm.expect'.length);
  if (!call) return false;
  const subject = topLevelArguments(call.inside)[0] ?? '';
  const chain =
    /^\.to(?:\.deep)?\.(?:(?:be\.)?(eql|equal|eq|equals)|be\.(a|an)|(include|contain|have\.string)|be\.(above|below|greaterThan|lessThan)|be\.(oneOf)|(exist)|be\.(true|false|null)|have\.(property))(?:\((.*)\))?$/.exec(
      line.slice(call.end),
    );
  if (!chain) return false;
  const argument = chain[9] === undefined ? undefined : literal(chain[9]);
  if (argument !== undefined && !isLiteral(argument)) return false;
  const equality = chain[1] ?? (chain[7] ? 'eql' : undefined);
  const expected = chain[7] ? JSON.parse(chain[7]) : argument;
  if (isStatusRead(subject)) {
    if (equality && typeof expected === 'number') return add(out.statuses, expected);
    if (chain[5] && Array.isArray(argument) && argument.every((s) => typeof s === 'number')) return add(out.statuses, ...(argument as number[]));
    return false;
  }
  if (isTimeRead(subject)) {
    const comparison = chain[4];
    if ((comparison === 'below' || comparison === 'lessThan') && typeof argument === 'number') return add(out.checks, { kind: 'time-below', ms: argument });
    return false;
  }
  const path = bodyPath(subject, bodyNames);
  if (!path) return false;
  if (equality) return add(out.checks, { kind: 'equals', path, value: expected });
  if (chain[2] && typeof argument === 'string') return add(out.checks, { kind: 'type', path, type: argument });
  if (chain[3]) return add(out.checks, { kind: 'includes', path, value: argument });
  const comparison = chain[4];
  if (comparison && typeof argument === 'number') {
    return add(out.checks, { kind: comparison === 'above' || comparison === 'greaterThan' ? 'above' : 'below', path, value: argument });
  }
  if (chain[6]) return add(out.checks, { kind: 'exists', path });
  if (chain[8] && typeof argument === 'string') return add(out.checks, { kind: 'exists', path: [...path, argument] });
  return false;
}

function capture(line: string, bodyNames: ReadonlySet<string>, out: Translation): boolean {
  const set = /^(?:pm\.(?:environment|collectionVariables|globals|variables)\.set|postman\.set(?:Environment|Global)Variable)\(/.exec(line);
  if (!set) return false;
  const call = parenthesised(line, set[0].length - 1);
  if (!call || call.end !== line.length) return false;
  const [name, expression] = topLevelArguments(call.inside);
  const variable = name === undefined ? undefined : literal(name);
  if (typeof variable !== 'string' || expression === undefined) return false;
  const header = headerRead(expression);
  if (header) return add(out.captures, { variable, source: { kind: 'header', name: header } });
  const path = bodyPath(expression, bodyNames);
  if (!path) return false;
  out.captures.push({ variable, source: { kind: 'body', path } });
  return true;
}

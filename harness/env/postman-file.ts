// Reads one Postman environment file (the format Postman imports and exports) and checks its shape.
// Every problem is collected before throwing, so a broken export is fixed in one pass.
import { EnvironmentError } from './errors';
import { jsonSyntaxProblem } from './json-position';
import { envVariableName } from './variables';

/** One enabled variable of the file. */
export interface PostmanValue {
  key: string;
  value: string;
  /** As written; undefined when the entry has no type (Postman then treats it as default). */
  type?: string;
}

export interface PostmanEnvironmentFile {
  /** The `name` field: what Postman shows in its environment picker. */
  name: string;
  /** Enabled entries only, in file order: Postman ignores disabled ones when resolving. */
  values: PostmanValue[];
}

// "text" is what Postman wrote before it had secret variables; old exports still carry it.
const KNOWN_TYPES = ['default', 'secret', 'text'];

/** Parses and validates `text`, the contents of `file`; throws one EnvironmentError listing every problem. */
export function parsePostmanEnvironment(text: string, file: string): PostmanEnvironmentFile {
  const parsed = parseJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new EnvironmentError(file, [parsed.problem]);
  const doc = parsed.value;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new EnvironmentError(file, [`the file is ${describe(doc)}, not a JSON object with "name" and "values"`]);
  }

  const problems: string[] = [];
  const record = doc as Record<string, unknown>;
  if (record.name === undefined) problems.push('"name" is missing');
  else if (typeof record.name !== 'string' || record.name.trim() === '') problems.push(`"name" must be a non-empty string, not ${describe(record.name)}`);
  const scope = record._postman_variable_scope;
  if (scope !== undefined && scope !== 'environment') {
    problems.push(`"_postman_variable_scope" is ${JSON.stringify(scope)}: this is not an environment export (expected "environment")`);
  }

  const values: PostmanValue[] = [];
  if (record.values === undefined) problems.push('"values" is missing');
  else if (!Array.isArray(record.values)) problems.push(`"values" must be an array, not ${describe(record.values)}`);
  else values.push(...checkValues(record.values, problems));

  if (problems.length) throw new EnvironmentError(file, problems);
  return { name: record.name as string, values };
}

function checkValues(entries: unknown[], problems: string[]): PostmanValue[] {
  const values: PostmanValue[] = [];
  const firstIndexByKey = new Map<string, number>();
  const keyByOverride = new Map<string, string>();
  entries.forEach((entry, index) => {
    const where = `values[${index}]`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push(`${where} must be an object with "key" and "value", not ${describe(entry)}`);
      return;
    }
    const { key, value, type, enabled } = entry as Record<string, unknown>;
    const label = typeof key === 'string' && key !== '' ? `${where} ("${key}")` : where;
    let ok = true;
    if (key === undefined) {
      problems.push(`${where} has no "key"`);
      ok = false;
    } else if (typeof key !== 'string' || key === '') {
      problems.push(`${where} "key" must be a non-empty string, not ${describe(key)}`);
      ok = false;
    }
    // Postman writes every value as a string; a number or boolean means a hand edit that Postman
    // would stringify silently, and a request would then send something other than intended.
    if (value !== undefined && typeof value !== 'string') {
      problems.push(`${label} "value" must be a string, not ${describe(value)}`);
      ok = false;
    }
    if (type !== undefined && (typeof type !== 'string' || !KNOWN_TYPES.includes(type))) {
      problems.push(`${label} has unknown "type" ${JSON.stringify(type)} (expected "default" or "secret")`);
      ok = false;
    }
    if (enabled !== undefined && typeof enabled !== 'boolean') {
      problems.push(`${label} "enabled" must be true or false, not ${describe(enabled)}`);
      ok = false;
    }
    if (!ok || enabled === false) return;

    const name = key as string;
    const first = firstIndexByKey.get(name);
    if (first !== undefined) {
      problems.push(`${label} duplicates the key of values[${first}]`);
      return;
    }
    firstIndexByKey.set(name, index);
    // Two keys with one override name (x-mitel-app, x_mitel_app) could not be told apart in .env.
    const override = envVariableName(name);
    const clash = keyByOverride.get(override);
    if (clash !== undefined) problems.push(`${label} and "${clash}" share the override name ${override}; rename one`);
    keyByOverride.set(override, name);
    values.push({ key: name, value: (value as string | undefined) ?? '', type: type as string | undefined });
  });
  return values;
}

type Parsed = { ok: true; value: unknown } | { ok: false; problem: string };

function parseJson(text: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: `not JSON: ${jsonSyntaxProblem(text)}` };
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${String(value)}`;
}

// A JSON Schema inferred from the example responses Postman saved with a request: the types seen,
// the properties seen, and as required only what every example carries. It is a starting contract
// written to schemas/<api>/, shaped to pass the project's schema house rules (draft-07, $id equal to
// the path, a PascalCase title, every property described) so `npm test` accepts it as it is.

export type JsonSchema = { [keyword: string]: unknown };

export interface SchemaMeta {
  id: string;
  title: string;
  description: string;
}

/** The schema of `bodies` (parsed JSON of one status); undefined unless every body is a JSON object, as the house rules want a root object. */
export function inferSchema(bodies: readonly unknown[], meta: SchemaMeta): JsonSchema | undefined {
  if (bodies.length === 0 || !bodies.every(isObject)) return undefined;
  const { type: _type, ...shape } = infer(bodies);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: meta.id,
    title: meta.title,
    description: meta.description,
    type: 'object',
    ...shape,
  };
}

function infer(values: readonly unknown[]): JsonSchema {
  const types = [...new Set(values.map(typeOf))].sort();
  // An integer in one example and a fraction in another is one number field.
  const merged = types.includes('number') ? types.filter((t) => t !== 'integer') : types;
  const schema: JsonSchema = { type: merged.length === 1 ? merged[0] : merged };

  const objects = values.filter(isObject);
  if (objects.length > 0) {
    const keys = [...new Set(objects.flatMap((o) => Object.keys(o)))];
    const properties: Record<string, JsonSchema> = {};
    for (const key of keys) {
      const seen = objects.filter((o) => Object.prototype.hasOwnProperty.call(o, key)).map((o) => o[key]);
      properties[key] = { ...infer(seen), description: `The ${key} field, as the saved examples show it.` };
    }
    schema.properties = properties;
    const required = keys.filter((key) => objects.every((o) => Object.prototype.hasOwnProperty.call(o, key)));
    if (required.length > 0) schema.required = required;
  }
  const items = values.filter(Array.isArray).flat();
  if (items.length > 0) schema.items = infer(items);
  return schema;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** "GET User (by id)" → "GetUserById": schema titles name generated types. */
export function pascalCase(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
    .replace(/^(\d)/, 'N$1');
}

/** "GET User (by id)" → "get-user-by-id": file names and api folders. */
export function kebabCase(text: string): string {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '')
    .join('-');
}

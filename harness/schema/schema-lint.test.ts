// House rules for schemas/ (after webpack's schemas-lint): the schemas are the documentation and
// the source of the generated types, so what the generator and the reader rely on is checked here.
import { posix } from 'node:path';
import { listSchemaFiles, readSchema, type JsonSchema } from './files';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** The keywords the schemas may use; anything else is a typo or needs a decision (and a generator check). */
const ALLOWED_KEYWORDS = new Set([
  '$schema',
  '$id',
  '$ref',
  '$comment',
  'title',
  'description',
  'examples',
  'default',
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'allOf',
  'anyOf',
  'oneOf',
]);

/** Starts with a capital, ends with exactly one period. */
const SENTENCE = /^[A-Z][\s\S]*[^.]\.$/;

interface Node {
  schema: JsonSchema;
  /** JSON Pointer of the node inside its document. */
  pointer: string;
  /** Set when the node is the schema of a property. */
  property?: string;
}

const files = listSchemaFiles().map((file) => ({ file, schema: readSchema(file) }));
const byId = new Map(files.map(({ file, schema }) => [file.id, schema]));

/** Every subschema of a document with its pointer, following the keywords that hold schemas. */
function nodesOf(schema: JsonSchema, pointer = ''): Node[] {
  const out: Node[] = [{ schema, pointer }];
  const child = (value: unknown, at: string, property?: string) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
    const [first, ...rest] = nodesOf(value as JsonSchema, at);
    if (first) out.push({ ...first, property }, ...rest);
  };
  for (const [name, value] of Object.entries((schema.properties as JsonSchema | undefined) ?? {})) {
    child(value, `${pointer}/properties/${name}`, name);
  }
  child(schema.items, `${pointer}/items`);
  child(schema.additionalProperties, `${pointer}/additionalProperties`);
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) list.forEach((value, index) => child(value, `${pointer}/${keyword}/${index}`));
  }
  return out;
}

/** The schema a $ref points at, from the document `fromId`; undefined when it points nowhere. */
function resolveRef(fromId: string, ref: string): JsonSchema | undefined {
  const [path, fragment = ''] = ref.split('#');
  const documentId = path ? posix.join(posix.dirname(fromId), path) : fromId;
  let node: unknown = byId.get(documentId);
  for (const segment of fragment.split('/').slice(1)) {
    node = typeof node === 'object' && node !== null ? (node as JsonSchema)[segment] : undefined;
  }
  return typeof node === 'object' && node !== null ? (node as JsonSchema) : undefined;
}

describe.each(files.map(({ file, schema }) => [file.relativePath, file.id, schema] as const))('%s', (_path, id, root) => {
  const nodes = nodesOf(root);

  it('declares draft-07 and an $id equal to its path under schemas/ without the suffix', () => {
    expect(root.$schema).toBe(DRAFT_07);
    expect(root.$id).toBe(id);
  });

  it('is an object schema with a PascalCase title (the type name) and a description', () => {
    expect(root.type).toBe('object');
    expect(root.title).toMatch(/^[A-Z][A-Za-z0-9]*$/);
    expect(root.description).toMatch(SENTENCE);
  });

  it('uses only allow-listed keywords, with $id, $schema and title at the root only', () => {
    const unknown = nodes.flatMap(({ schema, pointer }) =>
      Object.keys(schema)
        .filter((key) => !ALLOWED_KEYWORDS.has(key) || (pointer !== '' && ['$id', '$schema', 'title'].includes(key)))
        .map((key) => `${pointer || '#'}: ${key}`),
    );
    expect(unknown).toEqual([]);
  });

  it('describes every property, at any depth, in a sentence', () => {
    const undescribed = nodes
      .filter((node) => node.property !== undefined)
      .filter(({ schema }) => {
        const described = typeof schema.$ref === 'string' ? resolveRef(id, schema.$ref) : schema;
        return !SENTENCE.test(String(described?.description));
      })
      .map(({ pointer }) => pointer);
    const badSentences = nodes
      .filter(({ schema }) => schema.description !== undefined && !SENTENCE.test(String(schema.description)))
      .map(({ pointer }) => pointer || '#');
    expect(undescribed).toEqual([]);
    expect(badSentences).toEqual([]);
  });

  it('keeps every $ref alone in its object and pointing at a schema that exists', () => {
    const refs = nodes.filter(({ schema }) => '$ref' in schema);
    expect(refs.filter(({ schema }) => Object.keys(schema).length !== 1).map(({ pointer }) => pointer)).toEqual([]);
    expect(refs.filter(({ schema }) => !resolveRef(id, String(schema.$ref))).map(({ schema }) => schema.$ref)).toEqual([]);
  });

  it('allows additional properties: the API adds fields, and drift reporting lists them', () => {
    expect(nodes.filter(({ schema }) => schema.additionalProperties === false).map(({ pointer }) => pointer)).toEqual([]);
  });
});

it('gives every schema a distinct title, since titles name the generated types', () => {
  const titles = files.map(({ schema }) => schema.title);
  expect(new Set(titles).size).toBe(titles.length);
});

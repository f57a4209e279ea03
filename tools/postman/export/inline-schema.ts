// A schema from the registry with every $ref replaced by what it points at, so it can travel inside
// a Postman test script: pm.response.to.have.jsonSchema gets one self-contained document and no
// way to fetch "../_shared/links". Nested $id and $schema go (a nested $id would move the base URI
// of the inlined part); the root keeps its $schema and title.
import { posix } from 'node:path';
import { schemaDocument } from '../../../harness/schema/registry';

export type JsonSchema = { [keyword: string]: unknown };

/** The schema `id` ("authentication/application-collection") with all references resolved. */
export function inlineSchema(id: string): JsonSchema {
  const root = resolve(schemaDocument(id), id, [id]) as JsonSchema;
  const { $id: _id, ...rest } = root;
  return { $schema: schemaDocument(id).$schema, ...rest };
}

function resolve(node: unknown, documentId: string, trail: readonly string[]): unknown {
  if (Array.isArray(node)) return node.map((item) => resolve(item, documentId, trail));
  if (node === null || typeof node !== 'object') return node;
  const object = node as JsonSchema;
  if (typeof object.$ref === 'string') {
    const [target, targetDocument, key] = follow(object.$ref, documentId);
    if (trail.includes(key)) throw new Error(`Schema ${trail[0]} cannot be inlined: its references form a cycle (${[...trail, key].join(' → ')}).`);
    return resolve(target, targetDocument, [...trail, key]);
  }
  const out: JsonSchema = {};
  for (const [keyword, value] of Object.entries(object)) {
    if (keyword === '$id' || keyword === '$schema') continue;
    // Under "properties" the keys are field names, not keywords, so a field called $id survives.
    out[keyword] =
      keyword === 'properties' && value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, resolve(schema, documentId, trail)]))
        : resolve(value, documentId, trail);
  }
  return out;
}

/** The node a reference points at, the document it lives in, and a key naming it for cycle checks. */
function follow(ref: string, fromDocument: string): [unknown, string, string] {
  const [file = '', fragment = ''] = ref.split('#');
  const documentId = file === '' ? fromDocument : posix.normalize(posix.join(posix.dirname(fromDocument), file));
  let node: unknown = schemaDocument(documentId);
  for (const segment of fragment.split('/').slice(1)) {
    const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node !== null && typeof node === 'object' ? (node as JsonSchema)[key] : undefined;
    if (node === undefined) throw new Error(`Schema ${fromDocument}: $ref "${ref}" points at nothing.`);
  }
  return [node, documentId, `${documentId}#${fragment}`];
}

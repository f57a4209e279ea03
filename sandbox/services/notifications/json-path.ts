// Evaluates a parsed publicationFilter over a document. Comparison semantics are RFC 9535's
// (§2.3.5.2.2), a CHOICE since CloudLink documents none: no type coercion ('1' != 1), a missing
// member equals nothing but another missing member, `<`/`>` only order numbers with numbers and
// strings with strings, and `=~` tests a string against the regular expression.
import { parseJsonPath, type Expr, type Operand, type Query } from './json-path-parser';

export { JsonPathError } from './json-path-parser';

/** Marks "no value": a member that does not exist, distinct from null. */
const NOTHING: unique symbol = Symbol('nothing');
type Value = unknown;

function childrenOf(node: Value): Value[] {
  if (Array.isArray(node)) return node;
  if (typeof node === 'object' && node !== null) return Object.values(node);
  return [];
}

function select(query: Query, root: Value, current: Value): Value[] {
  let nodes: Value[] = [query.root === '$' ? root : current];
  for (const segment of query.segments) {
    const next: Value[] = [];
    for (const node of nodes) {
      switch (segment.kind) {
        case 'child':
          if (typeof node === 'object' && node !== null && !Array.isArray(node) && Object.hasOwn(node, segment.name)) {
            next.push((node as Record<string, Value>)[segment.name]);
          }
          break;
        case 'index':
          if (Array.isArray(node)) {
            const index = segment.index < 0 ? node.length + segment.index : segment.index;
            if (index >= 0 && index < node.length) next.push(node[index]);
          }
          break;
        case 'wildcard':
          next.push(...childrenOf(node));
          break;
        case 'filter':
          next.push(...childrenOf(node).filter((child) => test(segment.expr, root, child)));
          break;
      }
    }
    nodes = next;
  }
  return nodes;
}

function valueOf(operand: Operand, root: Value, current: Value): Value {
  if (operand.kind === 'literal') return operand.value;
  if (operand.kind === 'regex') return operand.regex;
  // Filter paths are singular (the parser refuses others): one node or nothing.
  const nodes = select(operand.query, root, current);
  return nodes.length === 1 ? nodes[0] : NOTHING;
}

function deepEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return (
    keysA.length === keysB.length &&
    keysA.every((key) => Object.hasOwn(b, key) && deepEqual((a as Record<string, Value>)[key], (b as Record<string, Value>)[key]))
  );
}

function lessThan(a: Value, b: Value): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string') ? a < b : false;
}

function compare(expr: Extract<Expr, { kind: 'compare' }>, root: Value, current: Value): boolean {
  const left = valueOf(expr.left, root, current);
  const right = valueOf(expr.right, root, current);
  switch (expr.op) {
    case '==':
      return deepEqual(left, right);
    case '!=':
      return !deepEqual(left, right);
    case '<':
      return lessThan(left, right);
    case '>':
      return lessThan(right, left);
    case '<=':
      return lessThan(left, right) || deepEqual(left, right);
    case '>=':
      return lessThan(right, left) || deepEqual(left, right);
    case '=~':
      return typeof left === 'string' && right instanceof RegExp && right.test(left);
  }
}

function test(expr: Expr, root: Value, current: Value): boolean {
  switch (expr.kind) {
    case 'or':
      return test(expr.left, root, current) || test(expr.right, root, current);
    case 'and':
      return test(expr.left, root, current) && test(expr.right, root, current);
    case 'not':
      return !test(expr.operand, root, current);
    case 'exists':
      return select(expr.query, root, current).length > 0;
    case 'compare':
      return compare(expr, root, current);
  }
}

export type CompiledJsonPath = (document: unknown) => unknown[];

/** Parses once (throwing JsonPathError for what the subset cannot read); evaluates many times. */
export function compileJsonPath(text: string): CompiledJsonPath {
  const query = parseJsonPath(text);
  return (document) => select(query, document, document);
}

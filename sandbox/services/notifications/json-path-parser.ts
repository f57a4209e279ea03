// Parses the JSONPath subset a subscription's publicationFilter may use. Mitel's sample filters
// with `$.publications[?(@.content.state == 'ringing')]` (S-NOTIF); CloudLink documents no
// grammar, so the sandbox takes the common subset of Goessner JSONPath and RFC
// 9535 and refuses everything else at subscription time, naming what it could not read:
//   path     $ followed by .name  ['name']  .*  [*]  [n]  [?(expr)]  [?expr]
//   expr     ||  &&  !  ( )  and comparisons ==  !=  <  <=  >  >=  =~ /regex/flags
//   operands @.a.b / $.a.b (singular paths), 'text' "text", numbers, true false null
// A bare path in a filter (`[?(@.a)]`) tests that the member exists (RFC 9535 §2.3.5).

export class JsonPathError extends Error {}

export type Segment = { kind: 'child'; name: string } | { kind: 'index'; index: number } | { kind: 'wildcard' } | { kind: 'filter'; expr: Expr };

export interface Query {
  root: '$' | '@';
  segments: Segment[];
}

export type Literal = string | number | boolean | null;
export type Operand = { kind: 'literal'; value: Literal } | { kind: 'query'; query: Query } | { kind: 'regex'; regex: RegExp };
export type ComparisonOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '=~';

export type Expr =
  | { kind: 'or' | 'and'; left: Expr; right: Expr }
  | { kind: 'not'; operand: Expr }
  | { kind: 'exists'; query: Query }
  | { kind: 'compare'; op: ComparisonOp; left: Operand; right: Operand };

/** CHOICE: filters longer than this are refused; no sample comes near it. */
export const MAX_FILTER_LENGTH = 1000;
/**
 * CHOICE: how deeply `( )`, `!` and filters inside filters may nest, the same bound as OData's
 * $filter (platform/odata-filter.ts). The parser recurses once per level; S-NOTIF's sample nests one.
 */
export const MAX_NESTING_DEPTH = 32;

const NAME = /[A-Za-z_$][\w$]*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const OPERATORS: readonly ComparisonOp[] = ['==', '!=', '<=', '>=', '=~', '<', '>'];

class Parser {
  private at = 0;
  private depth = 0;

  constructor(private readonly text: string) {}

  parse(): Query {
    this.space();
    if (!this.eat('$')) this.fail('a filter starts with $');
    const query = this.segments('$');
    this.space();
    if (this.at < this.text.length) this.fail(`unexpected '${this.text[this.at]}'`);
    return query;
  }

  private fail(why: string): never {
    throw new JsonPathError(`publicationFilter: ${why} at position ${this.at}.`);
  }

  /** Runs `parse` one nesting level down, refusing to go past MAX_NESTING_DEPTH. */
  private nested<R>(parse: () => R): R {
    if (this.depth >= MAX_NESTING_DEPTH) this.fail(`nesting deeper than ${MAX_NESTING_DEPTH} levels is not supported`);
    this.depth += 1;
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private space(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] as string)) this.at += 1;
  }

  private eat(token: string): boolean {
    if (!this.text.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private match(pattern: RegExp): string | undefined {
    pattern.lastIndex = this.at;
    const found = pattern.exec(this.text);
    if (!found) return undefined;
    this.at += found[0].length;
    return found[0];
  }

  private segments(root: Query['root']): Query {
    const segments: Segment[] = [];
    for (;;) {
      if (this.text.startsWith('..', this.at)) this.fail('recursive descent (..) is not supported');
      if (this.eat('.')) {
        if (this.eat('*')) segments.push({ kind: 'wildcard' });
        else segments.push({ kind: 'child', name: this.match(NAME) ?? this.fail('a member name must follow "."') });
      } else if (this.eat('[')) {
        segments.push(this.bracket());
      } else {
        return { root, segments };
      }
    }
  }

  private bracket(): Segment {
    this.space();
    let segment: Segment;
    if (this.eat('*')) segment = { kind: 'wildcard' };
    else if (this.eat('?')) segment = { kind: 'filter', expr: this.nested(() => this.filterBody()) };
    else if (this.text[this.at] === "'" || this.text[this.at] === '"') segment = { kind: 'child', name: this.string() };
    else {
      const index = this.match(/-?\d+/y);
      if (index === undefined) this.fail('expected a name, an index, * or ?( ) in brackets');
      segment = { kind: 'index', index: Number(index) };
    }
    this.space();
    if (!this.eat(']')) this.fail('slices and unions are not supported; expected "]"');
    return segment;
  }

  private filterBody(): Expr {
    this.space();
    return this.or();
  }

  private or(): Expr {
    let left = this.and();
    for (this.space(); this.eat('||'); this.space()) left = { kind: 'or', left, right: this.and() };
    return left;
  }

  private and(): Expr {
    let left = this.unary();
    for (this.space(); this.eat('&&'); this.space()) left = { kind: 'and', left, right: this.unary() };
    return left;
  }

  private unary(): Expr {
    this.space();
    if (this.text.startsWith('!', this.at) && !this.text.startsWith('!=', this.at)) {
      this.at += 1;
      return { kind: 'not', operand: this.nested(() => this.unary()) };
    }
    if (this.eat('(')) {
      const inner = this.nested(() => this.or());
      this.space();
      if (!this.eat(')')) this.fail('expected ")"');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.operand();
    this.space();
    const op = OPERATORS.find((candidate) => this.text.startsWith(candidate, this.at));
    if (op === undefined) {
      if (left.kind !== 'query') this.fail('a literal alone is not a test; compare it with == or another operator');
      return { kind: 'exists', query: left.query };
    }
    this.at += op.length;
    this.space();
    const right = op === '=~' ? this.regex() : this.operand();
    return { kind: 'compare', op, left, right };
  }

  private operand(): Operand {
    this.space();
    const next = this.text[this.at];
    if (next === '@' || next === '$') {
      this.at += 1;
      const query = this.segments(next);
      if (query.segments.some((segment) => segment.kind !== 'child' && segment.kind !== 'index')) {
        this.fail('paths inside a filter must be singular, like @.content.state');
      }
      return { kind: 'query', query };
    }
    if (next === "'" || next === '"') return { kind: 'literal', value: this.string() };
    const number = this.match(NUMBER);
    if (number !== undefined) return { kind: 'literal', value: Number(number) };
    for (const [word, value] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.match(new RegExp(`${word}(?![\\w$])`, 'y')) !== undefined) return { kind: 'literal', value };
    }
    return this.fail('expected @.path, a string, a number, true, false or null (functions are not supported)');
  }

  private string(): string {
    const quote = this.text[this.at] as string;
    let value = '';
    for (this.at += 1; this.at < this.text.length; this.at += 1) {
      const char = this.text[this.at] as string;
      if (char === quote) {
        this.at += 1;
        return value;
      }
      if (char === '\\') {
        this.at += 1;
        const escaped = this.text[this.at];
        if (escaped === undefined) break;
        value += escaped === 'n' ? '\n' : escaped === 't' ? '\t' : escaped;
      } else value += char;
    }
    return this.fail('unterminated string');
  }

  private regex(): Operand {
    if (!this.eat('/')) this.fail('=~ takes a /regular expression/');
    const start = this.at;
    while (this.at < this.text.length && this.text[this.at] !== '/') this.at += this.text[this.at] === '\\' ? 2 : 1;
    if (this.at >= this.text.length) this.fail('unterminated regular expression');
    const source = this.text.slice(start, this.at);
    this.at += 1;
    const flags = this.match(/[imsu]*/y) ?? '';
    try {
      return { kind: 'regex', regex: new RegExp(source, flags) };
    } catch {
      return this.fail(`invalid regular expression /${source}/`);
    }
  }
}

export function parseJsonPath(text: string): Query {
  if (text.length > MAX_FILTER_LENGTH) throw new JsonPathError(`publicationFilter is longer than ${MAX_FILTER_LENGTH} characters.`);
  return new Parser(text).parse();
}

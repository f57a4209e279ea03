// The OData `$filter` and `$orderby` languages of CloudLink's lists, compiled to plain functions.
// Documented: `eq ne lt gt le ge and or` and `contains(principal, '<id>')` (MEDIA-SPEC parameter
// descriptions, S-MEDIA), string literals in single quotes (`direction eq 'inbound'`, MEDIA-SPEC
// info text), `$orderby` as a query option (MEDIA-SPEC parameters). Everything beyond that —
// `not`, parentheses, `startswith`/`endswith`, number/true/false/null literals, `field [asc|desc]`
// lists — is standard OData v4 syntax the sandbox accepts by CHOICE (CloudLink documents no
// details). Use it through platform/odata.ts; this file is its parser.
import { SandboxError, badRequest } from './errors';

/** Which OData option a field is named in: errors say where the unknown field was. */
export type FieldUse = '$filter' | '$orderby';
/** Maps a field path (`name`, `policy/allowGuestAccess`) to a reader, or throws for an unknown one. */
export type FieldResolver<T> = (path: string, use: FieldUse) => (item: T) => unknown;
export type Predicate<T> = (item: T) => boolean;
export type Comparator<T> = (a: T, b: T) => number;

/** 400 InvalidQuery: the option is there but does not parse. */
export const invalidQuery = (message: string): SandboxError => badRequest('InvalidQuery', message);
/** 400 UnsupportedQueryParameters (AUTH-SPEC GET /apps): parses, but asks for what the route lacks. */
export const unsupportedQuery = (message: string): SandboxError => badRequest('UnsupportedQueryParameters', message);

/**
 * CHOICE (CloudLink publishes no limits): the longest `$filter` read and how deeply it may nest
 * (parentheses and `not`). The parser recurses once per level, so without a bound a few thousand
 * parentheses overflow the stack; real filters (MEDIA-SPEC, RN-APP) are one or two comparisons.
 */
export const MAX_FILTER_LENGTH = 2000;
export const MAX_FILTER_DEPTH = 32;

/** Refuses a `$filter` over MAX_FILTER_LENGTH; routes that read $filter themselves call it too. */
export function checkFilterLength(text: string): void {
  if (text.length > MAX_FILTER_LENGTH) {
    throw invalidQuery(`$filter is ${text.length} characters long; the sandbox reads at most ${MAX_FILTER_LENGTH}.`);
  }
}

interface Token {
  kind: 'word' | 'string' | 'number' | '(' | ')' | ',';
  text: string;
  /** 1-based character position in the option's text, for messages. */
  at: number;
}

const WORD = /[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*/y;
const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const COMPARISONS = ['eq', 'ne', 'lt', 'gt', 'le', 'ge'] as const;
type ComparisonOp = (typeof COMPARISONS)[number];
/** OData operators the sandbox knows of but does not evaluate: named as unsupported, not "unexpected". */
const UNSUPPORTED_OPERATORS = ['has', 'in', 'add', 'sub', 'mul', 'div', 'divby', 'mod'];
const FUNCTIONS: Record<string, (text: string, part: string) => boolean> = {
  contains: (text, part) => text.includes(part),
  startswith: (text, part) => text.startsWith(part),
  endswith: (text, part) => text.endsWith(part),
};

/** The text `pattern` (a sticky regex) matches exactly at `index`, if any. */
function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text)?.[0];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char, text: char, at: i + 1 });
      i += 1;
      continue;
    }
    if (char === "'") {
      // OData string literal: a quote inside is doubled ('O''Brien').
      let end = i + 1;
      for (;;) {
        end = text.indexOf("'", end);
        if (end === -1) throw invalidQuery(`$filter: unterminated string starting at position ${i + 1}.`);
        if (text[end + 1] !== "'") break;
        end += 2;
      }
      tokens.push({ kind: 'string', text: text.slice(i, end + 1), at: i + 1 });
      i = end + 1;
      continue;
    }
    const word = matchAt(NUMBER, text, i) ?? matchAt(WORD, text, i);
    if (!word) throw invalidQuery(`$filter: unexpected character '${char}' at position ${i + 1}.`);
    tokens.push({ kind: /^-?\d/.test(word) ? 'number' : 'word', text: word, at: i + 1 });
    i += word.length;
  }
  return tokens;
}

/** Dates compare as their ISO text, which orders correctly; everything else as it is. */
function normalise(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function equal(a: unknown, b: unknown): boolean {
  // OData: null eq null is true; a missing field reads as null.
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  return a === b;
}

/** lt/gt/le/ge order numbers with numbers and strings with strings (ordinal); any other pair is false. */
function ordered(op: ComparisonOp, a: unknown, b: unknown): boolean {
  if (op === 'eq') return equal(a, b);
  if (op === 'ne') return !equal(a, b);
  const comparable = (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
  if (!comparable) return false;
  const order = (a as string | number) < (b as string | number) ? -1 : (a as string | number) > (b as string | number) ? 1 : 0;
  return op === 'lt' ? order < 0 : op === 'gt' ? order > 0 : op === 'le' ? order <= 0 : order >= 0;
}

class FilterParser<T> {
  private position = 0;
  private depth = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly resolve: FieldResolver<T>,
  ) {}

  parse(): Predicate<T> {
    if (this.tokens.length === 0) throw invalidQuery('$filter is empty.');
    const predicate = this.or();
    const rest = this.tokens[this.position];
    if (rest) throw this.unexpected(rest);
    return predicate;
  }

  private peekWord(...words: readonly string[]): string | undefined {
    const token = this.tokens[this.position];
    const word = token?.kind === 'word' ? token.text.toLowerCase() : undefined;
    return word !== undefined && words.includes(word) ? word : undefined;
  }

  private unexpected(token: Token | undefined): SandboxError {
    if (!token) return invalidQuery('$filter ends too early.');
    const word = token.text.toLowerCase();
    if (token.kind === 'word' && UNSUPPORTED_OPERATORS.includes(word)) {
      return unsupportedQuery(`$filter: the operator '${token.text}' is not supported (position ${token.at}).`);
    }
    return invalidQuery(`$filter: unexpected '${token.text}' at position ${token.at}.`);
  }

  /** Runs `parse` one nesting level down, refusing to go past MAX_FILTER_DEPTH. */
  private nested<R>(at: Token, parse: () => R): R {
    if (this.depth >= MAX_FILTER_DEPTH) {
      throw invalidQuery(`$filter nests deeper than ${MAX_FILTER_DEPTH} levels (parentheses and 'not') at position ${at.at}.`);
    }
    this.depth += 1;
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private expect(kind: Token['kind']): Token {
    const token = this.tokens[this.position];
    if (token?.kind !== kind) throw token ? invalidQuery(`$filter: expected '${kind}' at position ${token.at}.`) : this.unexpected(token);
    this.position += 1;
    return token;
  }

  // A chain of `and`/`or` is kept flat: nested closures would make evaluation recurse once per
  // operand, which a long filter could still push towards the stack limit.
  private or(): Predicate<T> {
    const parts = [this.and()];
    while (this.peekWord('or')) {
      this.position += 1;
      parts.push(this.and());
    }
    return parts.length === 1 ? (parts[0] as Predicate<T>) : (item) => parts.some((part) => part(item));
  }

  private and(): Predicate<T> {
    const parts = [this.unary()];
    while (this.peekWord('and')) {
      this.position += 1;
      parts.push(this.unary());
    }
    return parts.length === 1 ? (parts[0] as Predicate<T>) : (item) => parts.every((part) => part(item));
  }

  private unary(): Predicate<T> {
    const token = this.tokens[this.position];
    if (!token || !this.peekWord('not')) return this.primary();
    this.position += 1;
    const inner = this.nested(token, () => this.unary());
    return (item) => !inner(item);
  }

  private primary(): Predicate<T> {
    const token = this.tokens[this.position];
    if (token?.kind === '(') {
      this.position += 1;
      const inner = this.nested(token, () => this.or());
      this.expect(')');
      return inner;
    }
    if (token?.kind === 'word' && this.tokens[this.position + 1]?.kind === '(') return this.call(token);
    const left = this.operand();
    const op = this.peekWord(...COMPARISONS) as ComparisonOp | undefined;
    // A bare operand is a boolean test: `$filter=active` keeps the items whose active is true.
    if (!op) return (item) => normalise(left(item)) === true;
    this.position += 1;
    const right = this.operand();
    return (item) => ordered(op, normalise(left(item)), normalise(right(item)));
  }

  private call(name: Token): Predicate<T> {
    const test = FUNCTIONS[name.text.toLowerCase()];
    if (!test) throw unsupportedQuery(`$filter: the function '${name.text}' is not supported (position ${name.at}).`);
    this.position += 2;
    const args = [this.operand()];
    while (this.tokens[this.position]?.kind === ',') {
      this.position += 1;
      args.push(this.operand());
    }
    this.expect(')');
    const [text, part] = args;
    if (args.length !== 2 || !text || !part) throw invalidQuery(`$filter: ${name.text}() takes two arguments (position ${name.at}).`);
    return (item) => {
      const [a, b] = [normalise(text(item)), normalise(part(item))];
      return typeof a === 'string' && typeof b === 'string' && test(a, b);
    };
  }

  private operand(): (item: T) => unknown {
    const token = this.tokens[this.position];
    if (!token || token.kind === '(' || token.kind === ')' || token.kind === ',') throw this.unexpected(token);
    this.position += 1;
    if (token.kind === 'string') {
      const value = token.text.slice(1, -1).replace(/''/g, "'");
      return () => value;
    }
    if (token.kind === 'number') {
      const value = Number(token.text);
      return () => value;
    }
    const word = token.text.toLowerCase();
    if (word === 'true' || word === 'false' || word === 'null') {
      const value = word === 'null' ? null : word === 'true';
      return () => value;
    }
    if ([...COMPARISONS, 'and', 'or', 'not'].includes(word) || UNSUPPORTED_OPERATORS.includes(word)) throw this.unexpected(token);
    return this.resolve(token.text, '$filter');
  }
}

/** Compiles a `$filter` expression; throws 400 InvalidQuery / UnsupportedQueryParameters naming the problem. */
export function compileFilter<T>(text: string, resolve: FieldResolver<T>): Predicate<T> {
  checkFilterLength(text);
  return new FilterParser(tokenize(text), resolve).parse();
}

/** null/undefined < booleans < numbers < strings < anything else; OData sorts nulls first ascending. */
function compareValues(a: unknown, b: unknown): number {
  const rank = (v: unknown) => (v === undefined || v === null ? 0 : typeof v === 'boolean' ? 1 : typeof v === 'number' ? 2 : typeof v === 'string' ? 3 : 4);
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb) return ra - rb;
  if (ra === 1 || ra === 2) return Number(a) - Number(b);
  if (ra === 3) return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
  return 0;
}

/** Compiles `$orderby`: `field [asc|desc]`, comma-separated; ties keep the route's own order. */
export function compileOrderBy<T>(text: string, resolve: FieldResolver<T>): Comparator<T> {
  const keys = text.split(',').map((part) => {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?\s*$/i.exec(part);
    if (!match) throw invalidQuery(`$orderby: '${part.trim()}' is not 'field', 'field asc' or 'field desc'.`);
    const read = resolve(match[1] as string, '$orderby');
    const sign = match[2]?.toLowerCase() === 'desc' ? -1 : 1;
    return { read, sign };
  });
  return (a, b) => {
    for (const { read, sign } of keys) {
      const order = compareValues(normalise(read(a)), normalise(read(b)));
      if (order !== 0) return sign * order;
    }
    return 0;
  };
}

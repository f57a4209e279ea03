// The small pieces of JavaScript that Postman test scripts are made of, read without evaluating
// anything: a call's argument list, a literal, and a path into the response body such as
// `jsonData._embedded.items[0].id`. Anything outside these shapes is left for the caller to list
// as untranslated, never guessed at.

/** A path into the JSON body: property names and array indexes. */
export type BodyPath = Array<string | number>;

/** The text inside the parentheses opening at `open` and the index after the closing one; undefined when unbalanced. */
export function parenthesised(text: string, open: number): { inside: string; end: number } | undefined {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') {
      quote = char;
    } else if (char === '(' || char === '[' || char === '{') {
      depth++;
    } else if (char === ')' || char === ']' || char === '}') {
      depth--;
      if (depth === 0) return { inside: text.slice(open + 1, i), end: i + 1 };
    }
  }
  return undefined;
}

/** Splits at commas that are not inside brackets or strings. */
export function topLevelArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quote) {
      if (char === '\\') i++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '' || out.length > 0) out.push(last);
  return out;
}

const NO_LITERAL = Symbol('no literal');

/** A JSON literal, or a single-quoted string; NO_LITERAL for anything else (template strings, expressions). */
export function literal(text: string): unknown {
  const trimmed = text.trim();
  const single = /^'((?:[^'\\]|\\.)*)'$/.exec(trimmed);
  if (single) return (single[1] as string).replace(/\\(.)/g, '$1');
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return NO_LITERAL;
  }
}

export function isLiteral(value: unknown): boolean {
  return value !== NO_LITERAL;
}

const ACCESSOR = /^(?:\??\.([A-Za-z_$][\w$]*)|\??\.?\[\s*(\d+|'[^']*'|"[^"]*")\s*\])/;

/**
 * The body path an expression reads, when it starts at the parsed body: a name bound to
 * `pm.response.json()` (or `JSON.parse(responseBody)`), or that call itself.
 */
export function bodyPath(expression: string, bodyNames: ReadonlySet<string>): BodyPath | undefined {
  const text = expression.trim();
  const root = /^(pm\.response\.json\(\)|JSON\.parse\(responseBody\)|[A-Za-z_$][\w$]*)/.exec(text);
  if (!root) return undefined;
  const name = root[1] as string;
  if (!name.includes('(') && !bodyNames.has(name)) return undefined;
  const path: BodyPath = [];
  let rest = text.slice(name.length);
  while (rest !== '') {
    const step = ACCESSOR.exec(rest);
    if (!step) return undefined;
    if (step[1] !== undefined) path.push(step[1]);
    else {
      const key = step[2] as string;
      path.push(/^\d+$/.test(key) ? Number(key) : key.slice(1, -1));
    }
    rest = rest.slice(step[0].length);
  }
  return path;
}

/** `pm.response.headers.get("Location")` and the older `postman.getResponseHeader("Location")`: the header name. */
export function headerRead(expression: string): string | undefined {
  return /^(?:pm\.response\.headers\.get|postman\.getResponseHeader)\(\s*(['"])([^'"]+)\1\s*\)$/.exec(expression.trim())?.[2];
}

export function isStatusRead(expression: string): boolean {
  return /^(?:pm\.response\.code|responseCode\.code)$/.test(expression.trim());
}

export function isTimeRead(expression: string): boolean {
  return /^(?:pm\.response\.responseTime|responseTime)$/.test(expression.trim());
}

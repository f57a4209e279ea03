// Where a JSON text first goes wrong. Node 20's JSON.parse often reports only "Unexpected token"
// with no offset, and an error that says "somewhere in your 200-line export" is no help, so this
// walks the grammar (RFC 8259) just far enough to find the first offending character.

/** The 0-based offset of the first character that makes `text` invalid JSON (text.length when it ends early), or -1 when valid. */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const fail = (offset: number): never => {
    throw new Located(offset);
  };
  const skipSpace = (): void => {
    while (at < text.length && ' \t\n\r'.includes(text.charAt(at))) at++;
  };
  const expect = (literal: string): void => {
    for (const char of literal) {
      if (text.charAt(at) !== char) fail(at);
      at++;
    }
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (at >= text.length) fail(at);
      const char = text.charAt(at);
      if (char === '"') return void at++;
      if (char < ' ') fail(at);
      if (char === '\\') {
        at++;
        const escape = text.charAt(at);
        if (escape === 'u') {
          for (let i = 1; i <= 4; i++) if (!/[0-9a-fA-F]/.test(text.charAt(at + i))) fail(at + i);
          at += 4;
        } else if (!'"\\/bfnrt'.includes(escape) || escape === '') fail(at);
      }
      at++;
    }
  };
  const digits = (): void => {
    if (!/[0-9]/.test(text.charAt(at))) fail(at);
    while (/[0-9]/.test(text.charAt(at))) at++;
  };
  const number = (): void => {
    if (text.charAt(at) === '-') at++;
    if (text.charAt(at) === '0') at++;
    else digits();
    if (text.charAt(at) === '.') {
      at++;
      digits();
    }
    if (/[eE]/.test(text.charAt(at))) {
      at++;
      if (/[+-]/.test(text.charAt(at))) at++;
      digits();
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text.charAt(at);
    if (char === '{') return members('}', () => (string(), skipSpace(), expect(':'), value()));
    if (char === '[') return members(']', value);
    if (char === '"') return string();
    if (char === 't') return expect('true');
    if (char === 'f') return expect('false');
    if (char === 'n') return expect('null');
    if (char === '-' || /[0-9]/.test(char)) return number();
    fail(at);
  };
  const members = (close: string, member: () => void): void => {
    at++;
    skipSpace();
    if (text.charAt(at) === close) return void at++;
    for (;;) {
      skipSpace();
      member();
      skipSpace();
      if (text.charAt(at) === close) return void at++;
      expect(',');
    }
  };

  try {
    value();
    skipSpace();
    return at < text.length ? at : -1;
  } catch (error) {
    if (error instanceof Located) return Math.min(error.offset, text.length);
    throw error;
  }
}

class Located {
  constructor(readonly offset: number) {}
}

/** 1-based line and column of an offset, as an editor shows them. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/**
 * For a message about a text JSON.parse refused: what is wrong and where, as `unexpected "}" at
 * line 4, column 12` or `the text ends early at line 1, column 12`. V8's own message is not used:
 * it quotes the text around the error, which may hold a secret.
 */
export function jsonSyntaxProblem(text: string): string {
  const found = jsonErrorOffset(text);
  const offset = found < 0 ? text.length : found;
  const { line, column } = lineAndColumn(text, offset);
  const what = offset >= text.length ? 'the text ends early' : `unexpected ${JSON.stringify(text.charAt(offset))}`;
  return `${what} at line ${line}, column ${column}`;
}

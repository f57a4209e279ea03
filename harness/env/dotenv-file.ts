// Reads one .env file strictly. dotenv.parse skips whatever it cannot read, so a pasted secret with
// no name, a line of binary or a half-quoted value used to vanish without a word; here each is a
// problem naming the file and the line. Lines are never echoed: they may hold a secret.
import { readFileSync, statSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';

export interface DotenvFile {
  values: Record<string, string>;
  problems: string[];
}

// dotenv's grammar: NAME=value or NAME: value, optionally after "export".
const ASSIGNMENT = /^\s*(?:export\s+)?([\w.-]+)(?:\s*=|:\s)(.*)$/;
const QUOTES = ['"', "'", '`'];

export function readDotenvFile(file: string): DotenvFile {
  let bytes: Buffer;
  try {
    if (statSync(file).isDirectory()) return failed(`${file} is a directory, not a .env file: remove it or move it aside`);
    bytes = readFileSync(file);
  } catch (error) {
    return failed(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    return failed(`${file} holds binary data (a NUL byte on line ${lineOfByte(bytes, nul)}); a .env file is text, one CLOUDLINK_NAME=value per line`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return failed(`${file} is not UTF-8 text; save it as UTF-8, one CLOUDLINK_NAME=value per line`);
  }
  const problems = lintLines(text).map((problem) => `${file}, ${problem}`);
  return { values: problems.length ? {} : parseDotenv(text), problems };
}

function failed(problem: string): DotenvFile {
  return { values: {}, problems: [problem] };
}

function lineOfByte(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Each line is blank, a # comment, an assignment, or inside a quoted value that spans lines. */
function lintLines(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  let open: { quote: string; line: number } | undefined;
  lines.forEach((line, index) => {
    const number = index + 1;
    if (open) {
      if (closes(line, open.quote)) open = undefined;
      return;
    }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const match = ASSIGNMENT.exec(line);
    if (!match) {
      const column = line.length - line.trimStart().length + 1;
      problems.push(`line ${number}, column ${column}: not NAME=value (expected a name of letters, digits and _, then "=", e.g. CLOUDLINK_PASSWORD=…)`);
      return;
    }
    const value = (match[2] ?? '').trimStart();
    const quote = QUOTES.find((q) => value.startsWith(q));
    if (quote && !closes(value.slice(1), quote)) open = { quote, line: number };
  });
  if (open) problems.push(`line ${open.line}: the value opened with ${open.quote} is never closed`);
  return problems;
}

function closes(text: string, quote: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return true;
  }
  return false;
}

// TypeScript source text for values, in the project's style (single quotes, two-space indent,
// trailing commas), so generated files read like hand-written ones and need no formatter.

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const WIDTH = 110;

export function tsString(text: string): string {
  const escaped = text.replace(/[\\'\n\r\t\u2028\u2029]/g, (char) => {
    switch (char) {
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '\u2028':
        return '\\u2028';
      case '\u2029':
        return '\\u2029';
      default:
        return `\\${char}`;
    }
  });
  return `'${escaped}'`;
}

export function tsKey(key: string): string {
  return IDENTIFIER.test(key) || /^(0|[1-9]\d*)$/.test(key) ? key : tsString(key);
}

/** A value as a TS expression; objects and arrays break over lines when they do not fit in `WIDTH` at `indent`. */
export function tsValue(value: unknown, indent = ''): string {
  const inline = tsInline(value);
  if (inline.length + indent.length <= WIDTH || value === null || typeof value !== 'object') return inline;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${inner}${tsValue(item, inner)},\n`).join('')}${indent}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{\n${entries.map(([key, item]) => `${inner}${tsKey(key)}: ${tsValue(item, inner)},\n`).join('')}${indent}}`;
}

function tsInline(value: unknown): string {
  if (typeof value === 'string') return tsString(value);
  if (value === null || typeof value !== 'object') return value === undefined ? 'undefined' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(tsInline).join(', ')}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([key, item]) => `${tsKey(key)}: ${tsInline(item)}`).join(', ')} }`;
}

/** One line of a `//` comment: no line breaks, so a value cannot end the comment early. */
export function commentText(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ').trim();
}

/** "cloudlink-sample" → "cloudlinkSample": the collection's exported name. */
export function camelCase(text: string): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  const name = words.map((word, index) => (index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1))).join('');
  return /^[A-Za-z_]/.test(name) ? name : `collection${name}`;
}

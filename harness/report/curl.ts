// A ready-to-run curl command for a reported exchange, so that a developer can send the same
// request again from a shell. It is built from the SCRUBBED request, so it holds no secret and no
// identifier of the account: each placeholder of an environment value becomes the shell variable
// that the harness reads that value from (redacted-accountid-1 → $CLOUDLINK_ACCOUNTID,
// redacted-access_token-2 → $CLOUDLINK_ACCESS_TOKEN2), which the developer's .env already sets.
import type { RecordedRequest } from '../client/exchange';
import { envVariableName } from '../env/variables';

export interface CurlOptions {
  /** Placeholder → the environment variable it stands for (Scrubber.knownVariables()). */
  variables?: ReadonlyMap<string, string>;
  /** Base URLs by variable; a {{variable}} without one becomes $CLOUDLINK_<VARIABLE>. */
  baseUrls?: Record<string, string>;
}

/** Headers curl writes itself, or that only describe this one transfer. */
const LEFT_OUT = new Set(['content-length', 'host', 'connection', 'accept-encoding']);
const REPLACEABLE = /redacted-[a-z0-9_]+-\d+|\{\{[A-Za-z0-9_.-]+\}\}/g;

type Piece = { text: string } | { variable: string };

/** The command, one option per line, preceded by a comment naming the variables it needs. */
export function curlCommand(request: RecordedRequest, options: CurlOptions = {}): string {
  const needed = new Set<string>();
  const word = (text: string) => shellWord(pieces(text, options, needed));
  const lines = [`curl${methodOption(request.method)} ${word(request.url)}`];
  for (const [name, value] of Object.entries(request.headers)) {
    if (!LEFT_OUT.has(name.toLowerCase())) lines.push(`-H ${word(`${name}: ${value}`)}`);
  }
  lines.push(...bodyOptions(request, word));
  const command = lines.join(' \\\n  ');
  if (needed.size === 0) return command;
  return `# needs ${[...needed].sort().join(', ')} (set in .env or the shell)\n${command}`;
}

function methodOption(method: string): string {
  const upper = method.toUpperCase();
  if (upper === 'GET') return '';
  // -X HEAD would wait for a body that never comes.
  if (upper === 'HEAD') return ' --head';
  return ` -X ${upper}`;
}

function bodyOptions(request: RecordedRequest, word: (text: string) => string): string[] {
  const body = request.body;
  if (body === undefined) return [];
  if (request.bodyType === 'form' && body !== null && typeof body === 'object') {
    // --data-urlencode encodes each value after the shell has put the variable in.
    return Object.entries(body as Record<string, unknown>).map(([name, value]) => `--data-urlencode ${word(`${name}=${String(value)}`)}`);
  }
  return [`--data-raw ${word(typeof body === 'string' ? body : JSON.stringify(body))}`];
}

/** Splits text into literal text and shell variables standing for placeholders and base URLs. */
function pieces(text: string, options: CurlOptions, needed: Set<string>): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const match of text.matchAll(REPLACEABLE)) {
    const found = match[0];
    const index = match.index ?? 0;
    const baseUrl = found.startsWith('{{') ? options.baseUrls?.[found.slice(2, -2)] : undefined;
    const variable = baseUrl === undefined ? variableFor(found, options) : undefined;
    if (baseUrl === undefined && variable === undefined) continue;
    if (index > at) out.push({ text: text.slice(at, index) });
    if (variable !== undefined) {
      needed.add(variable);
      out.push({ variable });
    } else {
      out.push({ text: baseUrl as string });
    }
    at = index + found.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

function variableFor(placeholder: string, options: CurlOptions): string | undefined {
  if (placeholder.startsWith('{{')) return envVariableName(placeholder.slice(2, -2));
  const known = options.variables?.get(placeholder);
  if (known !== undefined) return envVariableName(known);
  // A credential the run met but the environment did not hold (a refreshed token): named by its kind.
  const kind = /^redacted-([a-z0-9_]+)-\d+$/.exec(placeholder)?.[1];
  return kind === undefined ? undefined : envVariableName(kind);
}

/**
 * One shell word: double quotes when the literal text holds no quote and no ! (the readable
 * "Authorization: Bearer $CLOUDLINK_ACCESS_TOKEN", a literal $ escaped), otherwise single-quoted text and double-quoted
 * variables side by side ('{"id":"'"$CLOUDLINK_ACCOUNTID"'"}').
 */
export function shellWord(parts: readonly Piece[]): string {
  if (parts.length === 0) return "''";
  const literals = parts.flatMap((part) => ('text' in part ? [part.text] : []));
  if (literals.every((text) => !/["!]/.test(text))) {
    let out = '';
    parts.forEach((part, i) => {
      if ('text' in part) out += part.text.replace(/[\\$`]/g, '\\$&');
      else out += /^[A-Za-z0-9_]/.test(textOf(parts[i + 1])) ? `\${${part.variable}}` : `$${part.variable}`;
    });
    return `"${out}"`;
  }
  return parts.map((part) => ('text' in part ? `'${part.text.replace(/'/g, `'\\''`)}'` : `"$${part.variable}"`)).join('');
}

function textOf(part: Piece | undefined): string {
  return part !== undefined && 'text' in part ? part.text : '';
}

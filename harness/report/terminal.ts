// How the progress reporter writes: colour through picocolors, switched on only for a terminal
// (or FORCE_COLOR) and never with NO_COLOR (no-color.org); and the blocks it prints for an exchange
// and for a failure — the request, the answer's status, key headers and body (already masked by
// exchange-detail.ts, cut with a count), and the schema pointer of a contract failure picked out.
import { createColors } from 'picocolors';
import type { ExchangeDetail, ExchangeMetric } from './metrics';

export type Colours = ReturnType<typeof createColors>;

/** Colour when writing to a terminal, unless NO_COLOR is set (to anything); FORCE_COLOR forces it. */
export function useColour(env: NodeJS.ProcessEnv = process.env, isTty = process.stdout.isTTY === true): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return isTty;
}

export function colours(enabled = useColour()): Colours {
  return createColors(enabled);
}

export function indent(text: string, spaces: number): string {
  const pad = ' '.repeat(spaces);
  return text
    .split('\n')
    .map((line) => (line === '' ? line : pad + line))
    .join('\n');
}

/** One line per exchange: name, method, URL template, status and time. */
export function exchangeLine(m: ExchangeMetric, c: Colours): string {
  const status = m.status >= 400 ? c.red(String(m.status)) : m.status >= 300 ? c.yellow(String(m.status)) : c.green(String(m.status));
  return `${m.name}: ${m.method} ${m.detail?.url ?? m.terminalUrl ?? m.url} → ${status} ${c.dim(`${m.ms.toFixed(1)} ms`)}`;
}

/** The exchange in full, as far as the metric holds it. */
export function exchangeBlock(m: ExchangeMetric, c: Colours): string {
  const lines = [exchangeLine(m, c)];
  const detail: ExchangeDetail | undefined = m.detail;
  if (!detail) return lines.join('\n');
  lines.push(c.dim('  request'));
  for (const [name, value] of Object.entries(detail.requestHeaders)) lines.push(`    ${c.dim(`${name}:`)} ${value}`);
  if (detail.requestBody !== undefined) lines.push(`    ${detail.requestBody}`);
  lines.push(c.dim(`  response ${m.status}`));
  for (const [name, value] of Object.entries(detail.responseHeaders)) lines.push(`    ${c.dim(`${name}:`)} ${value}`);
  if (detail.responseBody !== undefined) {
    const cut = detail.responseBodyCut ? c.dim(`… (${detail.responseBodyCut} more characters)`) : '';
    lines.push(`    ${detail.responseBody}${cut}`);
  }
  return lines.join('\n');
}

/** A failure message with the schema pointers and the instance paths of a contract failure in colour. */
export function failureText(message: string, c: Colours): string {
  return message
    .split('\n')
    .map((line) => {
      if (/^\s*schema: /.test(line)) return line.replace(/schema: (.*)$/, (_whole, pointer: string) => `schema: ${c.cyan(pointer)}`);
      if (/^\s*\d+\. at /.test(line)) return c.yellow(line);
      return line;
    })
    .join('\n');
}

/**
 * A failure in one line, for the list at the end: the error's first line, and for a matcher's
 * failure ("expect(received).toBe(expected)") its Expected and Received lines, or the first schema problem.
 */
export function headline(message: string): string {
  const lines = message
    .split('\n')
    // jest colours its messages with ANSI escapes (ESC [ … m); the headline is plain text.
    // eslint-disable-next-line no-control-regex
    .map((line) => line.replace(/\u001b\[[0-9;]*m/g, '').trim())
    .filter((line) => line !== '' && !line.startsWith('at '));
  const first = (lines[0] ?? '').replace(/^Error: /, '');
  const parts = first.startsWith('expect(')
    ? [
        first,
        ...lines
          .slice(1)
          .filter((line) => /^(Expected|Received|1\. at )/.test(line))
          .slice(0, 2),
      ]
    : [first];
  const text = parts.join(' · ');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

// What the terminal may print of one exchange: the request (URL as a template, headers, body) and
// the answer (status, the headers worth reading, the body), cut to a length a terminal can show.
// Secrets are masked always; identifiers are masked in CI and kept on a developer's machine, who
// needs them to look at their own account (the policy in harness/redact/sharing.ts).
import type { Exchange } from '../client/exchange';
import type { Scrubber } from '../redact/scrubber';
import { isCredentialName } from '../redact/sensitive';
import { maskSecrets, type IdentifierPolicy } from '../redact/sharing';
import type { ExchangeDetail } from './metrics';

/** Longest body excerpt kept; the rest is counted, not printed. */
export const BODY_EXCERPT_CHARS = 1200;

/** The answer's headers that explain a failure. */
export const KEY_RESPONSE_HEADERS: readonly string[] = ['content-type', 'location', 'retry-after', 'www-authenticate', 'x-mitel-correlation-id'];

/** Request headers every request carries, which say nothing about a failure. */
const QUIET_REQUEST_HEADERS = new Set(['content-length', 'accept-encoding', 'connection', 'user-agent', 'x-switchboard-tag']);

/**
 * `raw` is the exchange as sent and received (its URL already a template), `scrubbed` the same
 * exchange through the test's scrubber. The client puts the result in the exchange's metric.
 */
export function exchangeDetail(raw: Exchange, scrubbed: Exchange, scrubber: Scrubber, policy: IdentifierPolicy): ExchangeDetail {
  const source = policy.terminal ? scrubbed : raw;
  // Scrubbed text holds placeholders only; raw text keeps its identifiers and loses its secrets.
  const mask = policy.terminal ? (text: string) => text : (text: string) => maskSecrets(text, scrubber);
  const requestHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(source.request.headers)) {
    if (QUIET_REQUEST_HEADERS.has(name)) continue;
    // A credential header keeps the scrubber's placeholder, so it reads the same as in the report.
    requestHeaders[name] = isCredentialName(name) ? (scrubbed.request.headers[name] ?? '') : mask(value);
  }
  const responseHeaders: Record<string, string> = {};
  for (const name of KEY_RESPONSE_HEADERS) {
    const value = source.response.headers[name];
    if (value !== undefined) responseHeaders[name] = mask(value);
  }
  const detail: ExchangeDetail = { url: mask(source.request.url), requestHeaders, responseHeaders };
  const requestBody = bodyText(source.request.body);
  if (requestBody !== undefined) detail.requestBody = excerpt(mask(requestBody)).text;
  const responseBody = bodyText(source.response.body);
  if (responseBody !== undefined) {
    const { text, cut } = excerpt(mask(responseBody));
    detail.responseBody = text;
    if (cut > 0) detail.responseBodyCut = cut;
  }
  return detail;
}

/**
 * The URL the terminal's one-line entry shows, when it differs from the scrubbed one the metric
 * holds: on a developer's machine, the account's identifiers kept and secrets masked. Cheap enough
 * for every exchange, unlike the whole detail.
 */
export function terminalUrl(raw: Exchange, scrubbed: Exchange, scrubber: Scrubber, policy: IdentifierPolicy): string | undefined {
  if (policy.terminal || raw.request.url === scrubbed.request.url) return undefined;
  return maskSecrets(raw.request.url, scrubber);
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === '') return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

export function excerpt(text: string, max = BODY_EXCERPT_CHARS): { text: string; cut: number } {
  return text.length <= max ? { text, cut: 0 } : { text: text.slice(0, max), cut: text.length - max };
}

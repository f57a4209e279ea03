// The one place the harness puts a request on the wire, through the HTTP client of
// ./http-client.ts. In replay mode nothing gets here: the replay step answers in-process.
import { performance } from 'node:perf_hooks';
import type { RecordedRequest, RecordedResponse } from '../client/exchange';
import { readRunSettings, type Environment } from '../env';
import { isReplayMiss } from '../fixtures/player';
import { toUrlTemplate } from '../fixtures/url-template';
import { maskSecrets } from '../redact/sharing';
import type { HttpClient, RawResponse } from './http-client';
import { WORKER_HTTP_CLIENT } from './http-client-name';
import { requestOf, type Terminal } from './types';

const { requestDelayMs } = readRunSettings(process.env);

let localClient: HttpClient | undefined;

/** The worker's client when the suites' environment provides one, else this process's own, loaded on first use. */
function client(): HttpClient {
  const worker = (globalThis as Record<string, unknown>)[WORKER_HTTP_CLIENT] as (() => HttpClient) | undefined;
  if (worker) return worker();
  // Loaded on first use: a suite file gets its worker's client, and replay never sends.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  localClient ??= (require('./http-client') as typeof import('./http-client')).httpClient;
  return localClient;
}

export interface TransportOptions {
  /** Whole-request timeout in ms. */
  timeoutMs?: number;
}

/** Thrown when no HTTP answer arrived at all (refused, reset, timed out, or a replay miss). */
export class TransportError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export async function sendHttp(req: RecordedRequest, options: TransportOptions = {}): Promise<RecordedResponse> {
  let res: RawResponse;
  try {
    res = await client().send({ method: req.method, url: req.url, headers: req.headers, body: encodeBody(req), timeoutMs: options.timeoutMs });
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new TransportError(`${req.method} ${req.url} got no answer: ${(error as Error).message}`, code, error);
  }
  return { status: res.status, headers: lowerCaseHeaders(res.headers), body: parseBody(res) };
}

/** Serialises the parsed body for the wire; the Content-Type header is set by the caller. */
function encodeBody(req: RecordedRequest): string | undefined {
  if (req.body === undefined) return undefined;
  switch (req.bodyType) {
    case 'form':
      return new URLSearchParams(req.body as Record<string, string>).toString();
    case 'text':
      return String(req.body);
    default:
      return JSON.stringify(req.body);
  }
}

function parseBody(res: RawResponse): unknown {
  const type = String(res.headers['content-type'] ?? '');
  if (res.text === undefined || res.text === '') return undefined;
  if (type.includes('json')) {
    try {
      return JSON.parse(res.text);
    } catch {
      return res.text; // a body that claims JSON but is not: keep it visible rather than lose it
    }
  }
  return res.text;
}

function lowerCaseHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** Lets a process exit promptly: open keep-alive sockets would otherwise hold it for a while. */
export function closeTransport(): void {
  localClient?.close();
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The pipeline's last step: puts the request on the wire. A request that gets no answer fails
 * with its name, its URL as a template and the time it took — enough to find it, nothing secret.
 */
export const transport: Terminal = async (outgoing, context) => {
  const request = requestOf(outgoing);
  // --delay-request (Newman's flag): a pause before every request, for a platform that wants it slow.
  if (requestDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, requestDelayMs));
  const started = performance.now();
  try {
    const response = await sendHttp(request, { timeoutMs: outgoing.options.timeoutMs ?? timeoutOf(context.env) });
    return { ...response, ms: performance.now() - started };
  } catch (error) {
    if (!(error instanceof TransportError)) throw error;
    const cause = error.cause;
    if (context.env.mode === 'replay' && isReplayMiss(cause) && context.file?.player) throw context.file.player.explainMiss(request);
    const elapsed = Math.round(performance.now() - started);
    const reason = (cause as Error)?.message ?? String(cause);
    const where = `${request.method} ${toUrlTemplate(request.url, context.baseUrls)}`;
    throw new TransportError(
      // Secrets masked here; identifiers are masked later where the message is shared (harness/redact/sharing.ts).
      `"${outgoing.named.name}" (${where}) got no answer after ${elapsed} ms: ${maskSecrets(reason, context.test?.scrubber)}`,
      error.code,
      cause,
    );
  }
};

/** `request_timeout_ms` of the environment, or 30 s. */
function timeoutOf(env: Environment): number {
  const configured = Number(env.values.request_timeout_ms);
  return Number.isFinite(configured) && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

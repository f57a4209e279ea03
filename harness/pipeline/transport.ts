// The one place the harness puts a request on the wire: supertest against an absolute URL, over a
// shared keep-alive agent (a fresh socket per request costs a TIME_WAIT each and skews timings;
// supertest#489, #667; docs/sources.md). In replay mode nothing gets here:
// the replay step answers in-process.
import http from 'node:http';
import https from 'node:https';
import request from 'supertest';
import { performance } from 'node:perf_hooks';
import type { RecordedRequest, RecordedResponse } from '../client/exchange';
import { readRunSettings, type Environment } from '../env';
import { isReplayMiss } from '../fixtures/player';
import { toUrlTemplate } from '../fixtures/url-template';
import { maskSecrets } from '../redact/sharing';
import { requestOf, type Terminal } from './types';

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
// --insecure (Newman's flag): a self-signed certificate is accepted, for a test host behind one.
const { tlsInsecure, requestDelayMs } = readRunSettings(process.env);
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16, rejectUnauthorized: !tlsInsecure });

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
  const url = new URL(req.url);
  const agent = url.protocol === 'https:' ? httpsAgent : httpAgent;
  const method = req.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
  let pending = request(url.origin)
    [method](url.pathname + url.search)
    .agent(agent);
  if (options.timeoutMs) pending = pending.timeout(options.timeoutMs);
  for (const [name, value] of Object.entries(req.headers)) pending = pending.set(name, value);
  const wire = encodeBody(req);
  if (wire !== undefined) pending = pending.send(wire);

  let res: request.Response;
  try {
    res = await pending;
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new TransportError(`${req.method} ${req.url} got no answer: ${(error as Error).message}`, code, error);
  }
  return {
    status: res.status,
    headers: lowerCaseHeaders(res.headers as Record<string, string | string[] | undefined>),
    body: parseBody(res),
  };
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

function parseBody(res: request.Response): unknown {
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
  httpAgent.destroy();
  httpsAgent.destroy();
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

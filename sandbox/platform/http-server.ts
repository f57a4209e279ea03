// The sandbox's HTTP server itself, below fastify's routes: how long a client may take, and the
// answers Node's server would otherwise give itself, bare and without a correlation id — a
// request it cannot parse (400), headers over its size limit (431), a client too slow to send its
// request (408), an `Expect` it does not know (417), a CONNECT (no answer at all) and an HTTP/1.1
// request without Host (400, empty). They reach no route, so none of the platform's hooks run;
// here they get the `{name, message}` body and `x-mitel-correlation-id` every answer has
// (MEDIA-SPEC definitions.error, P-USING). The names are CHOICES.
//
// Timeouts (CHOICES, bounded well above what any loopback client needs): Node's defaults let a
// connection that never finishes its headers live 60 s (and up to 30 s more, since expiry is only
// checked every 30 s) and never time out a trickled body; fastify keeps idle keep-alive sockets
// 72 s. Here: headers in 10 s, the whole request in 30 s, idle keep-alive 10 s. There is
// deliberately no idle-socket timeout (fastify's connectionTimeout): once a request is in, the
// socket is silent until the answer, and a switchboard latency or hold-answer fault may hold that
// up to 600 s.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { CORRELATION_HEADER, newCorrelationId } from './correlation-id';
import { gatewayMiss } from './gateway';
import type { SandboxTimeouts } from '../types';

export const DEFAULT_TIMEOUTS: Required<SandboxTimeouts> = { headersMs: 10_000, requestMs: 30_000, keepAliveMs: 10_000 };

export interface ServerTimeouts {
  headersTimeout: number;
  requestTimeout: number;
  keepAliveTimeout: number;
  connectionsCheckingInterval: number;
}

export function serverTimeouts(options: SandboxTimeouts = {}): ServerTimeouts {
  const { headersMs, requestMs, keepAliveMs } = { ...DEFAULT_TIMEOUTS, ...options };
  for (const [name, value] of Object.entries({ headersMs, requestMs, keepAliveMs })) {
    if (!Number.isInteger(value) || value <= 0) throw new Error(`timeouts.${name} must be a positive integer, got ${value}`);
  }
  if (headersMs > requestMs) throw new Error(`timeouts.headersMs (${headersMs}) may not exceed timeouts.requestMs (${requestMs})`);
  return {
    headersTimeout: headersMs,
    requestTimeout: requestMs,
    keepAliveTimeout: keepAliveMs,
    // Node notices an expired request only when it checks; checking often keeps the bound honest.
    connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(headersMs / 4))),
  };
}

/**
 * Writes a whole HTTP/1.1 answer on a socket no ServerResponse owns, then closes our side. An
 * answer to HEAD declares its body but must not carry it (RFC 9110 §9.3.2).
 */
export function writeRawAnswer(socket: Duplex, status: number, body: unknown, extraHeaders: string[] = [], head = false): void {
  const text = JSON.stringify(body);
  const lines = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(text)}`,
    `${CORRELATION_HEADER}: ${newCorrelationId()}`,
    'Connection: close',
    ...extraHeaders,
  ];
  socket.end(`${lines.join('\r\n')}\r\n\r\n${head ? '' : text}`);
}

interface ClientErrorAnswer {
  status: number;
  name: string;
  message: string;
}

/** What to say about an error Node's parser (or its timeout check) raised, by its code. */
export function clientErrorAnswer(code: string | undefined): ClientErrorAnswer {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, name: 'RequestHeaderFieldsTooLarge', message: 'The request line and headers are larger than the sandbox accepts (16 KiB).' };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, name: 'RequestTimeout', message: 'The request was not received in time.' };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, name: 'RequestTooLong', message: 'The chunk extensions are larger than the sandbox accepts.' };
    default:
      return { status: 400, name: 'InvalidRequest', message: `The request is not valid HTTP/1.1${code ? ` (${code})` : ''}.` };
  }
}

/** The sockets already answered: the parser may report the same broken request more than once. */
const answered = new WeakSet<Duplex>();
/** How long a socket we answered may stay half-closed while the client finishes sending. */
const LINGER_MS = 1000;

interface HttpSocket extends Duplex {
  _httpMessage?: { headersSent?: boolean } | null;
  parser?: { incoming?: { method?: string; complete?: boolean } | null } | null;
}

/**
 * Whether the broken request is a HEAD, as far as can be told: from the request itself once its
 * headers were read (a timed-out body), else from the request line when the chunk that broke the
 * parser holds it (Node keeps that chunk as `rawPacket`). Unknown counts as not HEAD: oversized
 * headers read in several chunks hide the method, and most such requests are not HEADs.
 */
function isHeadRequest(error: Error & { rawPacket?: unknown }, socket: HttpSocket): boolean {
  // `incoming` may still be the previous request on a kept-alive connection; only an unfinished
  // one is the request that broke.
  const incoming = socket.parser?.incoming;
  if (incoming && !incoming.complete) return incoming.method === 'HEAD';
  const text = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1') : '';
  // The last request line in the chunk starts the broken request; a body may follow it.
  const requests = text.split('\r\n\r\n').filter((part) => /^[A-Z]+ [^\r\n]*HTTP\/\d/.test(part));
  return requests[requests.length - 1]?.startsWith('HEAD ') ?? false;
}

/**
 * fastify's `clientErrorHandler` (the server's 'clientError' event). As Node's own handler does,
 * it answers only when no answer is already on its way on this connection (a pipelined request
 * may break while an earlier one is being answered); otherwise it just drops the connection.
 */
export function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || answered.has(socket)) return;
  answered.add(socket);
  const inFlight = (socket as HttpSocket)._httpMessage;
  if (!socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  const { status, name, message } = clientErrorAnswer(error.code);
  // end() rather than destroy(): a client still writing its oversized headers would get a reset
  // instead of the answer if we closed with its bytes unread. Those bytes are drained and dropped.
  socket.on('data', () => {});
  socket.on('error', () => socket.destroy());
  writeRawAnswer(socket, status, { name, message }, [], isHeadRequest(error, socket as HttpSocket));
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** The server's 'checkExpectation' event: any `Expect` but 100-continue, which Node handles. */
export function answerExpectation(request: IncomingMessage, response: ServerResponse): void {
  const body = JSON.stringify({
    name: 'ExpectationFailed',
    message: `The sandbox does not support Expect: ${request.headers.expect ?? ''}.`,
  });
  response.writeHead(417, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    [CORRELATION_HEADER]: newCorrelationId(),
    connection: 'close',
  });
  response.end(body);
}

/** The server's 'connect' event: CONNECT is no route, so the gateway answers it as any other miss. */
export function answerConnect(request: IncomingMessage, socket: Duplex): void {
  socket.on('error', () => socket.destroy());
  const miss = gatewayMiss(request.headers.authorization);
  writeRawAnswer(socket, 403, { message: miss.message }, [`x-amzn-errortype: ${miss.errorType}`]);
}

/**
 * Node's own Host check is switched off (`requireHostHeader: false` in app.ts) because it answers
 * an empty 400; this is the same rule (RFC 9112 §3.2) in the platform shape.
 */
export function registerHostCheck(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      return void reply.code(400).send({ name: 'InvalidRequest', message: 'An HTTP/1.1 request needs a Host header.' });
    }
    done();
  });
}

/** Hooks the server events above onto the instance's HTTP server (clientError goes via fastify's option). */
export function registerServerErrors(app: FastifyInstance): void {
  app.server.on('checkExpectation', answerExpectation);
  app.server.on('connect', answerConnect);
}

// Errors the server raises before any route runs — a body it cannot read, headers over Node's
// limit, a client too slow, a request that is not HTTP — answered like every other CloudLink
// error: `{name, message}` and a fresh x-mitel-correlation-id; and the timeouts behind the 408s.
import http from 'node:http';
import net from 'node:net';
import { CORRELATION_HEADER } from './correlation-id';
import { DEFAULT_TIMEOUTS, serverTimeouts } from './http-server';
import { AUTH, testSandbox, type TestSandbox } from '../test-support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Through Node's client, which will send headers of any size. */
function viaHttp(origin: string, path: string, options: http.RequestOptions = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(`${origin}${path}`, options, (response) => {
      let text = '';
      response
        .setEncoding('utf8')
        .on('data', (chunk: string) => (text += chunk))
        .on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, headers: response.headers as Record<string, string>, body: text ? JSON.parse(text) : undefined });
          } catch (error) {
            reject(new Error(`${response.statusCode} with a body that is not JSON: ${JSON.stringify(text)}`, { cause: error }));
          }
        });
    });
    request.on('error', reject);
    request.end(body);
  });
}

/** Raw bytes on a socket, for what no HTTP client would send; reads until the server closes. */
function viaSocket(port: number, bytes: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    socket
      .setEncoding('utf8')
      .on('data', (chunk: string) => (text += chunk))
      .on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      try {
        resolve({ status: Number(statusLine.split(' ')[1]), headers, body: body ? JSON.parse(body) : undefined });
      } catch (error) {
        reject(new Error(`${statusLine} with a body that is not JSON: ${JSON.stringify(body)}`, { cause: error }));
      }
    });
    socket.write(bytes);
  });
}

const TIMEOUTS = { headersMs: 300, requestMs: 600 };
let sandbox: TestSandbox;
let origin: string;
let port: number;
beforeAll(async () => {
  sandbox = await testSandbox({ timeouts: TIMEOUTS });
  const address = sandbox.app.server.address() as net.AddressInfo;
  port = address.port;
  origin = `http://127.0.0.1:${port}`;
});
afterAll(() => sandbox.close());

function expectPlatformError(answer: Answer, status: number, name: string): void {
  expect({ status: answer.status, body: answer.body }).toEqual({ status, body: { name, message: expect.any(String) } });
  expect(answer.headers[CORRELATION_HEADER]).toMatch(UUID);
}

describe('bodies fastify refuses', () => {
  it('answers malformed JSON with 400 MalformedJSON', async () => {
    const answer = await viaHttp(origin, `${AUTH}/token`, { method: 'POST', headers: { 'content-type': 'application/json' } }, '{"a":');
    expectPlatformError(answer, 400, 'MalformedJSON');
  });

  it('answers a body over 1 MiB with 413 RequestTooLong, chunked or with a length', async () => {
    const big = `{"a":"${'x'.repeat(1024 * 1024)}"}`;
    const headers = { 'content-type': 'application/json' };
    expectPlatformError(await viaHttp(origin, `${AUTH}/token`, { method: 'POST', headers }, big), 413, 'RequestTooLong');
    const chunked = { ...headers, 'transfer-encoding': 'chunked' };
    expectPlatformError(await viaHttp(origin, `${AUTH}/token`, { method: 'POST', headers: chunked }, big), 413, 'RequestTooLong');
  });
});

describe("requests Node's HTTP parser refuses", () => {
  it('answers headers over 16 KiB with 431 RequestHeaderFieldsTooLarge', async () => {
    const answer = await viaHttp(origin, `${AUTH}/token`, { headers: { 'x-padding': 'p'.repeat(32 * 1024) } });
    expectPlatformError(answer, 431, 'RequestHeaderFieldsTooLarge');
    expect(answer.headers.connection).toBe('close');
  });

  it('answers a broken HEAD without a body, which its client would read as a second answer', async () => {
    const answer = await viaHttp(origin, `${AUTH}/token`, { method: 'HEAD', headers: { 'x-padding': 'p'.repeat(32 * 1024) } });
    expect([answer.status, answer.body, Number(answer.headers['content-length'])]).toEqual([431, undefined, expect.any(Number)]);
    expect(answer.headers[CORRELATION_HEADER]).toMatch(UUID);
    const raw = await viaSocket(port, `HEAD ${AUTH}/token HTTP/1.1\r\nHost: x\r\nX-Padding: ${'p'.repeat(32 * 1024)}\r\n\r\n`);
    expect([raw.status, raw.body]).toEqual([431, undefined]);
    // The request line is found even with a body behind it in the same read.
    const badUrl = await viaSocket(port, `HEAD ${AUTH}/\x01 HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}`);
    expect([badUrl.status, badUrl.body, badUrl.headers[CORRELATION_HEADER]]).toEqual([400, undefined, expect.stringMatching(UUID)]);
  });

  it('answers a URL over 16 KiB with 431 as well', async () => {
    expectPlatformError(await viaHttp(origin, `${AUTH}/apps?$filter=${'a'.repeat(20_000)}`), 431, 'RequestHeaderFieldsTooLarge');
  });

  it.each([
    ['a request line that is not HTTP', 'HELLO\r\n\r\n'],
    ['a header name with a space', 'GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n'],
    ['Content-Length with chunked encoding', 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'],
  ])('answers %s with 400 InvalidRequest and closes', async (_label, bytes) => {
    expectPlatformError(await viaSocket(port, bytes), 400, 'InvalidRequest');
  });

  it('answers an HTTP/1.1 request without Host with 400 InvalidRequest', async () => {
    const answer = await viaSocket(port, `GET ${AUTH}/token HTTP/1.1\r\nConnection: close\r\n\r\n`);
    expectPlatformError(answer, 400, 'InvalidRequest');
    expect((answer.body as { message: string }).message).toContain('Host');
  });

  it('answers an Expect other than 100-continue with 417 ExpectationFailed', async () => {
    expectPlatformError(await viaHttp(origin, `${AUTH}/token`, { headers: { expect: 'teapot' } }), 417, 'ExpectationFailed');
  });

  it('answers CONNECT as the gateway answers any route it lacks', async () => {
    const answer = await viaSocket(port, 'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n');
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 403, body: { message: 'Missing Authentication Token' } });
    expect(answer.headers[CORRELATION_HEADER]).toMatch(UUID);
  });
});

describe('closing', () => {
  it('answers a request that arrives while the sandbox closes like any other, not with a bare 503', async () => {
    let during: Answer | undefined;
    const closing = await testSandbox({
      setup: (app) =>
        app.addHook('preClose', async () => {
          const { port: open } = app.server.address() as net.AddressInfo;
          during = await viaSocket(open, `GET ${AUTH}/token HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        }),
    });
    await closing.close();
    expect(during?.status).toBe(401);
    expectPlatformError(during as Answer, 401, 'MissingAuthToken');
  });
});

describe('slow clients', () => {
  it.each([
    ['sends nothing', ''],
    ['never finishes its headers', `GET ${AUTH}/token HTTP/1.1\r\nHost: x\r\n`],
  ])('answers a client that %s with 408 RequestTimeout after the headers timeout', async (_label, bytes) => {
    const started = Date.now();
    expectPlatformError(await viaSocket(port, bytes), 408, 'RequestTimeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUTS.headersMs - 20);
    // Well inside the jest timeout, where Node's own 60 s headers timeout would never be.
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('answers a body that trickles past the request timeout with 408', async () => {
    const started = Date.now();
    const head = `POST ${AUTH}/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`;
    expectPlatformError(await viaSocket(port, head), 408, 'RequestTimeout');
    expect(Date.now() - started).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - 20);
  });
});

describe('idle keep-alive connections', () => {
  it('are closed after keepAliveMs without a 408: the headers timeout waits for a next request', async () => {
    const idle = await testSandbox({ timeouts: { headersMs: 200, requestMs: 400, keepAliveMs: 1000 } });
    const { port: open } = idle.app.server.address() as net.AddressInfo;
    const socket = net.connect(open, '127.0.0.1');
    let text = '';
    let answeredAt = 0;
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      answeredAt ||= Date.now();
    });
    const closedAt = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now())));
    socket.write(`GET ${AUTH}/token HTTP/1.1\r\nHost: x\r\n\r\n`);
    const idleMs = (await closedAt) - answeredAt;
    await idle.close();
    expect(text.match(/^HTTP\/1\.1 \d+/gm)).toEqual(['HTTP/1.1 401']);
    expect(text).toContain('Keep-Alive: timeout=1');
    // Node adds a second of grace to the announced timeout before it closes.
    expect(idleMs).toBeGreaterThanOrEqual(1000);
    expect(idleMs).toBeLessThan(4000);
  });
});

describe('serverTimeouts', () => {
  it('bounds headers at 10 s, the request at 30 s and idle keep-alive at 10 s, checked at least every second', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 30_000, keepAliveMs: 10_000 });
    expect(serverTimeouts()).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 10_000, connectionsCheckingInterval: 1000 });
    expect(serverTimeouts(TIMEOUTS).connectionsCheckingInterval).toBe(75);
  });

  it('refuses a headers timeout longer than the request timeout, or one that is not a positive integer', () => {
    expect(() => serverTimeouts({ headersMs: 5000, requestMs: 1000 })).toThrow('may not exceed');
    expect(() => serverTimeouts({ keepAliveMs: 0 })).toThrow('keepAliveMs must be a positive integer');
  });
});

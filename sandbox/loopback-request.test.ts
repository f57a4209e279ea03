// The sandbox's tests see the same requests through loopbackRequest as they did through fetch: a
// string body carries its length and, without a type of its own, fetch's text/plain.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loopbackRequest } from './loopback-request';

let server: http.Server;
let origin: string;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      response.setHeader('x-twice', ['one', 'two']);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ method: request.method, url: request.url, headers: request.headers, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const seen = (body: string) => JSON.parse(body) as { method: string; url: string; headers: Record<string, string>; body: string };

it('sends a string body with its length, typed text/plain when the caller gives no type', async () => {
  const answer = await loopbackRequest(`${origin}/p?q=1`, { method: 'POST', body: 'héllo' });
  const request = seen(answer.body);
  expect(request).toMatchObject({ method: 'POST', url: '/p?q=1', body: 'héllo' });
  expect(request.headers['content-length']).toBe('6');
  expect(request.headers['content-type']).toBe('text/plain;charset=UTF-8');
  expect(request.headers['transfer-encoding']).toBeUndefined();
});

it("keeps the caller's type, whatever its case, and sends a GET without a body or a type", async () => {
  const typed = seen((await loopbackRequest(origin, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' })).body);
  expect(typed.headers['content-type']).toBe('application/json');
  const plain = seen((await loopbackRequest(origin)).body);
  expect(plain.method).toBe('GET');
  expect(plain.headers['content-type']).toBeUndefined();
});

it('answers with the status, lower-case header names and a repeated header joined by ", "', async () => {
  const answer = await loopbackRequest(origin);
  expect(answer.status).toBe(200);
  expect(answer.headers['x-twice']).toBe('one, two');
  expect(answer.headers['content-type']).toBe('application/json');
});

it('rejects with the socket error when nothing listens', async () => {
  const closed = http.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  await expect(loopbackRequest(`http://127.0.0.1:${port}/`)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
});

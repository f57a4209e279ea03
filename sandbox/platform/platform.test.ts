// The cross-cutting behaviour every service inherits: gateway 403s, correlation ids, body
// parsing and the error shapes.
import { CORRELATION_HEADER } from './correlation-id';
import { AUTH, postForm, testSandbox, type TestSandbox } from '../test-support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await testSandbox();
});
afterEach(() => sandbox.close());

describe('API-Gateway 403 for routing misses', () => {
  it('answers an unknown path without Authorization with "Missing Authentication Token"', async () => {
    const response = await sandbox.send({ method: 'GET', url: `${AUTH}/tokens` });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ message: 'Missing Authentication Token' });
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
  });

  it('quotes the bearer token back when an Authorization: Bearer header is present', async () => {
    const response = await sandbox.send({ method: 'GET', url: `${AUTH}/tokens`, headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({
      message: "'abc.def.ghi' not a valid key=value pair (missing equal-sign) in Authorization header: 'Bearer abc.def.ghi'.",
    });
    expect(response.headers['x-amzn-errortype']).toBe('IncompleteSignatureException');
  });

  it('words a bare token as a SigV4 header missing its parameters', async () => {
    const response = await sandbox.send({ method: 'GET', url: `${AUTH}/nope`, headers: { authorization: 'abc.def.ghi' } });
    expect(response.statusCode).toBe(403);
    expect(response.json<{ message: string }>().message).toMatch(/^Authorization header requires 'Credential' parameter\..*Authorization=abc\.def\.ghi$/);
  });

  it('treats a known path with an unknown method as a miss', async () => {
    const response = await sandbox.send({ method: 'DELETE', url: `${AUTH}/token` });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ message: 'Missing Authentication Token' });
  });

  it('answers services with no routes yet, and paths outside every service, the same way', async () => {
    for (const url of ['/admin/2017-09-01/accounts', '/media/2017-09-01/calls/endpoints/200/calls/1', '/', '/authentication/2016-12-31/token']) {
      const response = await sandbox.send({ method: 'GET', url });
      expect({ url, status: response.statusCode }).toEqual({ url, status: 403 });
    }
  });

  it('rejects the route before reading the body, so a malformed body still gets 403', async () => {
    const response = await sandbox.send({
      method: 'POST',
      url: `${AUTH}/tokenz`,
      headers: { 'content-type': 'application/json' },
      payload: '{oops',
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('x-mitel-correlation-id', () => {
  it('is a fresh uuid on every answer: success, error, gateway 403, 413 and 415', async () => {
    const primary = sandbox.user('primary');
    const responses = [
      await postForm(sandbox, '/token', { grant_type: 'password', username: primary.username, password: primary.password }),
      await postForm(sandbox, '/token', { grant_type: 'password', username: primary.username, password: 'wrong' }),
      await sandbox.send({ method: 'GET', url: '/nowhere' }),
      await postForm(sandbox, '/token', { grant_type: 'x'.repeat(1024 * 1024 + 1) }),
      await sandbox.send({ method: 'POST', url: `${AUTH}/token`, headers: { 'content-type': 'text/plain' }, payload: 'hi' }),
    ];
    expect(responses.map((response) => response.statusCode)).toEqual([201, 401, 403, 413, 415]);
    const ids = responses.map((response) => response.headers[CORRELATION_HEADER]);
    for (const id of ids) expect(id).toMatch(UUID);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('ignores a correlation or request id sent by the client', async () => {
    const response = await sandbox.send({
      method: 'GET',
      url: `${AUTH}/token`,
      headers: { 'x-mitel-correlation-id': 'mine', 'request-id': 'mine' },
    });
    expect(response.headers[CORRELATION_HEADER]).toMatch(UUID);
  });
});

describe('request bodies', () => {
  it('answers malformed JSON with 400 MalformedJSON', async () => {
    const response = await sandbox.send({
      method: 'POST',
      url: `${AUTH}/token`,
      headers: { 'content-type': 'application/json' },
      payload: '{"grant_type": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MalformedJSON' });
  });

  it('answers a body over the limit with 413 in the platform shape', async () => {
    const small = await testSandbox({ bodyLimitBytes: 64 });
    const response = await postForm(small, '/token', { grant_type: 'password', username: 'x'.repeat(100) });
    await small.close();
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ name: 'RequestTooLong', message: expect.any(String) });
  });

  it('answers an unsupported content type with 415 in the platform shape', async () => {
    const response = await sandbox.send({
      method: 'POST',
      url: `${AUTH}/token`,
      headers: { 'content-type': 'application/xml' },
      payload: '<grant_type/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({ name: 'UnsupportedMediaType', message: expect.stringContaining('x-www-form-urlencoded') });
  });

  it('answers a JSON array where an object belongs with 400', async () => {
    const response = await sandbox.send({
      method: 'POST',
      url: `${AUTH}/token`,
      headers: { 'content-type': 'application/json' },
      payload: '["password"]',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'InvalidRequest' });
  });
});

describe('URLs that do not decode', () => {
  it('answer 400 InvalidRequest in the platform shape, with a correlation id', async () => {
    const response = await sandbox.send({ method: 'GET', url: `${AUTH}/applications/%zz` });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ name: 'InvalidRequest', message: 'The URL is not valid.' });
    expect(response.headers[CORRELATION_HEADER]).toMatch(UUID);
  });
});

describe('the last-resort error handler', () => {
  it('turns an unexpected throw into a 500 in the platform shape and keeps serving', async () => {
    const broken = await testSandbox({
      setup: (app) =>
        app.get(`${AUTH}/boom`, async () => {
          throw new TypeError('secret internals');
        }),
    });
    const failed = await broken.send({ method: 'GET', url: `${AUTH}/boom` });
    const next = await broken.send({ method: 'GET', url: `${AUTH}/token` });
    await broken.close();
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toEqual({ name: 'InternalServerError', message: expect.not.stringContaining('secret') });
    expect(failed.headers[CORRELATION_HEADER]).toMatch(UUID);
    expect(next.statusCode).toBe(401);
  });
});

// The application registry: who may register, read, update and delete applications, and the
// shapes of its answers.
import { INACTIVE_CLIENT_ID, MAIN_ACCOUNT_ID, OIDC_CLIENT_ID, OTHER_ACCOUNT_ID } from '../../seed';
import { AUTH, bearer, login, testSandbox, type TestSandbox } from '../../test-support';

let sandbox: TestSandbox;
const tokens: Record<string, string> = {};
beforeEach(async () => {
  sandbox = await testSandbox();
  for (const key of ['primary', 'user', 'partner'] as const) tokens[key] = (await login(sandbox, key)).access_token;
});
afterEach(() => sandbox.close());

function call(method: string, path: string, who: string, body?: unknown, contentType = 'application/json') {
  const headers: Record<string, string> = { ...bearer(tokens[who] ?? '') };
  if (body !== undefined) headers['content-type'] = contentType;
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return sandbox.send({ method, url: `${AUTH}${path}`, headers, payload });
}

describe('POST /applications', () => {
  it('lets a PARTNER_ADMIN register a third-party application, inactive until approved', async () => {
    const response = await call('POST', '/applications', 'partner', { name: 'My App', description: 'Does things', active: true });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ applicationId: string }>();
    expect(body).toMatchObject({ name: 'My App', description: 'Does things', active: false, accountId: MAIN_ACCOUNT_ID, partnerId: '900100200' });
    expect(body.applicationId).toMatch(/^[0-9a-f]{32}$/);
    expect(body).toMatchObject({ _links: { self: `${AUTH}/applications/${body.applicationId}` } });
    expect(body).not.toHaveProperty('clientSecret');
  });

  it.each(['primary', 'user'])('refuses a %s token with 403 InsufficientPermissions', async (who) => {
    const response = await call('POST', '/applications', who, { name: 'x', description: 'y' });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ name: 'InsufficientPermissions' });
  });

  it('answers 400 MissingParamInRequest without a description', async () => {
    const response = await call('POST', '/applications', 'partner', { name: 'x' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MissingParamInRequest', message: expect.stringContaining('description') });
  });

  it('refuses an applicationId chosen by a partner, and an account of another partner', async () => {
    const chosenId = await call('POST', '/applications', 'partner', { name: 'x', description: 'y', applicationId: 'mine' });
    const otherAccount = await call('POST', '/applications', 'partner', { name: 'x', description: 'y', accountId: OTHER_ACCOUNT_ID });
    expect([chosenId.statusCode, otherAccount.statusCode]).toEqual([400, 403]);
  });

  it('needs a token: 401 without one', async () => {
    const response = await sandbox.send({
      method: 'POST',
      url: `${AUTH}/applications`,
      headers: { 'content-type': 'application/json' },
      payload: '{"name":"x","description":"y"}',
    });
    expect(response.statusCode).toBe(401);
  });
});

describe('GET /applications?client_id=', () => {
  it('answers the legacy metadata without a token', async () => {
    const response = await sandbox.send({ method: 'GET', url: `${AUTH}/applications?client_id=${OIDC_CLIENT_ID}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      name: 'CloudLink Harness',
      active: true,
      providers: [],
      passwordRules: [expect.objectContaining({ minLength: 8 })],
    });
  });

  it('answers 403 InvalidClient for an unknown client and 400 without client_id', async () => {
    const unknown = await sandbox.send({ method: 'GET', url: `${AUTH}/applications?client_id=nope` });
    const missing = await sandbox.send({ method: 'GET', url: `${AUTH}/applications` });
    expect([unknown.json().name, missing.json().name]).toEqual(['InvalidClient', 'MissingMandatoryParams']);
    expect([unknown.statusCode, missing.statusCode]).toEqual([403, 400]);
  });
});

describe('GET /apps', () => {
  it('answers a HAL collection of the account’s applications', async () => {
    const response = await call('GET', '/apps', 'user');
    expect(response.statusCode).toBe(200);
    const body = response.json<{ count: number; _links: Record<string, string>; _embedded: { items: Array<{ applicationId: string }> } }>();
    expect(body.count).toBe(2);
    expect(body._links).toEqual({ self: `${AUTH}/apps?$skip=0&$top=100` });
    expect(body._embedded.items.map((item) => item.applicationId).sort()).toEqual([OIDC_CLIENT_ID, INACTIVE_CLIENT_ID].sort());
  });

  it('pages with $top and $skip and links the next page', async () => {
    const first = (await call('GET', '/apps?$top=1', 'user')).json<{ count: number; _links: { next?: string } }>();
    expect(first).toMatchObject({ count: 1, _links: { next: `${AUTH}/apps?$skip=1&$top=1` } });
    const next = (await call('GET', first._links.next?.replace(AUTH, '') ?? '', 'user')).json<{ count: number; _links: { next?: string } }>();
    expect(next.count).toBe(1);
    expect(next._links.next).toBeUndefined();
  });

  it('filters by applicationId', async () => {
    const response = await call('GET', `/apps?$filter=${encodeURIComponent(`applicationId eq '${INACTIVE_CLIENT_ID}'`)}`, 'user');
    expect(response.json<{ _embedded: { items: unknown[] } }>()._embedded.items).toEqual([expect.objectContaining({ applicationId: INACTIVE_CLIENT_ID })]);
  });

  it('answers 400 UnsupportedQueryParameters for OData it does not support', async () => {
    for (const query of ['$orderby=name', '$top=abc', `$filter=${encodeURIComponent("name eq 'x'")}`]) {
      const response = await call('GET', `/apps?${query}`, 'user');
      expect({ query, status: response.statusCode, name: response.json().name }).toEqual({ query, status: 400, name: 'UnsupportedQueryParameters' });
    }
  });
});

describe('GET/PUT/DELETE /applications/{applicationId}', () => {
  it('reads an application of the caller’s account', async () => {
    const response = await call('GET', `/applications/${OIDC_CLIENT_ID}`, 'user');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ applicationId: OIDC_CLIENT_ID, active: true, redirectUris: ['http://127.0.0.1/callback'] });
  });

  it('hides another account’s application behind 404 ApplicationNotFound', async () => {
    const foreign = { ...sandbox.state.applications.get(OIDC_CLIENT_ID)!, applicationId: 'foreign', accountId: OTHER_ACCOUNT_ID };
    sandbox.state.applications.set('foreign', foreign);
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { active: false }],
      ['DELETE', {}],
    ] as const) {
      const response = await call(method, '/applications/foreign', 'primary', body);
      expect({ method, status: response.statusCode, name: response.json().name }).toEqual({ method, status: 404, name: 'ApplicationNotFound' });
    }
    expect(sandbox.state.applications.get('foreign')?.active).toBe(true);
  });

  it('enables an application with Postman’s "Enable Application" body (extra accountId and description)', async () => {
    const response = await call('PUT', `/applications/${INACTIVE_CLIENT_ID}`, 'primary', {
      accountId: MAIN_ACCOUNT_ID,
      name: 'Approved App',
      description: 'now live',
      redirectUris: ['string'],
      active: true,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ active: true, name: 'Approved App', description: 'now live', redirectUris: ['string'] });
    expect(response.json()).toMatchObject({ modifiedBy: sandbox.user('primary').userId });
  });

  it('refuses PUT from a USER with 403 and from an admin naming another account with 403', async () => {
    const asUser = await call('PUT', `/applications/${INACTIVE_CLIENT_ID}`, 'user', { active: true });
    const otherAccount = await call('PUT', `/applications/${INACTIVE_CLIENT_ID}`, 'primary', { accountId: OTHER_ACCOUNT_ID, active: true });
    expect([asUser.statusCode, otherAccount.statusCode]).toEqual([403, 403]);
    expect(sandbox.state.applications.get(INACTIVE_CLIENT_ID)?.active).toBe(false);
  });

  it('answers 400 for a wrongly typed field and 415 for a form body', async () => {
    const wrongType = await call('PUT', `/applications/${INACTIVE_CLIENT_ID}`, 'primary', { active: 'yes' });
    const form = await call('PUT', `/applications/${INACTIVE_CLIENT_ID}`, 'primary', 'active=true', 'application/x-www-form-urlencoded');
    expect([wrongType.statusCode, form.statusCode]).toEqual([400, 415]);
  });

  it('requires a JSON body on DELETE, then deletes', async () => {
    const withoutBody = await call('DELETE', `/applications/${INACTIVE_CLIENT_ID}`, 'primary');
    expect(withoutBody.statusCode).toBe(400);
    expect(withoutBody.json()).toMatchObject({ name: 'MissingBodyInRequest' });

    const deleted = await call('DELETE', `/applications/${INACTIVE_CLIENT_ID}`, 'primary', {});
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ applicationId: INACTIVE_CLIENT_ID });
    expect((await call('GET', `/applications/${INACTIVE_CLIENT_ID}`, 'primary')).statusCode).toBe(404);
  });

  it('refuses DELETE from a USER with 403 InsufficientPermissions', async () => {
    const response = await call('DELETE', `/applications/${INACTIVE_CLIENT_ID}`, 'user', {});
    expect(response.statusCode).toBe(403);
    expect(sandbox.state.applications.has(INACTIVE_CLIENT_ID)).toBe(true);
  });
});

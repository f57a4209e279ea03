// POST /authorize and POST /token grant_type=authorization_code, with and without PKCE.
import { s256Challenge } from './auth-codes';
import { INACTIVE_CLIENT_ID, OIDC_CLIENT_ID, OIDC_REDIRECT_URI } from '../../seed';
import { decodeJwt, postForm, postJson, testSandbox, type TestSandbox, type TokenBody } from '../../test-support';

let sandbox: TestSandbox;
beforeEach(async () => {
  sandbox = await testSandbox();
});
afterEach(() => sandbox.close());

const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
// RFC 7636 appendix B: the S256 challenge of the verifier above.
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

function authorizeFields(extra: Record<string, string> = {}): Record<string, string> {
  const user = sandbox.user('primary');
  return { client_id: OIDC_CLIENT_ID, response_type: 'code', username: user.username, password: user.password, ...extra };
}

async function codeFor(extra: Record<string, string> = {}): Promise<string> {
  const response = await postForm(sandbox, '/authorize', authorizeFields(extra));
  if (response.statusCode !== 201) throw new Error(`authorize answered ${response.statusCode}: ${response.body}`);
  return response.json<{ code: string }>().code;
}

const exchange = (fields: Record<string, string>) => postForm(sandbox, '/token', { grant_type: 'authorization_code', client_id: OIDC_CLIENT_ID, ...fields });

describe('POST /authorize', () => {
  it('answers 201 with a uuid code for a form body', async () => {
    const response = await postForm(sandbox, '/authorize', authorizeFields({ redirect_uri: OIDC_REDIRECT_URI }));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ code: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('accepts a JSON body, as S-AUTH sends it', async () => {
    const response = await postJson(sandbox, '/authorize', authorizeFields());
    expect(response.statusCode).toBe(201);
  });

  it('answers 400 with OAuth error fields for response_type other than code', async () => {
    const response = await postForm(sandbox, '/authorize', authorizeFields({ response_type: 'token' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'InvalidResponseType', error: 'invalid_request', error_description: expect.any(String) });
  });

  it('answers 400 MissingBodyInRequest for an empty body', async () => {
    const response = await postForm(sandbox, '/authorize', {});
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MissingBodyInRequest', error: 'invalid_request' });
  });

  it('answers 400 for a PKCE method other than S256', async () => {
    const response = await postForm(sandbox, '/authorize', authorizeFields({ code_challenge: CHALLENGE, code_challenge_method: 'plain' }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'InvalidCodeChallengeMethod' });
  });

  it('answers 401 InvalidLoginCredentials with OAuth fields for a wrong password', async () => {
    const response = await postForm(sandbox, '/authorize', authorizeFields({ password: 'wrong' }));
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ name: 'InvalidLoginCredentials', error: 'access_denied' });
  });

  it.each([
    ['an unknown client', { client_id: 'nobody' }, 'InvalidClient'],
    ['an inactive client', { client_id: INACTIVE_CLIENT_ID }, 'ClientNotActive'],
    ['an unregistered redirect_uri', { redirect_uri: 'https://evil.example.com/cb' }, 'InvalidRedirectUri'],
  ])('answers 403 for %s', async (_what, extra, name) => {
    const response = await postForm(sandbox, '/authorize', authorizeFields(extra));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ name });
  });

  it('answers 409 MultipleMatching for an ambiguous username, and 201 with account_id', async () => {
    const user = sandbox.user('user');
    const fields = authorizeFields({ username: user.username, password: user.password });
    expect((await postForm(sandbox, '/authorize', fields)).statusCode).toBe(409);
    expect((await postForm(sandbox, '/authorize', { ...fields, account_id: '100200300' })).statusCode).toBe(201);
  });
});

describe('POST /token grant_type=authorization_code', () => {
  it('exchanges a code for the user’s tokens with 201', async () => {
    const response = await exchange({ code: await codeFor({ redirect_uri: OIDC_REDIRECT_URI }), redirect_uri: OIDC_REDIRECT_URI });
    expect(response.statusCode).toBe(201);
    expect(decodeJwt(response.json<TokenBody>().access_token)).toMatchObject({ userId: sandbox.user('primary').userId });
  });

  it('accepts each code once only', async () => {
    const code = await codeFor();
    expect((await exchange({ code })).statusCode).toBe(201);
    const again = await exchange({ code });
    expect(again.statusCode).toBe(401);
    expect(again.json()).toMatchObject({ message: expect.stringContaining('already used') });
  });

  it('refuses a code after its lifetime (60 s by default)', async () => {
    const code = await codeFor();
    sandbox.advance(60);
    expect((await exchange({ code })).statusCode).toBe(401);
  });

  it('refuses a code presented by another client, or with another redirect_uri', async () => {
    const otherClient = await exchange({ code: await codeFor(), client_id: INACTIVE_CLIENT_ID });
    const otherRedirect = await exchange({ code: await codeFor({ redirect_uri: OIDC_REDIRECT_URI }), redirect_uri: 'http://127.0.0.1/other' });
    expect([otherClient.statusCode, otherRedirect.statusCode]).toEqual([401, 401]);
  });

  it('refuses an unknown code with 401', async () => {
    expect((await exchange({ code: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(401);
  });

  it('answers 400 MissingParameters without client_id', async () => {
    const response = await postForm(sandbox, '/token', { grant_type: 'authorization_code', code: await codeFor() });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ name: 'MissingParameters', message: expect.stringContaining('client_id') });
  });

  it('issues only scopes granted at /authorize', async () => {
    const narrowed = await exchange({ code: await codeFor({ scope: 'openid profile' }), scope: 'openid' });
    expect(narrowed.json()).toMatchObject({ scope: 'openid' });
    const widened = await exchange({ code: await codeFor({ scope: 'openid' }), scope: 'openid gauth' });
    expect(widened.statusCode).toBe(400);
    expect(widened.json()).toMatchObject({ name: 'InvalidScope' });
  });

  describe('with PKCE (S256)', () => {
    it('derives the RFC 7636 appendix B challenge from its verifier', () => {
      expect(s256Challenge(VERIFIER)).toBe(CHALLENGE);
    });

    it('exchanges the code when the verifier matches', async () => {
      const code = await codeFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' });
      expect((await exchange({ code, code_verifier: VERIFIER })).statusCode).toBe(201);
    });

    it('treats an absent method as S256', async () => {
      const code = await codeFor({ code_challenge: CHALLENGE });
      expect((await exchange({ code, code_verifier: VERIFIER })).statusCode).toBe(201);
    });

    it.each([
      ['a missing verifier', {}],
      ['a wrong verifier', { code_verifier: `${VERIFIER}x` }],
    ])('answers 401 InvalidVerifier for %s', async (_what, extra) => {
      const code = await codeFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' });
      const response = await exchange({ code, ...extra });
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ name: 'InvalidVerifier' });
    });
  });
});

// The OpenID Connect flow of Mitel's authentication sample (S-AUTH): POST /authorize answers 201
// with a one-time code, which POST /token trades for tokens together with the PKCE verifier; and the
// client-credentials grant for an application's own token (AUTH-SPEC, S-AUTH).
import { itWrites, pkceChallenge, useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { AuthorizationCode } from '../../types/authentication/authorization-code';
import type { TokenResponse } from '../../types/authentication/token';
import { authentication } from './collection';

const api = useCollection(authentication);

// Fixed so a replayed request matches the recorded one byte for byte; it protects nothing here.
const VERIFIER = 'harness-pkce-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';

async function authorize(): Promise<string> {
  const res = await api.send<AuthorizationCode>('POST Authorize', { vars: { code_challenge: pkceChallenge(VERIFIER) } });
  expect(res.status).toBe(201);
  return res.body.code;
}

describe('POST Authorize', () => {
  itWrites('returns 201 with a one-time authorization code', async () => {
    const res = await api.send<AuthorizationCode>('POST Authorize', { vars: { code_challenge: pkceChallenge(VERIFIER) } });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('authentication/authorization-code');
  });

  itWrites('refuses a client that is not registered', async () => {
    const res = await api.send<PlatformError>('POST Authorize', {
      vars: { code_challenge: pkceChallenge(VERIFIER), client_id: 'no-such-client' },
    });

    // The spec lists both 403 InvalidClient and 404 ClientNotFound for this case.
    expect([403, 404]).toContain(res.status);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

describe('POST Authorization Code Token', () => {
  itWrites('trades the code and its PKCE verifier for tokens with 201', async () => {
    const code = await authorize();

    const res = await api.send<TokenResponse>('POST Authorization Code Token', { vars: { code, code_verifier: VERIFIER } });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('authentication/token');
  });

  itWrites('refuses a code that was already used with 401', async () => {
    const code = await authorize();
    const first = await api.send('POST Authorization Code Token', { vars: { code, code_verifier: VERIFIER } });
    expect(first.status).toBe(201);

    const again = await api.send<PlatformError>('POST Authorization Code Token', { vars: { code, code_verifier: VERIFIER } });

    expect(again.status).toBe(401);
    expect(again.body).toMatchSchema('_shared/error');
  });

  itWrites('refuses a wrong PKCE verifier with 401', async () => {
    const code = await authorize();

    const res = await api.send<PlatformError>('POST Authorization Code Token', {
      vars: { code, code_verifier: `${VERIFIER}-wrong` },
    });

    expect(res.status).toBe(401);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

describe('POST Client Credentials Token', () => {
  it('returns 201 with a token for the application itself', async () => {
    const res = await api.send<TokenResponse>('POST Client Credentials Token');

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('authentication/token');
  });

  it('rejects a wrong client secret with 401', async () => {
    const res = await api.send<PlatformError>('POST Client Credentials Token', { vars: { client_secret: 'not-the-secret' } });

    expect(res.status).toBe(401);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

// POST {{auth_url}}/token with the refresh_token grant, and the harness's own promise on top of it:
// a rejected access token is refreshed once and the request replayed, so a long run never fails on
// an expired token (AUTH-SPEC refresh_token grant and token lifetimes).
import { useCollection } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { Claims } from '../../types/authentication/claims';
import type { TokenResponse } from '../../types/authentication/token';
import { authentication } from './collection';

const api = useCollection(authentication);

async function logIn(): Promise<TokenResponse> {
  const res = await api.send<TokenResponse>('POST Token');
  expect(res.status).toBe(201);
  return res.body;
}

describe('POST Refresh Token', () => {
  it('returns 201 with a new access token for a valid refresh token', async () => {
    const { refresh_token } = await logIn();

    const res = await api.send<TokenResponse>('POST Refresh Token', { vars: { refresh_token } });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('authentication/token');
    expect(res.body.access_token).not.toBe('');
  });

  it('still accepts the deprecated `token` field that older clients send', async () => {
    const { refresh_token } = await logIn();

    const res = await api.send<TokenResponse>('POST Refresh Token', {
      form: { refresh_token: undefined, token: refresh_token },
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('authentication/token');
  });

  it('rejects a garbage refresh token with 401', async () => {
    const res = await api.send<PlatformError>('POST Refresh Token', { vars: { refresh_token: 'not-a-refresh-token' } });

    expect(res.status).toBe(401);
    expect(res.body).toMatchSchema('_shared/error');
  });

  it('rejects an access token presented as a refresh token with 401', async () => {
    const { access_token } = await logIn();

    const res = await api.send<PlatformError>('POST Refresh Token', { vars: { refresh_token: access_token } });

    expect(res.status).toBe(401);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

describe('automatic token refresh', () => {
  it('refreshes a rejected access token once and replays the request', async () => {
    api.replaceAccessToken('primary', 'an-expired-or-revoked-access-token');

    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/claims');
  });
});

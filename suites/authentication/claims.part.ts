// GET {{auth_url}}/token ("who am I") and the platform's edges around auth: the observed answer
// carries every claim as a string (NG-TEST, SWIFT), Mitel's samples send the token without "Bearer
// " (S-CHAT, S-NOTIF, S-MEDIA), and a wrong path meets the API gateway's 403, not a 404 (AWS).
import { useCollection } from '../../harness';
import type { GatewayError } from '../../types/_shared/gateway-error';
import type { PlatformError } from '../../types/_shared/error';
import type { Claims } from '../../types/authentication/claims';
import { authentication } from './collection';

const api = useCollection(authentication);

describe('GET Token', () => {
  it('returns 200 with the caller’s claims, numbers and booleans as strings', async () => {
    const res = await api.send<Claims>('GET Token');

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/claims');
    expect(typeof res.body.exp).toBe('string');
    expect(res.headers['x-mitel-correlation-id']).toEqual(expect.any(String));
  });

  it('accepts the token without the Bearer prefix, as Mitel’s samples send it', async () => {
    const res = await api.send<Claims>('GET Token', { headers: { authorization: '{{access_token}}' } });

    expect(res.status).toBe(200);
    expect(res.body).toMatchSchema('authentication/claims');
  });

  it('rejects a request without a token with 401', async () => {
    const res = await api.send<PlatformError>('GET Token', { as: 'none' });

    expect(res.status).toBe(401);
    expect(res.body).toMatchSchema('_shared/error');
  });
});

describe('GET Unknown Path', () => {
  it('answers the gateway’s 403 "Missing Authentication Token" when no token is sent', async () => {
    const res = await api.send<GatewayError>('GET Unknown Path', { as: 'none' });

    expect(res.status).toBe(403);
    expect(res.body).toMatchSchema('_shared/gateway-error');
    expect(res.body.message).toBe('Missing Authentication Token');
  });

  it('answers 403 blaming the Authorization header when a bearer token is sent', async () => {
    const res = await api.send<GatewayError>('GET Unknown Path');

    expect(res.status).toBe(403);
    expect(res.body).toMatchSchema('_shared/gateway-error');
    expect(res.body.message).toContain('not a valid key=value pair (missing equal-sign) in Authorization header');
  });
});

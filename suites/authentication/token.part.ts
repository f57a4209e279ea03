// POST {{auth_url}}/token with the password grant: the "POST Token" of Mitel's Postman library.
// Success is 201 Created, not 200, and JSON bodies work as well as the form encoding the spec
// declares (AUTH-SPEC createToken; S-AUTH and S-CHAT post JSON to /token).
import { useCollection, userVars } from '../../harness';
import type { PlatformError } from '../../types/_shared/error';
import type { TokenResponse } from '../../types/authentication/token';
import { authentication } from './collection';

const api = useCollection(authentication);

describe('POST Token', () => {
  it('returns 201 with a bearer token for the environment user', async () => {
    const res = await api.send<TokenResponse>('POST Token');

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('authentication/token');
    expect(res.body.token_type).toBe('bearer');
    expect(res.body.expires_in).toBeGreaterThan(0);
  });

  it('returns 201 for the second user of the environment', async () => {
    const res = await api.send<TokenResponse>('POST Token', { vars: userVars('second') });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('authentication/token');
  });

  it('accepts a JSON body, as Mitel’s own samples send it', async () => {
    const res = await api.send<TokenResponse>('POST Token', {
      json: { grant_type: 'password', username: '{{username}}', password: '{{password}}' },
    });

    expect(res.status).toBe(201);
    expect(res.body).toMatchSchema('authentication/token');
  });

  it('rejects a wrong password with 401 InvalidLoginCredentials', async () => {
    const res = await api.send<PlatformError>('POST Token', { form: { password: 'not-the-password' } });

    expect(res.status).toBe(401);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('InvalidLoginCredentials');
  });

  it('rejects a request without grant_type with 400 MissingParameters', async () => {
    const res = await api.send<PlatformError>('POST Token', { form: { grant_type: undefined } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('MissingParameters');
  });

  it('rejects an unknown grant type with 400 InvalidGrantType', async () => {
    const res = await api.send<PlatformError>('POST Token', { form: { grant_type: 'magic_words' } });

    expect(res.status).toBe(400);
    expect(res.body).toMatchSchema('_shared/error');
    expect(res.body.name).toBe('InvalidGrantType');
  });
});

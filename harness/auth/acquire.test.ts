// What token setup says when a grant is refused: the credentials are blamed only when the platform
// refused the request itself (400, 401); anything else says what came back.
import { loadEnvironment } from '../env';
import { acquireTokens, TokenAcquisitionError, type Send } from './acquire';

const env = loadEnvironment({
  mode: 'live',
  processEnv: { CLOUDLINK_USERNAME: 'a@example.com', CLOUDLINK_PASSWORD: 'pw', CLOUDLINK_AUTH_URL: 'http://127.0.0.1:9/authentication/2017-09-01' },
});
const answering =
  (status: number, body: unknown): Send =>
  async () => ({ status, headers: {}, body });

describe('acquireTokens', () => {
  it('blames the credentials for a 401', async () => {
    const error = await acquireTokens(env, answering(401, { name: 'InvalidLoginCredentials', message: 'bad password' })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TokenAcquisitionError);
    expect((error as Error).message).toMatch(/answered 401 InvalidLoginCredentials: bad password\. Check the credentials in \.env/);
  });

  it('says the platform kept refusing for a 503 that outlived the retries, without blaming the credentials', async () => {
    const error = (await acquireTokens(env, answering(503, { name: 'ServiceUnavailable', message: 'busy' })).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/answered 503 ServiceUnavailable: busy\. The platform kept refusing after every retry/);
    expect(error.message).not.toMatch(/credentials/);
  });

  it('says what came back for an unexpected 200', async () => {
    const error = (await acquireTokens(env, answering(200, {})).catch((e: unknown) => e)) as Error;
    expect(error.message).toMatch(/answered 200\. A token request should answer 201/);
    expect(error.message).not.toMatch(/credentials/);
  });
});

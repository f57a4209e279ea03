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

  describe('with a second user', () => {
    const twoUsers = loadEnvironment({
      mode: 'live',
      processEnv: {
        CLOUDLINK_USERNAME: 'a@example.com',
        CLOUDLINK_PASSWORD: 'pw',
        CLOUDLINK_USERNAME2: 'b@example.com',
        CLOUDLINK_PASSWORD2: 'pw2',
        CLOUDLINK_AUTH_URL: 'http://127.0.0.1:9/authentication/2017-09-01',
      },
    });
    /** Answers each user's grant after `delayMs[user]`, with `status`; notes when each was sent and answered. */
    function platform(delayMs: Record<string, number>, status: Record<string, number>, events: string[]): Send {
      return async (_named, vars) => {
        const user = vars.username === '{{username2}}' ? 'second' : 'primary';
        events.push(`sent ${user}`);
        await new Promise((resolve) => setTimeout(resolve, delayMs[user]));
        events.push(`answered ${user}`);
        const token = `${user}-token`;
        return status[user] === 201
          ? { status: 201, headers: {}, body: { access_token: token, refresh_token: `${user}-refresh`, expires_in: 3600 } }
          : { status: status[user] ?? 500, headers: {}, body: { name: 'InvalidLoginCredentials', message: `${user} refused` } };
      };
    }

    it('grants both users side by side and keeps each user’s tokens', async () => {
      const events: string[] = [];
      const tokens = await acquireTokens(twoUsers, platform({ primary: 30, second: 10 }, { primary: 201, second: 201 }, events));

      expect(events.slice(0, 2)).toEqual(['sent primary', 'sent second']);
      expect(tokens.primary?.accessToken).toBe('primary-token');
      expect(tokens.second?.accessToken).toBe('second-token');
    });

    it('reports the first user’s refusal in the users’ order, whichever answer came back first', async () => {
      const events: string[] = [];
      const error = (await acquireTokens(twoUsers, platform({ primary: 30, second: 5 }, { primary: 401, second: 401 }, events)).catch(
        (e: unknown) => e,
      )) as Error;

      expect(events).toContain('answered second');
      expect(events.indexOf('answered second')).toBeLessThan(events.indexOf('answered primary'));
      expect(error).toBeInstanceOf(TokenAcquisitionError);
      expect(error.message).toMatch(/for the primary user .* primary refused/);
    });
  });
});

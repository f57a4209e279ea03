// The bearer check remembers the tokens it verified; what may change between two requests with the
// same token — the clock, the switchboard's early expiry, the key — must still be checked each time.
import { authenticateAuthorization, setEarlyExpiry } from './bearer-auth';
import { signJwt } from './jwt';

const NOW = 1_700_000_000;
const claims = { principalId: 'p-1', accountId: 'a-1', role: 'USER', iat: NOW, exp: NOW + 60 };
const freshKey = (seed: string) => Buffer.from(seed.padEnd(32, '.'));
const expectRefused = (run: () => unknown, message: string) => expect(run).toThrow(expect.objectContaining({ statusCode: 401, message }));

describe('authenticateAuthorization', () => {
  it('answers the same claims for the same token, each time a copy of its own', () => {
    const key = freshKey('same token');
    const token = signJwt(claims, key);
    const first = authenticateAuthorization(`Bearer ${token}`, key, NOW);
    (first as Record<string, unknown>).role = 'GLOBAL_ADMIN';
    expect(authenticateAuthorization(token, key, NOW)).toEqual(claims);
  });

  it('refuses a token it accepted before once the clock passes its exp', () => {
    const key = freshKey('clock');
    const token = signJwt(claims, key);
    expect(authenticateAuthorization(`Bearer ${token}`, key, NOW + 59).principalId).toBe('p-1');
    expectRefused(() => authenticateAuthorization(`Bearer ${token}`, key, NOW + 60), 'The access token has expired.');
  });

  it('refuses a token it accepted before once the switchboard expires it early', () => {
    const key = freshKey('early');
    const token = signJwt(claims, key);
    expect(authenticateAuthorization(`Bearer ${token}`, key, NOW).accountId).toBe('a-1');
    setEarlyExpiry(key, (seen) => seen.iat === NOW);
    expectRefused(() => authenticateAuthorization(`Bearer ${token}`, key, NOW), 'The access token has expired.');
  });

  it('does not take a token accepted under one key for valid under another', () => {
    const [mine, theirs] = [freshKey('mine'), freshKey('theirs')];
    const token = signJwt(claims, mine);
    authenticateAuthorization(`Bearer ${token}`, mine, NOW);
    expectRefused(() => authenticateAuthorization(`Bearer ${token}`, theirs, NOW), 'The access token is not valid.');
  });

  it('still refuses a refresh token, however often it is shown', () => {
    const key = freshKey('refresh');
    const refresh = signJwt({ type: 'refresh', accountId: 'a-1', exp: NOW + 60 }, key);
    for (let attempt = 0; attempt < 2; attempt++) {
      expectRefused(() => authenticateAuthorization(refresh, key, NOW), 'The token is not an access token.');
    }
  });
});

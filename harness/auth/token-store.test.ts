import { jwtExpiry, TokenRefreshError, TokenStore, type Refresher } from './token-store';

function jwtWithExp(expSeconds: number): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp: expSeconds })}.signature`;
}

describe('TokenStore', () => {
  it('refreshes once for many requests rejected with the same token (single-flight)', async () => {
    let calls = 0;
    const refresher: Refresher = async () => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return { accessToken: 'fresh', refreshToken: 'r2' };
    };
    const store = new TokenStore({ primary: { accessToken: 'stale', refreshToken: 'r1' } });

    const tokens = await Promise.all(Array.from({ length: 20 }, () => store.refresh('primary', 'stale', refresher)));

    expect(calls).toBe(1);
    expect(new Set(tokens)).toEqual(new Set(['fresh']));
  });

  it('does not refresh again when the rejected token was already replaced', async () => {
    const refresher = jest.fn<ReturnType<Refresher>, Parameters<Refresher>>(async () => ({ accessToken: 'fresh' }));
    const store = new TokenStore({ primary: { accessToken: 'stale', refreshToken: 'r1' } });
    await store.refresh('primary', 'stale', refresher);

    const token = await store.refresh('primary', 'stale', refresher);

    expect(token).toBe('fresh');
    expect(refresher).toHaveBeenCalledTimes(1);
  });

  it('keeps the old refresh token when the answer carries none', async () => {
    const refresher = jest.fn<ReturnType<Refresher>, Parameters<Refresher>>(async () => ({ accessToken: 'next' }));
    const store = new TokenStore({ primary: { accessToken: 'a1', refreshToken: 'r1' } });
    await store.refresh('primary', 'a1', refresher);

    await store.refresh('primary', 'next', refresher);

    expect(refresher).toHaveBeenLastCalledWith('r1');
  });

  it('refreshes proactively shortly before expiry', async () => {
    const now = 1_000_000;
    const refresher = jest.fn<ReturnType<Refresher>, Parameters<Refresher>>(async () => ({ accessToken: 'renewed' }));
    const store = new TokenStore({ primary: { accessToken: 'old', refreshToken: 'r', expiresAt: now + 10_000 } }, { skewMs: 30_000, now: () => now });

    expect(await store.accessToken('primary', refresher)).toBe('renewed');
  });

  it('keeps a token that is far from expiry', async () => {
    const refresher = jest.fn<ReturnType<Refresher>, Parameters<Refresher>>();
    const store = new TokenStore({ primary: { accessToken: 'valid', refreshToken: 'r', expiresAt: Date.now() + 3_600_000 } });

    expect(await store.accessToken('primary', refresher)).toBe('valid');
    expect(refresher).not.toHaveBeenCalled();
  });

  it('ends a failed refresh with one clear error naming the user, and lets a later attempt try again', async () => {
    let fail = true;
    const store = new TokenStore({ second: { accessToken: 'a', refreshToken: 'r' } });
    const refresher: Refresher = async () => {
      if (fail) throw new Error('POST Refresh Token answered 401');
      return { accessToken: 'b' };
    };

    await expect(store.refresh('second', 'a', refresher)).rejects.toThrow(TokenRefreshError);
    await expect(store.refresh('second', 'a', refresher)).rejects.toThrow(/second user failed: POST Refresh Token answered 401/);
    fail = false;
    await expect(store.refresh('second', 'a', refresher)).resolves.toBe('b');
  });

  it('explains a missing user instead of sending without a token', async () => {
    const store = new TokenStore({});

    await expect(store.accessToken('second', async () => ({ accessToken: 'x' }))).rejects.toThrow(/no token was acquired for the second user/);
  });
});

describe('jwtExpiry', () => {
  it('reads exp from a JWT in milliseconds', () => {
    expect(jwtExpiry(jwtWithExp(1_700_000_000))).toBe(1_700_000_000_000);
  });

  it('gives undefined for an opaque or malformed token', () => {
    expect(jwtExpiry('redacted-access_token-1')).toBeUndefined();
    expect(jwtExpiry('a.not-base64-json.c')).toBeUndefined();
  });
});

import { maskSensitive } from './mask';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';

describe('maskSensitive', () => {
  it('masks values under credential and identifying names, keeping the structure', () => {
    expect(maskSensitive({ password: 'hunter2', accountId: 'acc-1', name: 'Acme', passwordHistory: 'x' })).toEqual({
      password: '«masked password»',
      accountId: '«masked accountId»',
      name: 'Acme',
      passwordHistory: 'x',
    });
    expect(maskSensitive(['a', 'b'], 'password')).toEqual(['«masked password»', '«masked password»']);
    expect(maskSensitive(12345, 'accountNumber')).toBe('«masked accountNumber»');
  });

  it('masks JWTs, Bearer tokens and credential pairs anywhere in text', () => {
    expect(maskSensitive(`got ${JWT} back`)).toBe('got «masked jwt» back');
    expect(maskSensitive({ message: "'Bearer abc123def456' is not valid" })).toEqual({ message: "'Bearer «masked token»' is not valid" });
    expect(maskSensitive('https://x.example.com/cb?code=4f9a1c77e2&state=1')).toBe('https://x.example.com/cb?code=«masked code»&state=1');
    expect(maskSensitive('{"client_secret": "s3cr3t"}')).toBe('{"client_secret": "«masked client_secret»"}');
  });

  it('leaves everything else alone', () => {
    const value = { status: 'active', count: 3, ok: true, nothing: null, list: ['Bearer authentication'] };
    expect(maskSensitive(value)).toEqual(value);
  });
});

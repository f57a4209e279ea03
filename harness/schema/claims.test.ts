// GET /token answers its claims as strings (the observed body: NG-TEST, SWIFT; docs/sources.md)
// while the JWT carries them natively; the claims schema must take both, and nothing looser.
import { validateAgainst } from './registry';

/** The observed form: every claim a string, as an API Gateway authorizer context stringifies them. */
const stringValued = {
  principalId: '00000000-0000-4000-8000-000000000005',
  accountId: '00000000-0000-4000-8000-000000000001',
  uniqueUserId: '00000000-0000-4000-8000-000000000005',
  userId: '00000000-0000-4000-8000-000000000005',
  role: 'ACCOUNT_ADMIN',
  exp: '1591690894',
  iat: '1591686931',
  email: 'user-1@example.com',
  emailVerified: 'true',
  mobileVerified: 'false',
  phoneVerified: 'false',
  extensionVerified: 'false',
  integrationLatency: 0,
  aud: 'https://mitel.io/auth/teamwork',
  iss: 'https://authentication.us-east-1.us.dev.api.mitel.io/connect',
};

/** The native form: the same claims with the JSON types the JWT payload uses. */
const nativeValued = {
  ...stringValued,
  exp: 1591690894,
  iat: 1591686931,
  emailVerified: true,
  mobileVerified: false,
  phoneVerified: false,
  extensionVerified: false,
  integrationLatency: '12.5',
};

describe('the claims schema', () => {
  it('accepts the observed body, where booleans and numbers arrive as strings', () => {
    expect(validateAgainst('authentication/claims', stringValued)).toEqual({ valid: true, problems: [] });
  });

  it('accepts the native form of the same claims', () => {
    expect(validateAgainst('authentication/claims', nativeValued)).toEqual({ valid: true, problems: [] });
  });

  it('accepts only the four claims the spec requires', () => {
    const minimal = { principalId: 'guest-1', accountId: 'acc1234', role: 'GUEST', exp: '1591690894' };
    expect(validateAgainst('authentication/claims', minimal).valid).toBe(true);
  });

  it.each([
    ['exp', 'soon'],
    ['exp', -1],
    ['exp', 1591690894.5],
    ['iat', '15916.86931'],
    ['mobileVerified', 'yes'],
    ['emailVerified', 1],
    ['integrationLatency', 'fast'],
    ['role', 'account_admin'],
  ])('rejects %s = %j', (claim, value) => {
    const { valid, problems } = validateAgainst('authentication/claims', { ...stringValued, [claim]: value });

    expect(valid).toBe(false);
    expect(problems.every((problem) => problem.instancePath === `/${claim}`)).toBe(true);
  });

  it.each(['principalId', 'accountId', 'role', 'exp'])('requires %s', (claim) => {
    const { [claim as keyof typeof stringValued]: _dropped, ...rest } = stringValued;
    const { problems } = validateAgainst('authentication/claims', rest);

    expect(problems.map((problem) => problem.message)).toEqual([`must have required property '${claim}'`]);
  });
});

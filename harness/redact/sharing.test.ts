import { UserError } from '../user-error';
import { Scrubber } from './scrubber';
import { identifierPolicy, maskForSharing, maskSecrets } from './sharing';

const ACCOUNT = '7c2b9d1e-4f3a-4b2c-9d8e-1a2b3c4d5e6f';
const TOKEN = 'opaque-token-0123456789';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';

function scrubberOfARealAccount(): Scrubber {
  const scrubber = new Scrubber([
    { name: 'accountId', value: ACCOUNT },
    { name: 'access_token', value: TOKEN },
    { name: 'username', value: 'dev@acme.example.org' },
  ]);
  scrubber.scrub({ userId: 'u-314159', email: 'bob@acme.example.org' });
  return scrubber;
}

describe('identifierPolicy', () => {
  it('auto masks identifiers in shared outputs always, and in the terminal only on CI', () => {
    expect(identifierPolicy('auto', {})).toEqual({ shared: true, terminal: false });
    expect(identifierPolicy('', { CI: 'true' })).toEqual({ shared: true, terminal: true });
    expect(identifierPolicy(undefined, {})).toEqual({ shared: true, terminal: false });
  });

  it('true and false apply everywhere; a blank environment value defers to CLOUDLINK_MASK_IDENTIFIERS', () => {
    expect(identifierPolicy('true', {})).toEqual({ shared: true, terminal: true });
    expect(identifierPolicy('FALSE', { CI: 'true' })).toEqual({ shared: false, terminal: false });
    expect(identifierPolicy('', { CLOUDLINK_MASK_IDENTIFIERS: 'false' })).toEqual({ shared: false, terminal: false });
  });

  it('names the setting and the values it takes when given something else', () => {
    expect(() => identifierPolicy('yes', {})).toThrow(UserError);
    expect(() => identifierPolicy('yes', {})).toThrow('mask_identifiers must be one of auto, true, false, not "yes"');
  });
});

describe('maskSecrets', () => {
  it('masks known secrets with the placeholders of the report, and credential shapes anywhere, keeping identifiers', () => {
    const text = `GET /accounts/${ACCOUNT} with Bearer ${TOKEN} for dev@acme.example.org gave ${JWT}; password=hunter22`;
    expect(maskSecrets(text, scrubberOfARealAccount())).toBe(
      `GET /accounts/${ACCOUNT} with Bearer redacted-access_token-1 for dev@acme.example.org gave «masked jwt»; password=«masked password»`,
    );
  });

  it('masks a known secret in its encoded forms too', () => {
    expect(maskSecrets(`token=${encodeURIComponent(TOKEN)} and ${Buffer.from(TOKEN).toString('base64')}`, scrubberOfARealAccount())).not.toContain(
      '0123456789',
    );
  });

  it('without a scrubber still masks what looks like a credential', () => {
    expect(maskSecrets(`Authorization: Bearer ${TOKEN}`)).toBe('Authorization: Bearer «masked token»');
  });
});

describe('maskForSharing', () => {
  it("masks the account's identifiers and secrets with the report's placeholders", () => {
    const scrubber = scrubberOfARealAccount();
    const text = `Resolved to value: {"accountId": "${ACCOUNT}", "userId": "u-314159", "email": "bob@acme.example.org", "token": "${TOKEN}"}`;
    const shared = maskForSharing(text, scrubber);
    for (const value of [ACCOUNT, 'u-314159', 'bob@acme.example.org', TOKEN]) expect(shared).not.toContain(value);
    expect(shared).toContain(`"accountId": "${scrubber.placeholderOf(ACCOUNT)}"`);
    expect(shared).toContain(`"email": "${scrubber.placeholderOf('bob@acme.example.org')}"`);
  });

  it('masks identifiers it never met: by the name they sit under, their shape, or because a message noted them', () => {
    const text = 'accountNumber=8675309 "loginId": "jdoe", 12345678-aaaa-4bbb-8ccc-123456789abc, ann@corp.example.com, value: "acme-7"';
    const shared = maskForSharing(text, undefined, ['acme-7']);
    expect(shared).toBe('accountNumber=«masked accountNumber» "loginId": "«masked loginId»", «masked uuid», «masked email», value: "«masked identifier»"');
  });

  it('leaves placeholders and ordinary words alone', () => {
    const text = 'expected 201, got 400: "accountId": "redacted-accountid-1" (role admin)';
    expect(maskForSharing(text, scrubberOfARealAccount())).toBe(text);
  });
});

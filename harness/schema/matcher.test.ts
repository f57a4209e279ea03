import { Scrubber } from '../redact/scrubber';
import { exposeFailureMasker, failureMaskerOf, markFailureMaskingHooked } from '../report/failure-masker';
import { MAX_VALUE_LENGTH } from './matcher';

const token = {
  token_type: 'bearer',
  expires_in: 3747,
  access_token: 'redacted-access_token-1',
  refresh_token: 'redacted-refresh_token-1',
  scope: 'read write',
};

const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50SWQiOiJzZWNyZXQtYWNjb3VudCJ9.c2lnbmF0dXJlLXNlY3JldA';

/** The message of a failing assertion, without colours. */
function failureOf(assertion: () => void): string {
  try {
    assertion();
  } catch (error) {
    // eslint-disable-next-line no-control-regex -- jest's colour codes start with ESC
    return (error as Error).message.replace(/\u001b\[[0-9;]*m/g, '');
  }
  throw new Error('the assertion was expected to fail');
}

describe('toMatchSchema', () => {
  it('passes on a body that matches', () => {
    expect(token).toMatchSchema('authentication/token');
    expect({ name: 'UserNotFound', message: 'No such user' }).toMatchSchema('_shared/error');
  });

  it('fails under .not when the body matches, naming the schema file', () => {
    const message = failureOf(() => expect(token).not.toMatchSchema('authentication/token'));

    expect(message).toContain('Expected the value not to match schema authentication/token (schemas/authentication/token.schema.json), but it does.');
  });

  it('lists each problem with instance path, message, schema path and value', () => {
    const { scope: _scope, ...withoutScope } = token;
    const message = failureOf(() => expect({ ...withoutScope, expires_in: '3600' }).toMatchSchema('authentication/token'));

    expect(message).toContain('The value does not match schema authentication/token (schemas/authentication/token.schema.json): 2 problems.');
    expect(message).toContain("1. at (root): must have required property 'scope'\n     schema: #/required\n     value:  {");
    expect(message).toContain('2. at /expires_in: must be integer\n     schema: #/properties/expires_in/type\n     value:  "3600"');
  });

  it('masks a JWT in an offending value', () => {
    const message = failureOf(() => expect({ ...token, expires_in: JWT }).toMatchSchema('authentication/token'));

    expect(message).toContain('at /expires_in: must be integer');
    expect(message).not.toContain('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9');
    expect(message).not.toContain('c2lnbmF0dXJlLXNlY3JldA');
  });

  it('masks an offending value that sits under a credential name', () => {
    const message = failureOf(() => expect({ ...token, refresh_token: { value: 'hunter2-refresh-secret' } }).toMatchSchema('authentication/token'));

    expect(message).toContain('at /refresh_token: must be string');
    expect(message).not.toContain('hunter2-refresh-secret');
  });

  it('masks the secrets inside an object that lacks a required property', () => {
    const body = { password: 'hunter2-password', accountId: 'secret-account-7', state: 'xyz' };
    const message = failureOf(() => expect(body).toMatchSchema('authentication/authorization-code'));

    expect(message).toContain("at (root): must have required property 'code'");
    expect(message).toContain('"state":"xyz"');
    expect(message).not.toContain('hunter2-password');
    expect(message).not.toContain('secret-account-7');
  });

  it("shows an identifier on a developer's terminal only where the environment masks the reports' copies", () => {
    const body = { password: 'hunter2-password', accountId: 'acme-account-7', state: 'xyz' };
    const holder = globalThis as unknown as Record<symbol, unknown>;
    const keys = [Symbol.for('cloudlink.failure-masker'), Symbol.for('cloudlink.failure-masking-hooked')];
    try {
      exposeFailureMasker(new Scrubber(), { file: 'x.test.ts', policy: { shared: true, terminal: false } });
      markFailureMaskingHooked(globalThis);
      const message = failureOf(() => expect(body).toMatchSchema('authentication/authorization-code'));
      expect(message).toContain('"accountId":"acme-account-7"');
      expect(message).not.toContain('hunter2-password');
      expect(failureMaskerOf()?.shared(message)).not.toContain('acme-account-7');
    } finally {
      for (const key of keys) delete holder[key];
    }
  });

  it('truncates a long value', () => {
    const body = { count: 1, _links: { self: '/2017-09-01/apps' }, _embedded: { items: 'x'.repeat(1000) } };
    const message = failureOf(() => expect(body).toMatchSchema('authentication/application-collection'));

    expect(message).toContain(`"${'x'.repeat(MAX_VALUE_LENGTH - 1)}… (${1002 - MAX_VALUE_LENGTH} more characters)`);
    expect(message).not.toContain('x'.repeat(MAX_VALUE_LENGTH + 1));
  });

  it('rejects an unknown schema id, listing the known ones', () => {
    expect(() => expect(token).toMatchSchema('authentication/tokens')).toThrow(
      /Unknown schema id "authentication\/tokens"\. Known schema ids: .*authentication\/token\b/,
    );
  });
});

import { execFileSync } from 'node:child_process';
import { checkAgainstMetaSchema, knownSchemaIds, schemaDocument, schemaFileOf, validateAgainst } from './registry';

const placeholderToken = {
  token_type: 'bearer',
  expires_in: 3747,
  access_token: 'redacted-access_token-1',
  refresh_token: 'redacted-refresh_token-1',
  scope: 'read write',
};

const application = {
  applicationId: '00000000-0000-4000-8000-000000000003',
  accountId: '00000000-0000-4000-8000-000000000001',
  partnerId: '00000000-0000-4000-8000-000000000002',
  name: 'harness-probe',
  description: 'An application the registry tests validate.',
  active: false,
  redirectUris: ['https://example.com/callback'],
  createdOn: '2024-05-01T10:00:00.000Z',
  createdBy: '00000000-0000-4000-8000-000000000004',
  modifiedOn: '2024-05-01T10:00:00.000Z',
  modifiedBy: '00000000-0000-4000-8000-000000000004',
  _links: { self: '/2017-09-01/applications/00000000-0000-4000-8000-000000000003' },
};

describe('the schema registry', () => {
  it('knows every schema file under schemas/, by its path without the suffix', () => {
    const onDisk = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'schemas'], { encoding: 'utf8' })
      .split('\n')
      .filter((file) => file.endsWith('.schema.json'))
      .map((file) => file.slice('schemas/'.length, -'.schema.json'.length))
      .sort();
    expect(knownSchemaIds()).toEqual(onDisk);
    expect(knownSchemaIds()).toEqual(expect.arrayContaining(['_shared/error', '_shared/hal-collection', 'authentication/token']));
    expect(schemaFileOf('authentication/token')).toBe('schemas/authentication/token.schema.json');
    expect(schemaDocument('authentication/token').title).toBe('TokenResponse');
  });

  it.each(knownSchemaIds())('compiles %s in strict mode', (id) => {
    expect(() => validateAgainst(id, {})).not.toThrow();
  });

  it.each(knownSchemaIds())('finds %s valid against the draft-07 meta-schema', (id) => {
    expect(checkAgainstMetaSchema(schemaDocument(id))).toEqual([]);
  });

  it('reports a document that breaks the meta-schema', () => {
    expect(checkAgainstMetaSchema({ type: 'object', required: 'name' })).toEqual(['/required must be array']);
  });

  it('names the unknown id and lists the known ones', () => {
    expect(() => validateAgainst('authentication/tokn', {})).toThrow(
      /Unknown schema id "authentication\/tokn"\. Known schema ids: _shared\/error, .*authentication\/token/,
    );
  });
});

describe('validateAgainst', () => {
  it('accepts a token answer whose tokens were replaced by fixture placeholders', () => {
    expect(validateAgainst('authentication/token', placeholderToken)).toEqual({ valid: true, problems: [] });
  });

  it('accepts properties the contract does not list, since drift is reported elsewhere', () => {
    expect(validateAgainst('authentication/token', { ...placeholderToken, id_token: 'x' }).valid).toBe(true);
  });

  it('reports where, which rule, why and what for each problem', () => {
    const { valid, problems } = validateAgainst('authentication/token', { ...placeholderToken, expires_in: '3600' });

    expect(valid).toBe(false);
    expect(problems).toEqual([
      {
        instancePath: '/expires_in',
        schemaPath: '#/properties/expires_in/type',
        message: 'must be integer',
        value: '3600',
      },
    ]);
  });

  it('gives the object that lacks a required property as the value', () => {
    const { problems } = validateAgainst('authentication/authorization-code', { state: 'abc' });

    expect(problems).toEqual([
      {
        instancePath: '',
        schemaPath: '#/required',
        message: "must have required property 'code'",
        value: { state: 'abc' },
      },
    ]);
  });

  it('lists the allowed values of an enum in the message', () => {
    const { problems } = validateAgainst('authentication/claims', {
      principalId: 'p',
      accountId: 'a',
      role: 'ADMIN',
      exp: 1,
    });

    expect(problems[0]?.message).toBe('must be equal to one of the allowed values: "GLOBAL_ADMIN", "PARTNER_ADMIN", "ACCOUNT_ADMIN", "USER", "GUEST"');
  });

  it('validates a HAL collection of applications down to each item, across files', () => {
    const page = { count: 1, _links: { self: '/2017-09-01/apps' }, _embedded: { items: [application] } };
    expect(validateAgainst('authentication/application-collection', page).valid).toBe(true);

    const broken = { ...page, _embedded: { items: [{ ...application, active: 'yes' }] } };
    const { problems } = validateAgainst('authentication/application-collection', broken);
    expect(problems).toEqual([expect.objectContaining({ instancePath: '/_embedded/items/0/active', message: 'must be boolean', value: 'yes' })]);
    expect(problems[0]?.schemaPath).toMatch(/properties\/active\/type$/);
  });

  it('requires the collection envelope from the shared HAL schema', () => {
    const { problems } = validateAgainst('authentication/application-collection', { _embedded: { items: [] } });

    expect(problems.map((problem) => problem.message)).toEqual(["must have required property 'count'", "must have required property '_links'"]);
  });

  it('checks formats with ajv-formats', () => {
    const { problems } = validateAgainst('authentication/application', { ...application, createdOn: 'yesterday' });

    // A resource that requires its stamps restates them by $ref, so the shared one and the
    // restatement may both report the same problem.
    expect(problems.length).toBeGreaterThan(0);
    expect(problems).toEqual(problems.map(() => expect.objectContaining({ instancePath: '/createdOn', message: 'must match format "date-time"' })));
  });
});

describe('the platform error schema', () => {
  it.each([
    ['the usual {name, message}', { name: 'InvalidLoginCredentials', message: 'Invalid credentials' }],
    ['a 409 with labels', { name: 'MultipleMatching', message: 'Several accounts', labels: ['MultipleMatching'] }],
    ['the 422 {name, error} of /applications', { name: 'UnprocessableEntity', error: 'redirectUris must be an array' }],
    ['the 422 {message, error} of POST /token', { message: 'Account locked', error: '401' }],
    ['the OAuth-style extras of /authorize', { name: 'invalid_request', message: 'Bad', error: 'invalid_request', error_description: 'x' }],
  ])('accepts %s', (_shape, body) => {
    expect(validateAgainst('_shared/error', body)).toEqual({ valid: true, problems: [] });
  });

  it.each([
    ['a bare message (that is the gateway’s shape)', { message: 'Missing Authentication Token' }],
    ['an empty object', {}],
    ['a non-string name', { name: 404, message: 'Not found' }],
  ])('rejects %s', (_shape, body) => {
    expect(validateAgainst('_shared/error', body).valid).toBe(false);
  });

  it('accepts the gateway’s bare message under its own schema', () => {
    expect(validateAgainst('_shared/gateway-error', { message: 'Too Many Requests' }).valid).toBe(true);
    expect(validateAgainst('_shared/gateway-error', {}).valid).toBe(false);
  });
});

// Every harness setting is checked at load: one problem per bad value, naming the variable, the
// value (unless secret) and where it came from, and what would be valid.
import { EnvironmentError } from './errors';
import { loadEnvironment } from './load';
import { postmanDoc, removeTempRoots, tempRoot, thrown } from './temp-root';
import { envFlag, parseBoolean, parseDuration } from './validate';

afterAll(removeTempRoots);

const root = tempRoot({
  e: postmanDoc('e', [
    { key: 'target', value: 'remote' },
    { key: 'auth_url', value: 'https://authentication.api.mitel.io/2017-09-01' },
  ]),
});
const load = (processEnv: NodeJS.ProcessEnv) => loadEnvironment({ environment: 'e', rootDir: root, processEnv, mode: 'live' });
const problemsOf = (processEnv: NodeJS.ProcessEnv): readonly string[] => {
  const error = thrown(() => load(processEnv));
  expect(error).toBeInstanceOf(EnvironmentError);
  return (error as EnvironmentError).problems;
};

describe('settings checked at load (each a bad input of docs/errors.md)', () => {
  it.each([
    [
      'request_timeout_ms',
      'abc',
      /request_timeout_ms is "abc" \(from CLOUDLINK_REQUEST_TIMEOUT_MS in the process environment\): expected milliseconds, e\.g\. 30000/,
    ],
    ['request_timeout_ms', '0', /request_timeout_ms is "0" .*expected between 1 ms and 2147483647 ms/],
    ['request_timeout_ms', '-5', /request_timeout_ms is "-5" .*expected milliseconds/],
    ['request_timeout_ms', '99999999999', /request_timeout_ms is "99999999999" .*about 24 days/],
    ['run_timeout_ms', '10 minutes', /run_timeout_ms is "10 minutes" .*expected milliseconds/],
    ['retry_base_ms', '1e3', /retry_base_ms is "1e3" .*expected milliseconds/],
    ['retry_max_ms', 'fast', /retry_max_ms is "fast" .*expected milliseconds/],
    ['retry_attempts', '0', /retry_attempts is "0" .*expected a whole number from 1 to 100/],
    ['retry_attempts', '2.5', /retry_attempts is "2.5" .*whole number/],
    ['retry_attempts', 'three', /retry_attempts is "three" .*whole number/],
    ['read_only', 'on', /read_only is "on" .*expected true or false \(also 1\/0, yes\/no\)/],
    ['read_only', 'maybe', /read_only is "maybe" .*expected true or false/],
    ['read_only', 'ture', /read_only is "ture" .*Did you mean "true"\?/],
    ['auth_grant', 'pasword', /auth_grant is "pasword" .*expected one of password, client_credentials, authorization_code .*Did you mean "password"\?/],
    ['auth_grant', 'implicit', /auth_grant is "implicit" .*expected one of password/],
    ['auth_url', 'htp:/nope', /auth_url is "htp:\/nope" .*the scheme is "htp"; expected http or https/],
    ['auth_url', 'authentication.api.mitel.io', /auth_url is "authentication.api.mitel.io" .*not a URL: expected http:\/\/ or https:\/\/ and a host/],
    ['admin_url', 'ftp://admin.example', /admin_url is "ftp:\/\/admin.example" .*the scheme is "ftp"/],
    ['media_url', ' https://media.api.mitel.io', /media_url is " https:\/\/media.api.mitel.io" .*must not start or end with spaces/],
    ['chat_url', 'https://chat.api.mitel.io/?v=1', /chat_url is .*takes no \?query or #fragment/],
    ['notifications_url', 'https://', /notifications_url is "https:\/\/" .*not a URL/],
  ])('%s=%j is refused, naming the variable, its source and what is valid', (key, value, expected) => {
    const name = `CLOUDLINK_${key.toUpperCase()}`;
    expect(problemsOf({ [name]: value })).toEqual([expect.stringMatching(expected)]);
  });

  it('names the file a bad value came from', () => {
    const fromFile = tempRoot({ e: postmanDoc('e', [{ key: 'read_only', value: 'on' }]) });
    const error = thrown(() => loadEnvironment({ environment: 'e', rootDir: fromFile, processEnv: {}, mode: 'live' })) as EnvironmentError;
    expect(error.problems).toEqual([expect.stringContaining(`read_only is "on" (from ${fromFile}/environments/e.postman_environment.json)`)]);
  });

  it('never echoes a value the file marks secret', () => {
    const secretRoot = tempRoot({ e: postmanDoc('e', [{ key: 'request_timeout_ms', value: 'hunter2', type: 'secret' }]) });
    const error = thrown(() => loadEnvironment({ environment: 'e', rootDir: secretRoot, processEnv: {}, mode: 'live' }));
    expect(error.message).toContain('request_timeout_ms is (a secret value, not shown)');
    expect(error.message).not.toContain('hunter2');
  });

  it('lists every bad value at once', () => {
    expect(problemsOf({ CLOUDLINK_READ_ONLY: 'on', CLOUDLINK_RETRY_ATTEMPTS: 'x', CLOUDLINK_AUTH_URL: 'htp:/nope' })).toHaveLength(3);
  });

  it.each([
    ['CLOUDLINK_TLS_INSECURE', 'sure', /CLOUDLINK_TLS_INSECURE is "sure" \(from the process environment\): expected true or false/],
    ['CLOUDLINK_REQUEST_DELAY_MS', 'soon', /CLOUDLINK_REQUEST_DELAY_MS is "soon" .*expected milliseconds/],
  ])('run switch %s=%j is refused', (name, value, expected) => {
    expect(problemsOf({ [name]: value })).toEqual([expect.stringMatching(expected)]);
  });
});

describe('good values', () => {
  it('normalises durations to whole milliseconds and leaves templated or blank values alone', () => {
    const env = load({
      CLOUDLINK_REQUEST_TIMEOUT_MS: '30s',
      CLOUDLINK_RUN_TIMEOUT_MS: '2m',
      CLOUDLINK_RETRY_BASE_MS: '250',
      CLOUDLINK_ADMIN_URL: '{{base}}/admin',
    });
    expect(env.values).toMatchObject({
      request_timeout_ms: '30000',
      run_timeout_ms: '120000',
      retry_base_ms: '250',
      admin_url: '{{base}}/admin',
      retry_max_ms: '',
    });
  });

  it('reads switches strictly', () => {
    expect(['true', 'TRUE', '1', 'yes', 'Yes'].map(parseBoolean)).toEqual([true, true, true, true, true]);
    expect(['false', '0', 'no', ''].map(parseBoolean)).toEqual([false, false, false, false]);
    expect(['on', 'maybe', 'ture', '2'].map(parseBoolean)).toEqual([undefined, undefined, undefined, undefined]);
    expect(envFlag(load({ CLOUDLINK_READ_ONLY: 'yes' }), 'read_only')).toBe(true);
    expect(envFlag(load({ CLOUDLINK_READ_ONLY: 'no' }), 'read_only')).toBe(false);
  });

  it('parses durations with units', () => {
    expect(['500', '500ms', '1.5s', '2m', '1h', 'x', '5 s'].map(parseDuration)).toEqual([500, 500, 1500, 120000, 3600000, undefined, 5000]);
  });
});

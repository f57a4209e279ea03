import path from 'node:path';
import { EnvironmentError, IncompleteEnvironmentError } from './errors';
import { assertComplete, loadEnvironment } from './load';
import { postmanDoc, removeTempRoots, tempRoot, thrown } from './temp-root';

afterAll(removeTempRoots);

const remote = postmanDoc('remote', [
  { key: 'target', value: 'remote' },
  { key: 'auth_url', value: 'https://authentication.api.mitel.io/2017-09-01' },
  { key: 'admin_url', value: 'https://admin.api.mitel.io/2017-09-01' },
  { key: 'username', value: 'from-file' },
  { key: 'password', value: '', type: 'secret' },
  { key: 'applicationId', value: 'app-1' },
]);

describe('loadEnvironment: precedence', () => {
  const root = tempRoot(
    { remote },
    {
      '.env': 'CLOUDLINK_USERNAME=from-dotenv\nCLOUDLINK_PASSWORD=p-dotenv\nCLOUDLINK_APPLICATIONID=app-dotenv\n',
      '.env.remote': 'CLOUDLINK_PASSWORD=p-named\nCLOUDLINK_APPLICATIONID=app-named\n',
      '.env.other': 'CLOUDLINK_USERNAME=never-read\n',
    },
  );
  const load = (processEnv: NodeJS.ProcessEnv = {}) => loadEnvironment({ environment: 'remote', rootDir: root, processEnv, mode: 'live' });

  it('layers file < .env < .env.<name> < process environment', () => {
    const env = load({ CLOUDLINK_APPLICATIONID: 'app-process' });
    expect(env.values.auth_url).toBe('https://authentication.api.mitel.io/2017-09-01');
    expect(env.values.username).toBe('from-dotenv');
    expect(env.values.password).toBe('p-named');
    expect(env.values.applicationId).toBe('app-process');
  });

  it('lets any variable be overridden, URLs included, by its CLOUDLINK_ name', () => {
    const env = load({ CLOUDLINK_ADMIN_URL: 'http://127.0.0.1:9/admin', CLOUDLINK_X_MITEL_APP: 'app=t/1', CLOUDLINK_ACCESS_TOKEN2: 't2' });
    expect(env.values.admin_url).toBe('http://127.0.0.1:9/admin');
    expect(env.values['x-mitel-app']).toBe('app=t/1');
    expect(env.values.access_token2).toBe('t2');
  });

  it('does not let an empty value override, so a copied .env.example blanks nothing', () => {
    expect(load({ CLOUDLINK_USERNAME: '', CLOUDLINK_AUTH_URL: '' }).values).toMatchObject({
      username: 'from-dotenv',
      auth_url: 'https://authentication.api.mitel.io/2017-09-01',
    });
  });

  it('ignores process-environment names that match no variable, and never mutates process.env', () => {
    const before = { ...process.env };
    expect(load({ CLOUDLINK_QUIET: '1', CLOUDLINK_SOMETHING_ELSE: 'x', PATH: '/bin' }).values.username).toBe('from-dotenv');
    expect(process.env).toEqual(before);
  });
});

describe('loadEnvironment: choosing the file', () => {
  const root = tempRoot({ remote, sandbox: postmanDoc('sandbox', [{ key: 'target', value: 'sandbox' }]) });

  it('defaults to CLOUDLINK_ENVIRONMENT, then to sandbox', () => {
    expect(loadEnvironment({ rootDir: root, processEnv: {} }).name).toBe('sandbox');
    expect(loadEnvironment({ rootDir: root, processEnv: { CLOUDLINK_ENVIRONMENT: 'remote' } }).name).toBe('remote');
    expect(loadEnvironment({ rootDir: root, processEnv: {} }).target).toBe('sandbox');
  });

  it('takes a path to any Postman export and names it by its file stem', () => {
    const exported = tempRoot({}, { 'Downloads/CloudLink.postman_environment.json': JSON.stringify(remote) });
    const file = path.join(exported, 'Downloads/CloudLink.postman_environment.json');
    const env = loadEnvironment({ environment: file, rootDir: root, processEnv: {} });
    expect(env).toMatchObject({ name: 'CloudLink', file, target: 'remote' });
  });

  it('lists the available names when a name is unknown', () => {
    const error = thrown(() => loadEnvironment({ environment: 'prod', rootDir: root, processEnv: {} }));
    expect(error).toBeInstanceOf(EnvironmentError);
    expect(error.message).toContain('Unknown environment "prod"');
    expect(error.message).toContain('available environments: remote, sandbox');
  });

  it('names a path that does not exist', () => {
    expect(() => loadEnvironment({ environment: './nowhere/x.json', rootDir: root, processEnv: {} })).toThrow(/nowhere\/x\.json[\s\S]*no such file/);
  });

  it('fails a malformed file with every problem and the file name', () => {
    const bad = tempRoot({ bad: { name: 'bad', values: [{ value: 'x' }, { key: 'a', value: 1 }] } });
    const error = thrown(() => loadEnvironment({ environment: 'bad', rootDir: bad, processEnv: {} })) as EnvironmentError;
    expect(error.file).toBe(path.join(bad, 'environments', 'bad.postman_environment.json'));
    expect(error.problems).toHaveLength(2);
  });
});

describe('loadEnvironment: values', () => {
  it('ignores disabled values, as Postman does', () => {
    const root = tempRoot({ e: postmanDoc('e', [{ key: 'applicationId', value: 'off', enabled: false }]) });
    const env = loadEnvironment({ environment: 'e', rootDir: root, processEnv: {} });
    expect(env.get('applicationId')).toBeUndefined();
    expect('applicationId' in env.values).toBe(false);
  });

  it('defines every harness variable, blank when nothing sets it, and treats a missing target as remote', () => {
    const root = tempRoot({ bare: postmanDoc('CloudLink', [{ key: 'PartnerPrimeAccountId', value: '123' }]) });
    const env = loadEnvironment({ environment: 'bare', rootDir: root, processEnv: {} });
    expect(env.values).toMatchObject({ PartnerPrimeAccountId: '123', username2: '', client_id: '', auth_url: '' });
    expect(env.target).toBe('remote');
    expect(env.urlKeys).toEqual(['auth_url', 'admin_url', 'media_url', 'chat_url', 'notifications_url']);
  });

  it('treats a value as secret when typed secret or named as a credential', () => {
    const root = tempRoot({ e: postmanDoc('e', [{ key: 'apiKey', type: 'secret' }, { key: 'password' }, { key: 'username' }]) });
    const env = loadEnvironment({ environment: 'e', rootDir: root, processEnv: {} });
    expect(env.secretKeys).toEqual([
      'apiKey',
      'password',
      'password2',
      'client_secret',
      'access_token',
      'refresh_token',
      'access_token2',
      'refresh_token2',
      'switchboard_key',
    ]);
  });

  it('reports a bad target, an unknown .env name and a control name in .env together', () => {
    const root = tempRoot(
      { e: postmanDoc('e', [{ key: 'target', value: 'local' }]) },
      { '.env': 'CLOUDLINK_PASWORD=x\nCLOUDLINK_MODE=replay\nOTHER_TOOL=fine\n' },
    );
    const error = thrown(() => loadEnvironment({ environment: 'e', rootDir: root, processEnv: {} })) as EnvironmentError;
    expect(error.problems).toEqual([
      `${path.join(root, '.env')}: CLOUDLINK_PASWORD matches no variable of this environment (see environments/.env.example for the names). Did you mean "CLOUDLINK_PASSWORD" or "CLOUDLINK_PASSWORD2"?`,
      `${path.join(root, '.env')}: CLOUDLINK_MODE steers the harness and is read only from the process environment (or the CLI options), not from .env files`,
      `"target" is "local" (from ${path.join(root, 'environments', 'e.postman_environment.json')}); expected "sandbox", "remote" or blank`,
    ]);
  });

  it('returns a deeply frozen object', () => {
    const root = tempRoot({ remote });
    const env = loadEnvironment({ environment: 'remote', rootDir: root, processEnv: {} });
    expect(Object.isFrozen(env)).toBe(true);
    expect(Object.isFrozen(env.values)).toBe(true);
    expect(Object.isFrozen(env.secretKeys)).toBe(true);
    expect(Object.isFrozen(env.urlKeys)).toBe(true);
    expect(() => {
      (env.values as Record<string, string>).username = 'changed';
    }).toThrow(TypeError);
    expect(env.get('username')).toBe('from-file');
  });
});

describe('loadEnvironment: modes', () => {
  const root = tempRoot({ remote });

  it('defaults to CLOUDLINK_MODE, then live, and rejects anything else by name', () => {
    expect(loadEnvironment({ environment: 'remote', rootDir: root, processEnv: {} }).mode).toBe('live');
    expect(loadEnvironment({ environment: 'remote', rootDir: root, processEnv: { CLOUDLINK_MODE: 'record' } }).mode).toBe('record');
    expect(() => loadEnvironment({ environment: 'remote', rootDir: root, processEnv: { CLOUDLINK_MODE: 'replya' } })).toThrow(
      'CLOUDLINK_MODE is "replya"; expected one of replay, live, record',
    );
  });

  it('in replay needs no .env: URLs point at the replay origin and blank account variables get fake stand-ins', () => {
    const env = loadEnvironment({ environment: 'remote', rootDir: root, processEnv: { CLOUDLINK_MODE: 'replay' } });
    expect(env.values).toMatchObject({
      auth_url: 'http://replay.invalid/auth_url',
      admin_url: 'http://replay.invalid/admin_url',
      notifications_url: 'http://replay.invalid/notifications_url',
      password: 'replay-password',
      access_token: 'replay-access_token',
      username: 'from-file',
      accountId: 'replay-accountId',
      redirect_uri: 'replay-redirect_uri',
      'x-mitel-app': '',
    });
    expect(env.accountKeys).toEqual(expect.arrayContaining(['username', 'password', 'accountId', 'client_id', 'redirect_uri']));
    expect(env.accountKeys).not.toContain('x-mitel-app');
  });
});

describe('assertComplete', () => {
  const root = tempRoot({ production: postmanDoc('production', [{ key: 'auth_url', value: 'https://authentication.api.mitel.io/2017-09-01' }]) });
  const env = loadEnvironment({ environment: 'production', rootDir: root, processEnv: { CLOUDLINK_USERNAME: 'ada' }, mode: 'live' });

  it('passes when every asked-for variable has a value', () => {
    expect(() => assertComplete(env, ['auth_url', 'username'], 'live run against production')).not.toThrow();
  });

  it('lists every blank variable with the CLOUDLINK_ name to set, once each', () => {
    const error = thrown(() =>
      assertComplete(env, ['auth_url', 'password', 'x-mitel-app', 'password', 'applicationId'], 'live run against production'),
    ) as IncompleteEnvironmentError;
    expect(error).toBeInstanceOf(IncompleteEnvironmentError);
    expect(error.missing).toEqual(['password', 'x-mitel-app', 'applicationId']);
    expect(error.message).toContain('Environment "production"');
    expect(error.message).toContain('is not ready for live run against production: 3 variables are blank.');
    expect(error.message).toContain('password is blank: set CLOUDLINK_PASSWORD');
    expect(error.message).toContain('x-mitel-app is blank: set CLOUDLINK_X_MITEL_APP');
    expect(error.message).toContain('applicationId is blank: set CLOUDLINK_APPLICATIONID');
    expect(error.message).toContain('.env.production');
  });
});
